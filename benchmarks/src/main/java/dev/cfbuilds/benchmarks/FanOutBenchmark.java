package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.model.Build;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times one call for {@value #VERSION_IDS} version IDs ({@code 50} requests of 20) against a server
 * that takes {@code 50 ms} per request, for several {@code maxConcurrentRequests}. The ideal is
 * {@code ceil(50 / c) × 50 ms}. One call per iteration (single-shot), so each iteration is one wall
 * time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
public class FanOutBenchmark {
  /** How many version IDs one call asks for. */
  public static final int VERSION_IDS = 1000;

  /** How long the server takes to answer each request. */
  public static final Duration LATENCY = Duration.ofMillis(50);

  /** The client setting under test. */
  @Param({"1", "4", "8", "16"})
  public int maxConcurrentRequests;

  /** How long the server waits before each answer; the smoke test sets zero. */
  Duration latency = LATENCY;

  LoopbackServer server;
  private CloudflareBuildsClient client;
  private List<String> ids;

  /** Starts the server and builds the client. */
  @Setup(Level.Trial)
  public void setUp() {
    server = LoopbackServer.start(SamplePayload.load(), latency);
    client = Fixtures.ours(server.baseUrl()).maxConcurrentRequests(maxConcurrentRequests).build();
    ids = Fixtures.versionIds(VERSION_IDS);
  }

  /** One call for all the IDs: the client splits, fans out and merges. */
  @Benchmark
  public Map<String, Build> client() {
    return client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids);
  }

  /** Closes the client and the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.close();
  }

  /**
   * Returns the ideal wall time in milliseconds: {@code ceil(requests / c)} rounds of the latency.
   */
  public static double idealMillis(int maxConcurrentRequests) {
    int requests = (VERSION_IDS + Fixtures.CHUNK - 1) / Fixtures.CHUNK;
    int rounds = (requests + maxConcurrentRequests - 1) / maxConcurrentRequests;
    return rounds * (double) LATENCY.toMillis();
  }
}
