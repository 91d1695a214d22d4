package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.API_TOKEN;
import static dev.cfbuilds.contract.SpecResources.EMAIL;
import static dev.cfbuilds.contract.SpecResources.GLOBAL_API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Response;

/**
 * Independent server: Prism, started from our spec, accepts the requests of the generated API and
 * of the client, answers with the spec's example, and that answer decodes into the models.
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

  private static BuildsApi api(Map<String, String> headers) {
    return SpecResources.buildsApi(prism.url(), headers);
  }
}
