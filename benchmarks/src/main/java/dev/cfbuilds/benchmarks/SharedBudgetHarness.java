package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.redis.RedisStore;
import dev.cfbuilds.redis.testing.BuildsStub;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;

/**
 * Prints what {@value #PROCESSES} processes polling the same {@value #VERSIONS} versions send to a
 * stub of the API, each with its own rate budget of {@value #REQUESTS} requests per {@link
 * #WINDOW}, once sharing it through Redis and once not: requests sent, the most in any window, and
 * how many of them Cloudflare would have refused (those that arrived while the window before them
 * already held {@value #REQUESTS}).
 *
 * <p>Issue 24 asks for 8 processes polling 5,000 versions for 10 minutes against Cloudflare's 1,200
 * requests per 5 minutes. Time is scaled down ten times, and the budget with it, so the rate is the
 * same (4 requests a second) and the run still spans two windows: 120 requests per 30 s, for 60 s.
 * The processes are real JVMs ({@code --poll} mode of this class), each asking for one chunk of 20
 * IDs at a time; every build is {@code running}, so every poll asks again. Each first makes one
 * call against a second stub, under a key prefix of its own, so that its first counted request does
 * not load classes between its admission and its sending (in a cold JVM on a loaded machine that
 * took longer than the client's margin, which is scaled down with the window to 0.5 s). Then they
 * start together and are stopped together after the run (a request that arrives later is not
 * counted). Redis is the one {@code CFBUILDS_REDIS_URL} names, else one started here, which admits
 * nothing in its first window: the harness waits that out first. Not a test; run it with
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cfbuilds.benchmarks.SharedBudgetHarness
 * </pre>
 */
public final class SharedBudgetHarness {
  static final int PROCESSES = 8;
  static final int VERSIONS = 5_000;
  static final int REQUESTS = 120;
  static final Duration WINDOW = Duration.ofSeconds(30);
  static final Duration RUN = Duration.ofSeconds(60);

  private static final String POLL = "--poll";
  private static final String READY = "ready";

  private SharedBudgetHarness() {}

  /**
   * Runs both rounds and prints the table; with {@code --poll BASE_URL WARM_UP_URL REDIS_URI|-
   * OFFSET}, polls as one of the processes until killed.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 5 && args[0].equals(POLL)) {
      poll(args[1], args[2], args[3].equals("-") ? null : args[3], Integer.parseInt(args[4]));
      return;
    }
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.SEVERE);
    System.out.println("load average before (1, 5, 15 min): " + loadAverage());
    List<String> rows = new ArrayList<>();
    try (BenchmarkRedis redis = BenchmarkRedis.open()) {
      Duration storeWindow = WINDOW.plus(WINDOW.dividedBy(60));
      if (redis.startedHere()) {
        System.out.println(
            "waiting out a fresh Redis's first window ("
                + storeWindow.toMillis()
                + " ms): it admits nothing before");
      }
      RedisStore probe = redis.store("cfbuilds-harness-probe", storeWindow);
      probe.close();
      rows.add(round("shared through Redis", redis.uri()));
      rows.add(round("separate (no Redis)", null));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d processes polling the same %,d versions for %d s, each with a budget of %d per %d s"
            + " (issue 24's 10 minutes and 1,200 per 5 minutes, time and budget divided by 10)%n%n",
        PROCESSES,
        VERSIONS,
        RUN.toSeconds(),
        REQUESTS,
        WINDOW.toSeconds());
    System.out.println(
        "| budgets | requests sent | most in any " + WINDOW.toSeconds() + " s | over the limit |");
    System.out.println("|---|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("load average after (1, 5, 15 min): " + loadAverage());
  }

  /** Runs the processes for {@link #RUN} against a new stub; returns the table's row. */
  private static String round(String name, String redisUri) throws Exception {
    System.out.println("round: " + name + " (" + RUN.toSeconds() + " s)");
    BuildsStub stub = new BuildsStub(false);
    try (MockWebServer server = new MockWebServer();
        MockWebServer warmUp = new MockWebServer()) {
      server.setDispatcher(stub);
      server.start();
      warmUp.setDispatcher(new BuildsStub(false));
      warmUp.start();
      List<Process> processes = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        processes.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SharedBudgetHarness.class.getName(),
                    POLL,
                    server.url("/client/v4/").toString(),
                    warmUp.url("/client/v4/").toString(),
                    redisUri == null ? "-" : redisUri,
                    String.valueOf(p * VERSIONS / PROCESSES))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
      }
      for (Process process : processes) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!READY.equals(line)) {
          throw new IllegalStateException("a polling process said " + line + ", not " + READY);
        }
      }
      long start = System.nanoTime();
      for (Process process : processes) {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
      }
      long end = start + RUN.toNanos();
      Thread.sleep(RUN.toMillis());
      for (Process process : processes) {
        process.destroy();
      }
      for (Process process : processes) {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      List<Long> arrivals =
          stub.arrivals().stream().filter(t -> t < end).collect(Collectors.toList());
      return String.format(
          Locale.ROOT,
          "| %s | %,d | %,d | %,d |",
          name,
          arrivals.size(),
          mostInAnyWindow(arrivals, WINDOW.toNanos()),
          overTheLimit(arrivals, WINDOW.toNanos()));
    }
  }

  /**
   * Makes one call against {@code warmUpUrl}, says {@value #READY}, waits for a line on standard
   * input, then polls the {@value #VERSIONS} versions one chunk at a time, starting at chunk {@code
   * offset}, until killed, through a client with the harness's budget, shared through {@code
   * redisUri} if not null.
   */
  private static void poll(String baseUrl, String warmUpUrl, String redisUri, int offset)
      throws IOException {
    List<List<String>> chunks = Fixtures.chunks(Fixtures.versionIds(VERSIONS));
    try (RedisStore warmUpStore = store(redisUri, "cfbuilds-harness-warm-up");
        CloudflareBuildsClient warmUp = client(warmUpUrl, warmUpStore)) {
      warmUp.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, chunks.get(0));
    }
    System.out.println(READY);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    try (RedisStore store = store(redisUri, RedisStore.DEFAULT_KEY_PREFIX);
        CloudflareBuildsClient client = client(baseUrl, store)) {
      for (int i = offset / Fixtures.CHUNK; ; i++) {
        client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, chunks.get(i % chunks.size()));
      }
    }
  }

  /** Returns a store on {@code redisUri} under {@code keyPrefix}, or null if the URI is null. */
  private static RedisStore store(String redisUri, String keyPrefix) {
    return redisUri == null
        ? null
        : RedisStore.builder().uri(redisUri).keyPrefix(keyPrefix).build();
  }

  /**
   * Returns a client of {@code baseUrl} with the harness's budget, sharing {@code store} if any.
   */
  private static CloudflareBuildsClient client(String baseUrl, RedisStore store) {
    CloudflareBuildsClient.Builder builder =
        CloudflareBuildsClient.builder()
            .apiToken(Fixtures.API_TOKEN)
            .baseUrl(baseUrl)
            .rateLimit(REQUESTS, WINDOW);
    if (store != null) {
      builder.sharedStore(store);
    }
    return builder.build();
  }

  /** Returns the most of {@code sorted} within any {@code windowNanos}. */
  static int mostInAnyWindow(List<Long> sorted, long windowNanos) {
    int most = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (sorted.get(end) - sorted.get(start) >= windowNanos) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  /**
   * Returns how many of {@code sorted} arrived while the {@code windowNanos} before them already
   * held {@value #REQUESTS} counted ones: what a server enforcing the limit, and not counting what
   * it refused, would have refused.
   */
  static int overTheLimit(List<Long> sorted, long windowNanos) {
    List<Long> counted = new ArrayList<>();
    int start = 0;
    int over = 0;
    for (long arrival : sorted) {
      while (start < counted.size() && arrival - counted.get(start) >= windowNanos) {
        start++;
      }
      if (counted.size() - start >= REQUESTS) {
        over++;
      } else {
        counted.add(arrival);
      }
    }
    return over;
  }

  private static String loadAverage() throws IOException {
    File file = new File("/proc/loadavg");
    if (!file.exists()) {
      return "n/a";
    }
    return Arrays.stream(Files.readString(file.toPath()).split(" "))
        .limit(3)
        .collect(Collectors.joining(" / "));
  }
}
