package dev.cfbuilds.benchmarks;

import dev.cfbuilds.generated.model.Build;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same {@value FanOutBenchmark#VERSION_IDS}-ID lookup as {@link FanOutBenchmark}, written by
 * hand as a user would: a loop over chunks of 20, with our client one chunk per call, and with the
 * peer (openapi-generator's okhttp-gson client) in turn and on a fixed pool of 8 threads; and the
 * floor at 8 at a time, raw OkHttp and Moshi with nothing of our client between.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class FanOutBaselineBenchmark {
  /**
   * Threads in the peer's hand-made pool, the same as our client's {@code maxConcurrentRequests =
   * 8}.
   */
  public static final int POOL_THREADS = 8;

  /** How long the server waits before each answer; the smoke test sets zero. */
  Duration latency = FanOutBenchmark.LATENCY;

  LoopbackClients loopback;
  private ExecutorService pool;
  private OkHttpClient okHttp;
  private List<String> ids;

  /** Starts the server and builds both clients and the pool. */
  @Setup(Level.Trial)
  public void setUp() {
    loopback = LoopbackClients.start(latency);
    pool = Executors.newFixedThreadPool(POOL_THREADS);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(POOL_THREADS);
    okHttp = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    ids = Fixtures.versionIds(FanOutBenchmark.VERSION_IDS);
  }

  /** Our client, called once per chunk of 20, one after another. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public Map<String, ?> oursSequentialLoop() {
    Map<String, Object> builds = new LinkedHashMap<>();
    for (List<String> chunk : Fixtures.chunks(ids)) {
      builds.putAll(loopback.ours().getBuildsByVersionIds(Fixtures.ACCOUNT_ID, chunk));
    }
    return builds;
  }

  /** The peer, one chunk of 20 after another. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public Map<String, ?> peerSequentialLoop() {
    return loopback.peer().sequential(ids);
  }

  /** The peer, the chunks submitted to a fixed pool of {@value #POOL_THREADS} threads. */
  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 8)
  public Map<String, ?> peerPoolOf8() {
    return loopback.peer().onPool(ids, pool);
  }

  /**
   * The floor at {@value #POOL_THREADS} at a time: every chunk's request enqueued at once on an
   * OkHttp client whose dispatcher runs {@value #POOL_THREADS} per host, each response decoded by
   * Moshi into the generated models on OkHttp's thread (which then starts the next request), then
   * merged in input order. What any client fanning out on OkHttp has to do, and no more.
   */
  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 8)
  public Map<String, Build> floorOkHttpOf8() throws InterruptedException, ExecutionException {
    List<CompletableFuture<Map<String, Build>>> results = new ArrayList<>();
    for (List<String> chunk : Fixtures.chunks(ids)) {
      results.add(RawOkHttp.enqueue(okHttp, RawOkHttp.request(loopback.server().baseUrl(), chunk)));
    }
    Map<String, Build> builds = new LinkedHashMap<>();
    for (CompletableFuture<Map<String, Build>> result : results) {
      builds.putAll(result.get());
    }
    return builds;
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    loopback.close();
  }
}
