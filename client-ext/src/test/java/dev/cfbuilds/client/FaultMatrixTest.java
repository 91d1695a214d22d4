package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.envelope;
import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.model.Build;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Meets each network or server fault in a one-chunk call and in a five-chunk call where only the
 * third chunk meets it, and checks the outcome, how many requests the server saw, which builds were
 * kept, and that no call or thread is left behind. Prints the matrix when done.
 *
 * <p>A fault hits every request of its chunk unless its name says otherwise ("then 200", the 429s
 * that ask for a short wait), so a failure shows that the retries are bounded.
 */
class FaultMatrixTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final List<String> IDS = ids(100);

  /** The third chunk of {@link #IDS}; a one-chunk call asks for exactly these. */
  private static final List<String> FAULTY_CHUNK = IDS.subList(40, 60);

  private static final int ATTEMPTS = Builder.DEFAULT_MAX_RETRIES + 1;
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(150);
  private static final String FAILURE_ENVELOPE =
      "{\"errors\":[{\"code\":10013,\"message\":\"busy\"}],"
          + "\"messages\":[],\"result\":null,\"success\":false}";
  private static final String HTML_502 =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";

  private static final List<String> TABLE = new CopyOnWriteArrayList<>();
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();

  private final BuildsServer server = new BuildsServer();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusedConnects = new AtomicInteger();

  FaultMatrixTest() throws IOException {}

  @AfterEach
  void closeServer() {
    server.close();
  }

  @AfterAll
  static void printMatrix() {
    System.out.println();
    System.out.println("| fault | call | outcome | requests | builds kept |");
    System.out.println("|---|---|---|---|---|");
    TABLE.forEach(System.out::println);
    System.out.println("fault matrix: " + PASSED + " passed, " + FAILED + " failed");
  }

  /** The call that meets the fault. */
  enum Shape {
    ONE_CHUNK("1 chunk, get"),
    FIVE_CHUNKS_LOOKUP("5 chunks, lookup"),
    FIVE_CHUNKS_GET("5 chunks, get");

    final String label;

    Shape(String label) {
      this.label = label;
    }
  }

  /** Returns a 429 asking the client to retry after {@code retryAfter}. */
  private static MockResponse rateLimited(String retryAfter) {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", retryAfter)
        .body(FAILURE_ENVELOPE)
        .build();
  }

  /**
   * One fault.
   *
   * @param respond the answer to the faulty chunk's n-th request; {@code null} to refuse its
   *     connections
   * @param outcome the exception the call ends in, or {@code null} if it recovers
   * @param cause the type of the outcome's cause, for I/O failures
   * @param requests how many requests of the faulty chunk reach the server
   * @param retryWait the exact wait before each retry, or {@code null} for the jittered backoff
   */
  record Fault(
      String name,
      BiFunction<Integer, List<String>, MockResponse> respond,
      Class<? extends CloudflareException> outcome,
      Class<? extends Throwable> cause,
      int requests,
      Duration retryWait) {
    /** Returns a fault the call ends in, with no fixed wait before a retry. */
    static Fault failing(
        String name,
        BiFunction<Integer, List<String>, MockResponse> respond,
        Class<? extends CloudflareException> outcome,
        Class<? extends Throwable> cause,
        int requests) {
      return new Fault(name, respond, outcome, cause, requests, null);
    }

    /** Returns a fault the call recovers from after {@code requests} requests. */
    static Fault recovering(
        String name,
        BiFunction<Integer, List<String>, MockResponse> respond,
        int requests,
        Duration retryWait) {
      return new Fault(name, respond, null, null, requests, retryWait);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> matrix() {
    List<Fault> faults =
        List.of(
            Fault.failing(
                "connection refused", null, CloudflareIoException.class, ConnectException.class, 0),
            Fault.failing(
                "disconnect before the response",
                (n, ids) ->
                    new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build(),
                CloudflareIoException.class,
                IOException.class,
                ATTEMPTS),
            Fault.failing(
                "disconnect mid-body",
                (n, ids) ->
                    new MockResponse.Builder()
                        .code(200)
                        .body(envelope(ids))
                        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                        .build(),
                CloudflareIoException.class,
                IOException.class,
                ATTEMPTS),
            Fault.failing(
                "truncated JSON",
                (n, ids) -> json(200, envelope(ids).substring(0, 300)),
                MalformedResponseException.class,
                null,
                1),
            Fault.failing(
                "empty body", (n, ids) -> json(200, ""), MalformedResponseException.class, null, 1),
            Fault.failing(
                "HTML 502 page",
                (n, ids) ->
                    new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body(HTML_502)
                        .build(),
                InternalServerException.class,
                null,
                ATTEMPTS),
            Fault.recovering(
                "500 then 200",
                (n, ids) -> n == 0 ? json(500, FAILURE_ENVELOPE) : json(200, envelope(ids)),
                2,
                null),
            Fault.failing(
                "503 every time",
                (n, ids) -> json(503, FAILURE_ENVELOPE),
                InternalServerException.class,
                null,
                ATTEMPTS),
            Fault.recovering(
                "429, Retry-After: 1, then 200",
                (n, ids) -> n == 0 ? rateLimited("1") : json(200, envelope(ids)),
                2,
                Duration.ofSeconds(1)),
            Fault.recovering(
                "429, Retry-After: HTTP-date +7 s, then 200",
                (n, ids) ->
                    n == 0
                        ? rateLimited("Sat, 28 Nov 2026 12:00:07 GMT")
                        : json(200, envelope(ids)),
                2,
                Duration.ofSeconds(7)),
            Fault.failing(
                "429, Retry-After: 300 (cap 60 s)",
                (n, ids) -> rateLimited("300"),
                RateLimitException.class,
                null,
                1),
            Fault.failing(
                "body slower than the timeout",
                (n, ids) ->
                    new MockResponse.Builder()
                        .code(200)
                        .body(envelope(ids))
                        .bodyDelay(4 * SHORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .build(),
                CloudflareIoException.class,
                SocketTimeoutException.class,
                ATTEMPTS),
            Fault.failing(
                "success:false on 200",
                (n, ids) -> json(200, FAILURE_ENVELOPE),
                CloudflareServiceException.class,
                null,
                1),
            Fault.failing(
                "valid JSON of the wrong shape",
                (n, ids) -> json(200, "{\"success\":true,\"result\":[1,2]}"),
                MalformedResponseException.class,
                null,
                1));
    List<Arguments> cases = new ArrayList<>();
    for (Fault fault : faults) {
      for (Shape call : Shape.values()) {
        cases.add(Arguments.of(fault, call));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} · {1}")
  @MethodSource("matrix")
  void meetsEachFaultWithBoundedRetriesAndLeavesNothingRunning(Fault fault, Shape call)
      throws Exception {
    String row = "| " + fault.name() + " | " + call.label + " | ";
    try {
      row += run(fault, call);
      PASSED.incrementAndGet();
      TABLE.add(row);
    } catch (Throwable t) {
      FAILED.incrementAndGet();
      TABLE.add(
          row + "FAILED: " + String.valueOf(t.getMessage()).lines().findFirst().orElse("") + " |");
      throw t;
    }
  }

  @Test
  void closingTheClientEndsAWaitBeforeARetryAtOnce() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    server.enqueue(rateLimited("30"));
    Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
    // Stands in for Thread.sleep(30 s): returns only when interrupted (or, as a safety net, after
    // 10 s).
    CloudflareBuildsClient client =
        server
            .clientBuilder()
            .sleeper(
                duration -> {
                  waiting.countDown();
                  never.await(10, TimeUnit.SECONDS);
                })
            .build();
    CompletableFuture<Map<String, Build>> future =
        client.async().getBuildsByVersionIds("acct", FAULTY_CHUNK);
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

    client.close();

    assertThat(catchThrowable(() -> future.get(5, TimeUnit.SECONDS)))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CloudflareIoException.class);
    assertNoNewThreadLeftAlive(threadsBefore);
    assertThat(server.requests()).hasSize(1);
  }

  /** Runs one cell of the matrix, asserts everything about it, and returns its table columns. */
  private String run(Fault fault, Shape call) throws Exception {
    int deadPort = deadPort();
    if (fault.respond() != null) {
      server.onChunk(FAULTY_CHUNK.get(0), fault.respond());
    }
    Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        fault.respond() == null
                            ? toDeadPort(chain.request(), deadPort)
                            : chain.request()))
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectFailed(
                      Call call,
                      InetSocketAddress address,
                      Proxy proxy,
                      okhttp3.Protocol protocol,
                      IOException e) {
                    refusedConnects.incrementAndGet();
                  }
                })
            .build();
    // Only the slow-body fault gets the short timeout: healthy chunks on a busy machine should not
    // meet it.
    Builder builder =
        server
            .clientBuilder()
            .okHttpClient(http)
            .sleeper(waits::add)
            .clock(CLOCK)
            .timeout(fault.name().contains("timeout") ? SHORT_TIMEOUT : Duration.ofSeconds(10));
    List<String> input = call == Shape.ONE_CHUNK ? FAULTY_CHUNK : IDS;
    int healthyBefore = call == Shape.FIVE_CHUNKS_GET ? 2 : 0;
    int healthyAll = call == Shape.ONE_CHUNK ? 0 : 4;

    Map<String, Build> kept;
    Throwable failure;
    try (CloudflareBuildsClient client =
        (call == Shape.FIVE_CHUNKS_GET ? builder.maxConcurrentRequests(1) : builder).build()) {
      if (call == Shape.FIVE_CHUNKS_LOOKUP) {
        BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);
        kept = lookup.builds();
        failure = lookup.isComplete() ? null : lookup.failures().get(0).exception();
        assertThat(lookup.failures()).hasSize(fault.outcome() == null ? 0 : 1);
        if (failure != null) {
          assertThat(lookup.failedVersionIds()).containsExactlyElementsOf(FAULTY_CHUNK);
        }
      } else {
        AtomicReference<Map<String, Build>> result = new AtomicReference<>(Map.of());
        failure = catchThrowable(() -> result.set(client.getBuildsByVersionIds("acct", input)));
        kept = result.get();
      }
      assertNoCallLeftRunning(http);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    assertThat(http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS))
        .as("the dispatcher's threads end")
        .isTrue();
    assertNoNewThreadLeftAlive(threadsBefore);

    // The outcome.
    if (fault.outcome() == null) {
      assertThat(failure).isNull();
    } else {
      assertThat(failure).isExactlyInstanceOf(fault.outcome());
      if (fault.cause() != null) {
        assertThat(failure.getCause()).isInstanceOf(fault.cause());
      }
    }
    // The requests: the healthy chunks once each, the faulty one a bounded number of times.
    boolean recovered = fault.outcome() == null;
    int expectedRequests =
        fault.requests()
            + (recovered || call != Shape.FIVE_CHUNKS_GET ? healthyAll : healthyBefore);
    assertThat(server.requests()).as("requests the server saw").hasSize(expectedRequests);
    if (fault.respond() == null) {
      assertThat(refusedConnects).as("connections refused").hasValue(ATTEMPTS);
    }
    assertThat(waits)
        .as("waits before retries")
        .hasSize(Math.max(fault.requests(), refusedConnectsOr(fault)) - 1);
    if (fault.retryWait() != null) {
      assertThat(waits).containsOnly(fault.retryWait());
    }
    // The builds kept.
    List<String> expectedKept =
        recovered
            ? input
            : call == Shape.FIVE_CHUNKS_LOOKUP ? without(IDS, FAULTY_CHUNK) : List.of();
    assertThat(kept.keySet()).containsExactlyElementsOf(expectedKept);

    return describe(failure)
        + " | "
        + expectedRequests
        + " | "
        + kept.size()
        + " of "
        + input.size()
        + " |";
  }

  private int refusedConnectsOr(Fault fault) {
    return fault.respond() == null ? refusedConnects.get() : 0;
  }

  private static String describe(Throwable failure) {
    if (failure == null) {
      return "recovered";
    }
    String name = failure.getClass().getSimpleName();
    if (failure instanceof CloudflareIoException) {
      name += " (" + failure.getCause().getClass().getSimpleName() + ")";
    } else if (failure instanceof CloudflareServiceException) {
      name += " (" + ((CloudflareServiceException) failure).statusCode() + ")";
    }
    return name;
  }

  private static List<String> without(List<String> all, List<String> removed) {
    return all.stream().filter(id -> !removed.contains(id)).collect(Collectors.toList());
  }

  /** Sends the faulty chunk's requests to a port nothing listens on; others go through. */
  private static Request toDeadPort(Request request, int deadPort) {
    String first = request.url().queryParameter("version_ids").split(",")[0];
    if (!first.equals(FAULTY_CHUNK.get(0))) {
      return request;
    }
    return request.newBuilder().url(request.url().newBuilder().port(deadPort).build()).build();
  }

  private static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits a bounded time for the calls to leave OkHttp's dispatcher (a cancelled call ends soon
   * after).
   */
  static void assertNoCallLeftRunning(OkHttpClient http) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(http.dispatcher().runningCallsCount()).as("running calls").isZero();
    assertThat(http.dispatcher().queuedCallsCount()).as("queued calls").isZero();
  }

  /**
   * Waits a bounded time for every non-daemon thread started since {@code before} to end, except
   * the test server's: OkHttp's dispatcher threads are non-daemon, its shared task runner's are
   * daemons.
   */
  static void assertNoNewThreadLeftAlive(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<Thread> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
              .filter(t -> !t.getName().startsWith("MockWebServer"))
              .collect(Collectors.toList());
      if (!alive.isEmpty()) {
        Thread.sleep(5);
      }
    } while (!alive.isEmpty() && System.nanoTime() < deadline);
    assertThat(alive).extracting(Thread::getName).as("threads left alive").isEmpty();
  }
}
