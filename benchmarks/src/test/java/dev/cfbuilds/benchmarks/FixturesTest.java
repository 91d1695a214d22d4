package dev.cfbuilds.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Checks that each benchmark's setup works; times nothing. */
class FixturesTest {
  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  @Test
  void replicatesTheSampleBuildUnderEachId() throws IOException {
    List<String> ids = Fixtures.versionIds(DecodeBenchmark.BUILDS);
    BuildsByVersionIdsResponse response = ENVELOPE.fromJson(SamplePayload.load().envelope(ids));

    Build sample = sampleBuild();
    assertThat(response.getSuccess()).isTrue();
    assertThat(response.getResult().getBuilds()).containsOnlyKeys(ids);
    assertThat(response.getResult().getBuilds().values())
        .allSatisfy(build -> assertThat(build).isEqualTo(sample));
    assertThat(response.getResultInfo()).isNotNull();
  }

  @Test
  void compactsOnlyOutsideStrings() {
    assertThat(SamplePayload.compact("{ \"a b\" : [ 1, \"x \\\" y\" ] }"))
        .isEqualTo("{\"a b\":[1,\"x \\\" y\"]}");
  }

  @Test
  void decodeBenchmarkPathsAllSeeTwentyBuilds() throws IOException {
    DecodeBenchmark benchmark = new DecodeBenchmark();
    benchmark.setUp();

    assertThat(benchmark.models().getResult().getBuilds()).hasSize(DecodeBenchmark.BUILDS);
    assertThat((Map<?, ?>) ((Map<?, ?>) benchmark.map().get("result")).get("builds"))
        .hasSize(DecodeBenchmark.BUILDS);
    assertThat(benchmark.peer().getResult().getBuilds()).hasSize(DecodeBenchmark.BUILDS);
  }

  @Test
  void everyClientGetsEveryBuildFromTheFanOutServer() throws Exception {
    List<String> ids = Fixtures.versionIds(FanOutBenchmark.VERSION_IDS);
    try (LoopbackServer server = LoopbackServer.start(SamplePayload.load(), Duration.ZERO);
        CloudflareBuildsClient client =
            Fixtures.ours(server.baseUrl()).maxConcurrentRequests(8).build()) {
      assertThat(client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids)).containsOnlyKeys(ids);
      assertThat(server.requestCount()).isEqualTo(50);

      Peer peer = Peer.create(server.baseUrl());
      ExecutorService pool = Executors.newFixedThreadPool(FanOutBaselineBenchmark.POOL_THREADS);
      try {
        assertThat(peer.sequential(ids)).containsOnlyKeys(ids);
        assertThat(peer.onPool(ids, pool)).containsOnlyKeys(ids);
      } finally {
        pool.shutdownNow();
        peer.close();
      }
    }
  }

  @Test
  void fanOutFloorGetsEveryBuildInInputOrder() throws Exception {
    FanOutBaselineBenchmark benchmark = new FanOutBaselineBenchmark();
    benchmark.latency = Duration.ZERO;
    benchmark.setUp();
    try {
      assertThat(benchmark.floorOkHttpOf8().keySet())
          .containsExactlyElementsOf(Fixtures.versionIds(FanOutBenchmark.VERSION_IDS));
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void perCallPathsAllSeeTwentyBuilds() throws IOException {
    PerCallBenchmark benchmark = new PerCallBenchmark();
    benchmark.setUp();
    try {
      assertThat(benchmark.ours()).hasSize(Fixtures.CHUNK);
      assertThat(benchmark.floor()).isEqualTo(benchmark.ours());
      assertThat(benchmark.peer()).hasSize(Fixtures.CHUNK);
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void idealFanOutTimeIsRoundsOfTheLatency() {
    assertThat(FanOutBenchmark.idealMillis(1)).isEqualTo(2500);
    assertThat(FanOutBenchmark.idealMillis(8)).isEqualTo(350);
    assertThat(FanOutBenchmark.idealMillis(16)).isEqualTo(200);
  }

  private static Build sampleBuild() throws IOException {
    try (InputStream in = SamplePayload.class.getResourceAsStream(SamplePayload.RESOURCE)) {
      BuildsByVersionIdsResponse sample =
          ENVELOPE.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return sample.getResult().getBuilds().values().iterator().next();
    }
  }
}
