package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Simulates an hour of a dashboard that refreshes the builds of 5,000 live versions every minute,
 * against a stub that enforces Cloudflare's limit, 1,200 requests in any 5 minutes, and blocks
 * every request for 5 minutes once it is exceeded. 80 % of the builds have stopped at the start;
 * the rest stop at random minutes of the hour.
 *
 * <p>It takes a few seconds: time is a {@link FakeTime} that the client's waits move, and the stub
 * is an interceptor after the client's own (retries, rate budget, auth), so every request goes
 * through the client's whole stack but no socket. One request runs at a time, on the calling
 * thread, so that the fake clock moves only through one waiting thread. Prints the table the README
 * shows.
 */
class DashboardSimulationTest {
  private static final int VERSIONS = 5_000;
  private static final double STOPPED_AT_START = 0.8;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration REFRESH = Duration.ofMinutes(1);
  private static final int LIMIT = 1_200;
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final MediaType JSON = MediaType.get("application/json");

  @Test
  void theBudgetKeepsAnHourOfRefreshesFreeOf429sThatWithoutItTheStubSends() {
    List<Row> rows = new ArrayList<>();
    rows.add(simulate("1,200 / 5 min (default)", "on", b -> b.cacheTerminalBuilds(10_000)));
    rows.add(simulate("1,200 / 5 min (default)", "off", b -> b));
    rows.add(simulate("off", "on", b -> b.noRateLimit().cacheTerminalBuilds(10_000)));
    rows.add(simulate("off", "off", b -> b.noRateLimit()));

    System.out.println(
        "| rate budget | cache | requests sent | 429s | refreshes ok / failed | longest wait in one call |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (Row row : rows) {
      System.out.println(row);
    }

    Row cached = rows.get(0);
    Row uncached = rows.get(1);
    assertThat(cached.tooManyRequests).as("429s with the budget and the cache").isZero();
    assertThat(uncached.tooManyRequests).as("429s with the budget").isZero();
    assertThat(cached.failed + uncached.failed).isZero();
    assertThat(cached.requests).isLessThan(uncached.requests / 4);
    assertThat(uncached.longestWait).isPositive();
    // The twin: without the budget the stub does block, so the zeros above are the budget's work.
    Row unbudgeted = rows.get(3);
    assertThat(unbudgeted.tooManyRequests).as("429s without the budget").isPositive();
    assertThat(unbudgeted.failed).isPositive();
  }

  private static Row simulate(
      String budget,
      String cache,
      java.util.function.UnaryOperator<CloudflareBuildsClient.Builder> setup) {
    FakeTime time = new FakeTime();
    Stub stub = new Stub(time);
    List<String> versionIds = BuildsServer.ids(VERSIONS);
    long end = time.millis() + HOUR.toMillis();
    int ok = 0;
    int failed = 0;
    long longest = 0;
    CloudflareBuildsClient.Builder builder =
        CloudflareBuildsClient.builder()
            .apiToken("simulation-token")
            .baseUrl("http://127.0.0.1:9/client/v4/")
            .sleeper(time)
            .clock(time)
            .maxConcurrentRequests(1)
            .okHttpClient(
                new OkHttpClient.Builder().dispatcher(new Dispatcher(new SameThread())).build())
            .lastInterceptor(stub);
    try (CloudflareBuildsClient client = setup.apply(builder).build()) {
      long next = time.millis();
      while (next < end) {
        time.advanceTo(java.time.Instant.ofEpochMilli(next));
        long start = time.millis();
        try {
          client.getBuildsByVersionIds("acct", versionIds);
          ok++;
        } catch (RateLimitException e) {
          failed++;
        }
        longest = Math.max(longest, time.millis() - start);
        next = Math.max(next + REFRESH.toMillis(), time.millis());
      }
    }
    return new Row(
        budget, cache, stub.requests, stub.tooManyRequests, ok, failed, Duration.ofMillis(longest));
  }

  private record Row(
      String budget,
      String cache,
      int requests,
      int tooManyRequests,
      int ok,
      int failed,
      Duration longestWait) {
    @Override
    public String toString() {
      return String.format(
          "| %s | %s | %,d | %d | %d / %d | %s |",
          budget, cache, requests, tooManyRequests, ok, failed, minutesAndSeconds(longestWait));
    }
  }

  private static String minutesAndSeconds(Duration duration) {
    return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
  }

  /**
   * Runs OkHttp's async calls on the thread that starts them, one after another instead of nested,
   * so that a refresh of 250 requests costs no thread hand-offs. The client's logic is the same on
   * any thread; this only makes the hour take seconds on a busy machine.
   */
  private static final class SameThread extends AbstractExecutorService {
    private final ThreadLocal<Deque<Runnable>> queued = new ThreadLocal<>();

    @Override
    public void execute(Runnable task) {
      Deque<Runnable> running = queued.get();
      if (running != null) {
        running.addLast(task);
        return;
      }
      Deque<Runnable> tasks = new ArrayDeque<>();
      tasks.add(task);
      queued.set(tasks);
      try {
        for (Runnable next = tasks.poll(); next != null; next = tasks.poll()) {
          next.run();
        }
      } finally {
        queued.remove();
      }
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /**
   * Answers like the API under Cloudflare's limit: at most {@value #LIMIT} requests in any window
   * of 5 minutes (a sliding window of arrival times); the request that exceeds it, and every
   * request for the 5 minutes after, gets 429 with {@code Retry-After}. Successful answers carry
   * {@code RateLimit} and {@code RateLimit-Policy}.
   */
  private static final class Stub implements Interceptor {
    private final FakeTime time;
    private final Map<String, Long> stopsAt = new LinkedHashMap<>();
    private final Deque<Long> accepted = new ArrayDeque<>();
    private long blockedUntil;
    int requests;
    int tooManyRequests;

    Stub(FakeTime time) {
      this.time = time;
      Random random = new Random(42);
      long start = time.millis();
      for (String id : BuildsServer.ids(VERSIONS)) {
        boolean stopped = random.nextDouble() < STOPPED_AT_START;
        stopsAt.put(id, stopped ? start : start + (long) (random.nextDouble() * HOUR.toMillis()));
      }
    }

    @Override
    public synchronized Response intercept(Chain chain) {
      requests++;
      long now = time.millis();
      while (!accepted.isEmpty() && accepted.peekFirst() <= now - WINDOW.toMillis()) {
        accepted.removeFirst();
      }
      if (now < blockedUntil || accepted.size() >= LIMIT) {
        if (now >= blockedUntil) {
          blockedUntil = now + WINDOW.toMillis();
        }
        tooManyRequests++;
        return response(
                chain,
                429,
                "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}],\"messages\":[],\"result\":null}")
            .newBuilder()
            .header("Retry-After", String.valueOf((blockedUntil - now + 999) / 1000))
            .build();
      }
      accepted.addLast(now);
      Map<String, Build> builds = new LinkedHashMap<>();
      for (String id : chain.request().url().queryParameter("version_ids").split(",")) {
        boolean stopped = now >= stopsAt.get(id);
        builds.put(
            id,
            Build.builder()
                .status(stopped ? BuildStatus.STOPPED : BuildStatus.RUNNING)
                .buildOutcome(stopped ? BuildOutcome.SUCCESS : null)
                .build());
      }
      long resetSeconds = (accepted.peekFirst() + WINDOW.toMillis() - now + 999) / 1000;
      return response(chain, 200, BuildsServer.envelope(builds))
          .newBuilder()
          .header("RateLimit", "\"default\";r=" + (LIMIT - accepted.size()) + ";t=" + resetSeconds)
          .header("RateLimit-Policy", "\"default\";q=" + LIMIT + ";w=" + WINDOW.toSeconds())
          .build();
    }

    private static Response response(Chain chain, int code, String body) {
      return new Response.Builder()
          .request(chain.request())
          .protocol(Protocol.HTTP_1_1)
          .code(code)
          .message(code == 200 ? "OK" : "Too Many Requests")
          .body(ResponseBody.create(body, JSON))
          .build();
    }
  }
}
