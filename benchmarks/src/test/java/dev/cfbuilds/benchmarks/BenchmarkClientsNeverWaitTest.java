package dev.cfbuilds.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.CloudflareBuildsClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Sends at least {@value #REQUESTS} requests through each benchmark's client, built as the
 * benchmark's setup builds it, and fails if the client asked to wait even once: more requests than
 * the default rate budget's 1,200, on loopback without added latency, so within seconds. The signal
 * is the client's {@link NoWaitSleeper}, which fails the call that asks to wait and counts it; it
 * does not guess from timings.
 */
class BenchmarkClientsNeverWaitTest {
  private static final int REQUESTS = 2_000;

  @Test
  void perCallBenchmarkNeverWaits() {
    PerCallBenchmark benchmark = new PerCallBenchmark();
    benchmark.setUp();
    try {
      LoopbackServer server = benchmark.loopback.server();
      assertNoWaits(server, benchmark::ours, 1);
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest
  @MethodSource("fanOutConcurrencies")
  void fanOutBenchmarkNeverWaits(int maxConcurrentRequests) {
    FanOutBenchmark benchmark = new FanOutBenchmark();
    benchmark.maxConcurrentRequests = maxConcurrentRequests;
    benchmark.latency = Duration.ZERO;
    benchmark.setUp();
    try {
      assertNoWaits(benchmark.server, benchmark::client, requestsPerFanOut());
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void fanOutBaselineLoopOfOursNeverWaits() throws InterruptedException {
    FanOutBaselineBenchmark benchmark = new FanOutBaselineBenchmark();
    benchmark.latency = Duration.ZERO;
    benchmark.setUp();
    try {
      assertNoWaits(
          benchmark.loopback.server(), benchmark::oursSequentialLoop, requestsPerFanOut());
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest
  @EnumSource(RateBudgetBenchmark.Budget.class)
  void rateBudgetBenchmarkNeverWaits(RateBudgetBenchmark.Budget budget) throws Exception {
    RateBudgetBenchmark benchmark = new RateBudgetBenchmark();
    benchmark.budget = budget;
    benchmark.setUp();
    try {
      assertNoWaits(benchmark.server, benchmark::call, 1);
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void heapProbeClientNeverWaits() {
    List<String> ids = Fixtures.versionIds(Fixtures.CHUNK);
    try (LoopbackServer server = LoopbackServer.start(SamplePayload.load(), Duration.ZERO);
        CloudflareBuildsClient client = HeapProbe.ours(server.baseUrl())) {
      assertNoWaits(server, () -> client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids), 1);
    }
  }

  /** Returns the {@code maxConcurrentRequests} values {@link FanOutBenchmark} runs. */
  static IntStream fanOutConcurrencies() throws NoSuchFieldException {
    String[] values =
        FanOutBenchmark.class.getField("maxConcurrentRequests").getAnnotation(Param.class).value();
    return Arrays.stream(values).mapToInt(Integer::parseInt);
  }

  private static int requestsPerFanOut() {
    return (FanOutBenchmark.VERSION_IDS + Fixtures.CHUNK - 1) / Fixtures.CHUNK;
  }

  /**
   * Makes calls of {@code requestsPerCall} requests until {@value #REQUESTS} have been sent, and
   * checks that the server saw them all and that the client never asked to wait.
   */
  private static void assertNoWaits(LoopbackServer server, Runnable call, int requestsPerCall) {
    int waitsBefore = NoWaitSleeper.INSTANCE.waits();
    int requestsBefore = server.requestCount();
    int calls = (REQUESTS + requestsPerCall - 1) / requestsPerCall;
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    assertThat(NoWaitSleeper.INSTANCE.waits() - waitsBefore)
        .as("waits the client asked for")
        .isZero();
    assertThat(server.requestCount() - requestsBefore).isGreaterThanOrEqualTo(REQUESTS);
  }
}
