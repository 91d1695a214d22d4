package dev.cfbuilds.benchmarks;

import dev.cfbuilds.generated.model.Build;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Times one 20-ID call answering 20 builds from a loopback server with no added latency: our
 * client; the floor, raw OkHttp and Moshi decoding into the same generated models on the caller's
 * thread; the same floor enqueued on OkHttp's dispatcher and awaited, as a call of several requests
 * is run (our client runs a blocking call of one request on the caller's thread, like the floor);
 * and the peer.
 */
public class PerCallBenchmark extends MicrosecondBenchmark {
  LoopbackClients loopback;
  private OkHttpClient okHttp;
  private List<String> ids;

  /** Starts the server and builds the clients. */
  @Setup(Level.Trial)
  public void setUp() {
    loopback = LoopbackClients.start(Duration.ZERO);
    okHttp = new OkHttpClient();
    ids = Fixtures.versionIds(Fixtures.CHUNK);
  }

  /** Our client. */
  @Benchmark
  public Map<String, Build> ours() {
    return loopback.ours().getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids);
  }

  /**
   * The floor: build the request, execute it on the caller's thread, decode with the shared
   * adapter.
   */
  @Benchmark
  public Map<String, Build> floor() throws IOException {
    try (Response response = okHttp.newCall(request()).execute()) {
      return decode(response);
    }
  }

  /** The floor's request and decoding, run on OkHttp's dispatcher thread while the caller waits. */
  @Benchmark
  public Map<String, Build> floorAsync() throws InterruptedException, ExecutionException {
    return RawOkHttp.enqueue(okHttp, request()).get();
  }

  /** The peer, one request. */
  @Benchmark
  public Map<String, ?> peer() {
    return loopback.peer().chunk(ids);
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    loopback.close();
  }

  private Request request() {
    return RawOkHttp.request(loopback.server().baseUrl(), ids);
  }

  private static Map<String, Build> decode(Response response) throws IOException {
    return RawOkHttp.decode(response);
  }
}
