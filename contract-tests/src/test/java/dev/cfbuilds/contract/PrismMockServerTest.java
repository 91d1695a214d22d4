package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.API_TOKEN;
import static dev.cfbuilds.contract.SpecResources.EMAIL;
import static dev.cfbuilds.contract.SpecResources.GLOBAL_API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.contract.OperationCalls.OperationCall;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.WorkersApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.LosslessModel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Independent server: Prism, started from our spec, accepts the requests of every generated API
 * call and of the client, answers with the spec's example, and that answer decodes into the models.
 */
class PrismMockServerTest {
  private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + API_TOKEN);

  @TempDir static Path workDir;
  private static PrismServer prism;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismServer.start(SpecResources.specYaml(), workDir);
  }

  @AfterAll
  static void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  @Test
  void prismAcceptsTheGeneratedApisRequestAndItsAnswerDecodes() throws Exception {
    Response<BuildsByVersionIdsResponse> response =
        api(TOKEN)
            .getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(SpecResources.VERSION_ID))
            .execute();

    assertThat(response.code()).as("Prism's log:%n%s", prism.log()).isEqualTo(200);
    assertThat(response.body().getSuccess()).isTrue();
    assertThat(response.body().getResult().getBuilds()).containsOnlyKeys("foo");
    assertThat(response.body().getResult().getBuilds().get("foo"))
        .usingRecursiveComparison()
        .isEqualTo(SpecResources.sampleBuild());
  }

  static Stream<OperationCall> calls() {
    return OperationCalls.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void prismAcceptsEveryGeneratedCallAndItsAnswerDecodesToTheExample(OperationCall call)
      throws Exception {
    Response<?> response = call.call().apply(retrofit(TOKEN)).execute();

    assertThat(response.code()).as("Prism's log:%n%s", prism.log()).isEqualTo(200);
    String example = SpecResources.read(SpecResources.exampleFile(call.operationId(), "200"));
    assertThat(response.body())
        .isEqualTo(SpecResources.decode(example, response.body().getClass()));
    assertThat(((LosslessModel) response.body())._mismatchedPaths()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void prismRejectsEveryCallWithoutCredentials(OperationCall call) throws Exception {
    Response<?> response = call.call().apply(retrofit(Map.of())).execute();

    assertThat(response.code()).isEqualTo(401);
    assertThat(response.headers().get("sl-violations")).contains("Invalid security scheme used");
  }

  @Test
  void prismRejectsMoreThanTwoHundredBuildsAPage() throws Exception {
    Response<?> response =
        retrofit(TOKEN)
            .create(WorkersApi.class)
            .listBuildsByScript(ACCOUNT_ID, SpecResources.WORKER_TAG, 1, 201)
            .execute();

    // The operation has no response for an invalid request, so Prism describes the violation in
    // its own body rather than in a header.
    assertThat(response.code()).isEqualTo(422);
    assertThat(response.errorBody().string())
        .contains("Request query parameter per_page must be <= 200");
  }

  @Test
  void prismRejectsTwentyOneWorkerTags() throws Exception {
    List<String> tags = Collections.nCopies(21, SpecResources.WORKER_TAG);

    Response<?> response =
        retrofit(TOKEN)
            .create(BuildsApi.class)
            .getLatestBuildsByScripts(ACCOUNT_ID, new CSVParams(tags))
            .execute();

    assertThat(response.code()).isEqualTo(422);
    assertThat(response.errorBody().string())
        .contains("Request query parameter external_script_ids must NOT have more than 20 items");
  }

  @Test
  void clientGetsTheSpecExampleFromPrism() throws Exception {
    Map<String, Build> builds;
    try (CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiToken(API_TOKEN)
            .baseUrl(prism.url().toString())
            .build()) {
      builds = client.getBuildsByVersionIds(ACCOUNT_ID, List.of(SpecResources.VERSION_ID));
    }

    // Prism serves the spec's example as it is, so the build comes back under the example's key.
    assertThat(builds).containsOnlyKeys("foo");
    assertThat(builds.get("foo")).usingRecursiveComparison().isEqualTo(SpecResources.sampleBuild());
  }

  @Test
  void prismAcceptsEmailAndGlobalKey() throws Exception {
    Map<String, String> emailAndKey = Map.of("X-Auth-Email", EMAIL, "X-Auth-Key", GLOBAL_API_KEY);

    Response<BuildsByVersionIdsResponse> response =
        api(emailAndKey)
            .getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(SpecResources.VERSION_ID))
            .execute();

    assertThat(response.code()).as("Prism's log:%n%s", prism.log()).isEqualTo(200);
  }

  @Test
  void prismRejectsARequestWithoutCredentials() throws Exception {
    Response<BuildsByVersionIdsResponse> response =
        api(Map.of())
            .getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(SpecResources.VERSION_ID))
            .execute();

    assertThat(response.code()).isEqualTo(401);
    assertThat(response.headers().get("sl-violations")).contains("Invalid security scheme used");
  }

  @Test
  void prismRejectsTwentyOneVersionIds() throws Exception {
    List<String> ids = Collections.nCopies(21, SpecResources.VERSION_ID);

    Response<BuildsByVersionIdsResponse> response =
        api(TOKEN).getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(ids)).execute();

    assertThat(response.code()).isEqualTo(422);
    assertThat(response.headers().get("sl-violations"))
        .contains("Request query parameter version_ids must NOT have more than 20 items");
  }

  private static Retrofit retrofit(Map<String, String> headers) {
    return SpecResources.retrofit(prism.url(), headers);
  }

  private static BuildsApi api(Map<String, String> headers) {
    return SpecResources.buildsApi(prism.url(), headers);
  }
}
