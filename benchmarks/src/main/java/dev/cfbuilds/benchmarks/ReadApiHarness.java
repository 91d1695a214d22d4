package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.LiveDeployment;
import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.client.testing.NoDelayServerSockets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Prints the read API's figures (issue 21) beside a baseline measured in the same run: reading
 * 100,000 log lines over 100 pages (retained heap at 10k, 50k and 100k lines; lines per second
 * against a raw OkHttp + Moshi loop), and the requests "what is live" sends for 200 Workers against
 * the ideal. Not a test: run it with
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cfbuilds.benchmarks.ReadApiHarness
 * </pre>
 */
public final class ReadApiHarness {
  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final String BUILD = "b335c0af-9297-4d89-939f-1f502d372234";
  private static final int PAGES = 100;
  private static final int LINES = 100_000;
  private static final int PER_PAGE = LINES / PAGES;
  private static final int WORKERS = 200;
  private static final int ROUNDS = 3;

  private ReadApiHarness() {}

  public static void main(String[] args) throws Exception {
    Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.SEVERE);
    System.out.println("load average before: " + loadAverage());
    try (MockWebServer server = start(new LogPages())) {
      HttpUrl base = server.url("/client/v4/");
      try (CloudflareBuildsClient client = client(base)) {
        heap(client);
        speed(client, base);
      }
    }
    try (MockWebServer server = start(new Workers())) {
      live(server);
    }
    System.out.println("load average after: " + loadAverage());
  }

  private static void heap(CloudflareBuildsClient client) {
    System.out.println();
    System.out.println("Retained heap while reading " + LINES + " lines over " + PAGES + " pages");
    long before = usedAfterGc();
    Iterator<LogLine> lines = client.builds(ACCOUNT).logs(BUILD).iterator();
    int read = 0;
    List<String> rows = new ArrayList<>();
    while (lines.hasNext()) {
      lines.next();
      read++;
      if (read == 10_000 || read == 50_000 || read == 100_000) {
        long used = usedAfterGc() - before;
        rows.add(String.format(Locale.ROOT, "| %,d | %,d KB |", read, used / 1024));
      }
    }
    System.out.println("| lines read | heap retained above the start (after GC) |");
    System.out.println("|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println("(lines read: " + read + ")");
  }

  private static void speed(CloudflareBuildsClient client, HttpUrl base) throws IOException {
    System.out.println();
    System.out.println("Lines per second, " + LINES + " lines over " + PAGES + " pages, loopback");
    System.out.println("| round | cfbuilds `logs()` | raw OkHttp + Moshi | cfbuilds ÷ raw |");
    System.out.println("|---:|---:|---:|---:|");
    OkHttpClient raw = new OkHttpClient();
    ours(client);
    baseline(raw, base);
    for (int round = 1; round <= ROUNDS; round++) {
      double ours = ours(client);
      double theirs = baseline(raw, base);
      System.out.printf(
          Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", round, ours, theirs, ours / theirs);
    }
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
  }

  private static double ours(CloudflareBuildsClient client) {
    long start = System.nanoTime();
    long count = client.builds(ACCOUNT).logs(BUILD).count();
    check(count);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** Reads the same pages the plain way: OkHttp, Moshi's generic adapter, a cursor loop. */
  @SuppressWarnings("unchecked")
  private static double baseline(OkHttpClient http, HttpUrl base) throws IOException {
    JsonAdapter<Map<String, Object>> adapter =
        (JsonAdapter<Map<String, Object>>)
            (JsonAdapter<?>) new Moshi.Builder().build().adapter(Map.class);
    long start = System.nanoTime();
    long count = 0;
    String cursor = null;
    while (true) {
      HttpUrl.Builder url =
          base.newBuilder()
              .addPathSegments("accounts/" + ACCOUNT + "/builds/builds/" + BUILD + "/logs");
      if (cursor != null) {
        url.addQueryParameter("cursor", cursor);
      }
      Request request =
          new Request.Builder().url(url.build()).header("Authorization", "Bearer t").build();
      Map<String, Object> result;
      try (Response response = http.newCall(request).execute()) {
        result = (Map<String, Object>) adapter.fromJson(response.body().source()).get("result");
      }
      for (Object line : (List<Object>) result.get("lines")) {
        List<Object> pair = (List<Object>) line;
        if (pair.get(1) instanceof String) {
          count++;
        }
      }
      cursor = (String) result.get("cursor");
      if (!Boolean.TRUE.equals(result.get("truncated"))) {
        break;
      }
    }
    check(count);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static void live(MockWebServer server) {
    Workers workers = (Workers) server.getDispatcher();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      names.add("worker-" + i);
    }
    List<String> mixed = new ArrayList<>(names);
    mixed.set(0, Workers.tag(0));
    int versions = Workers.versionCount();
    int ideal = 1 + WORKERS + (versions + 19) / 20;
    System.out.println();
    System.out.println(
        "\"What is live\" for " + WORKERS + " Workers (" + versions + " live versions)");
    System.out.println("| how | requests | ideal (1 + 200 + ceil(versions / 20)) |");
    System.out.println("|---|---:|---:|");
    try (CloudflareBuildsClient client = client(server.url("/client/v4/"))) {
      workers.requests.set(0);
      Map<String, LiveDeployment> live = client.workers(ACCOUNT).live(mixed);
      checkLive(live);
      System.out.printf(
          Locale.ROOT,
          "| `live(workers)`, one Worker by tag | %d | %d |%n",
          workers.requests.get(),
          ideal);
    }
    try (CloudflareBuildsClient client = client(server.url("/client/v4/"))) {
      workers.requests.set(0);
      checkLive(client.workers(ACCOUNT).live(names));
      System.out.printf(
          Locale.ROOT,
          "| `live(workers)`, all by name (no scripts list needed) | %d | %d |%n",
          workers.requests.get(),
          ideal);
    }
    try (CloudflareBuildsClient client = client(server.url("/client/v4/"))) {
      workers.requests.set(0);
      for (String name : names) {
        client.workers(ACCOUNT).live(name);
      }
      System.out.printf(
          Locale.ROOT,
          "| baseline: `live(worker)` once per Worker | %d | %d |%n",
          workers.requests.get(),
          ideal);
    }
  }

  private static void checkLive(Map<String, LiveDeployment> live) {
    if (live.size() != WORKERS) {
      throw new IllegalStateException("expected " + WORKERS + " Workers, got " + live.size());
    }
    for (LiveDeployment deployment : live.values()) {
      for (LiveDeployment.Version version : deployment.versions()) {
        if (version.build() == null) {
          throw new IllegalStateException("no build for " + version.versionId());
        }
      }
    }
  }

  private static void check(long count) {
    if (count != LINES) {
      throw new IllegalStateException("read " + count + " lines, expected " + LINES);
    }
  }

  private static CloudflareBuildsClient client(HttpUrl base) {
    return CloudflareBuildsClient.builder()
        .apiToken("harness-token")
        .baseUrl(base.toString())
        .noRateLimit()
        .maxConcurrentRequests(8)
        .build();
  }

  private static MockWebServer start(Dispatcher dispatcher) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(dispatcher);
    server.start();
    return server;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /**
   * Serves {@value #LINES} lines in {@value #PAGES} pages; the cursor is the next page's number.
   */
  static final class LogPages extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String cursor = request.getUrl().queryParameter("cursor");
      int page = cursor == null ? 0 : Integer.parseInt(cursor);
      StringBuilder body = new StringBuilder(PER_PAGE * 64);
      body.append("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"lines\":[");
      for (int i = 0; i < PER_PAGE; i++) {
        int n = page * PER_PAGE + i;
        body.append(i == 0 ? "" : ",")
            .append('[')
            .append(1796375523L + n / 50)
            .append(",\"transforming src/module-")
            .append(n)
            .append(".ts (")
            .append(n % 977)
            .append(" kB)\"]");
      }
      body.append("],\"cursor\":\"")
          .append(page + 1)
          .append("\",\"truncated\":")
          .append(page + 1 < PAGES)
          .append("}}");
      return json(body.toString());
    }
  }

  /**
   * Serves {@value #WORKERS} Workers: every fourth one in a gradual deployment of two versions, the
   * rest one version; every version has a build. Counts requests.
   */
  static final class Workers extends Dispatcher {
    final AtomicInteger requests = new AtomicInteger();

    static String tag(int worker) {
      return String.format(Locale.ROOT, "%032x", worker + 1);
    }

    static String version(int worker, int n) {
      return String.format(Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%06d%06d", worker, n);
    }

    static int versionCount() {
      int count = 0;
      for (int i = 0; i < WORKERS; i++) {
        count += i % 4 == 0 ? 2 : 1;
      }
      return count;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      List<String> path = request.getUrl().pathSegments();
      String last = path.get(path.size() - 1);
      if (last.equals("scripts")) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < WORKERS; i++) {
          out.append(i == 0 ? "" : ",")
              .append("{\"id\":\"worker-")
              .append(i)
              .append("\",\"tag\":\"")
              .append(tag(i))
              .append("\"}");
        }
        return json(envelope(out.append(']').toString()));
      }
      if (last.equals("deployments")) {
        int i = Integer.parseInt(path.get(path.size() - 2).substring("worker-".length()));
        String versions =
            i % 4 == 0
                ? "{\"percentage\":90,\"version_id\":\""
                    + version(i, 1)
                    + "\"},"
                    + "{\"percentage\":10,\"version_id\":\""
                    + version(i, 2)
                    + "\"}"
                : "{\"percentage\":100,\"version_id\":\"" + version(i, 1) + "\"}";
        return json(envelope("{\"deployments\":[{\"versions\":[" + versions + "]}]}"));
      }
      StringBuilder builds = new StringBuilder("{\"builds\":{");
      String[] ids = request.getUrl().queryParameter("version_ids").split(",");
      for (int k = 0; k < ids.length; k++) {
        builds
            .append(k == 0 ? "" : ",")
            .append('"')
            .append(ids[k])
            .append("\":{\"build_uuid\":\"")
            .append(ids[k])
            .append("\",\"status\":\"stopped\",\"build_outcome\":\"success\"}");
      }
      return json(envelope(builds.append("}}").toString()));
    }

    private static String envelope(String result) {
      return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}";
    }
  }
}
