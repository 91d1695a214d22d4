package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.ApiWiring;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * Times one 20-ID call answering 20 builds from a loopback server with no added latency: our client,
 * the floor (raw OkHttp and Moshi decoding into the same generated models), and the peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
public class PerCallBenchmark {
  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  private LoopbackServer server;
  private CloudflareBuildsClient client;
  private OkHttpClient okHttp;
  private Peer peer;
  private List<String> ids;

  /** Starts the server and builds the three clients. */
  @Setup(Level.Trial)
  public void setUp() {
    server = LoopbackServer.start(SamplePayload.load(), Duration.ZERO);
    client = CloudflareBuildsClient.builder()
        .apiToken(Fixtures.API_TOKEN)
        .baseUrl(server.baseUrl().toString())
        .build();
    okHttp = new OkHttpClient();
    peer = Peer.create(server.baseUrl());
    ids = Fixtures.versionIds(Fixtures.CHUNK);
  }

  /** Our client. */
  @Benchmark
  public Map<String, Build> ours() {
    return client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids);
  }

  /** The floor: build the URL, execute on the caller's thread, decode with the shared Moshi adapter. */
  @Benchmark
  public Map<String, Build> floor() throws IOException {
    HttpUrl url = server.baseUrl().newBuilder()
        .addPathSegment("accounts").addPathSegment(Fixtures.ACCOUNT_ID)
        .addPathSegment("builds").addPathSegment("builds")
        .addEncodedQueryParameter("version_ids", String.join(",", ids))
        .build();
    Request request = new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + Fixtures.API_TOKEN)
        .build();
    try (Response response = okHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return ENVELOPE.fromJson(response.body().source()).getResult().getBuilds();
    }
  }

  /** The peer, one request. */
  @Benchmark
  public Map<String, ?> peer() {
    return peer.chunk(ids);
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    peer.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    client.close();
    server.close();
  }
}
