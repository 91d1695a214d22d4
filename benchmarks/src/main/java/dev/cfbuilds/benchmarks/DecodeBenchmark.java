package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.cfbuilds.benchmarks.peer.JSON;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times decoding one 20-build response (the sample build under 20 IDs, 36,012 bytes) from bytes in
 * memory: into the generated models with {@code ApiWiring.moshi()}, into {@code Map<String,
 * Object>} with plain Moshi, and into the peer's models with its Gson setup. Each reads the bytes
 * the way its client does: Moshi from an Okio source (as Retrofit's converter), the peer from an
 * {@code InputStream} (as its {@code ApiClient.deserialize}). Run with the GC profiler for
 * allocation per operation.
 */
public class DecodeBenchmark extends MicrosecondBenchmark {
  /** Builds in the decoded response. */
  public static final int BUILDS = Fixtures.CHUNK;

  private byte[] body;
  private JsonAdapter<BuildsByVersionIdsResponse> models;
  private JsonAdapter<Map<String, Object>> map;

  /** Builds the payload and looks the adapters up once, as the client does. */
  @Setup(Level.Trial)
  public void setUp() {
    body = SamplePayload.load().envelopeBytes(Fixtures.versionIds(BUILDS));
    models = ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);
    map =
        ApiWiring.moshi()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /** Into the generated models. */
  @Benchmark
  public BuildsByVersionIdsResponse models() throws IOException {
    return models.fromJson(new Buffer().write(body));
  }

  /** Into maps, lists, strings and doubles. */
  @Benchmark
  public Map<String, Object> map() throws IOException {
    return map.fromJson(new Buffer().write(body));
  }

  /** Into the peer's models. */
  @Benchmark
  public dev.cfbuilds.benchmarks.peer.model.BuildsByVersionIdsResponse peer() throws IOException {
    return JSON.deserialize(
        new ByteArrayInputStream(body),
        dev.cfbuilds.benchmarks.peer.model.BuildsByVersionIdsResponse.class);
  }
}
