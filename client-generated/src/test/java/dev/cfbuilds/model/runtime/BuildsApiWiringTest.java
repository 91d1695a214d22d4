package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.ProviderType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

class BuildsApiWiringTest {
  private static final String SAMPLE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();

  @AfterEach
  void stopClient() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Test
  void sendsCommaSeparatedVersionIdsAndDecodesTheSample() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(resource(SAMPLE))
            .build());
    BuildsApi api = ApiWiring.buildsApi(okHttp, server.url("/client/v4/"));

    Response<BuildsByVersionIdsResponse> response =
        api.getBuildsByVersionIds(
                "acct-1",
                new CSVParams(
                    List.of(
                        "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e",
                        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")))
            .execute();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo(
            "/client/v4/accounts/acct-1/builds/builds"
                + "?version_ids=8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e,182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

    assertThat(response.code()).isEqualTo(200);
    BuildsByVersionIdsResponse body = response.body();
    assertThat(body.getSuccess()).isTrue();
    assertThat(body.getErrors())
        .singleElement()
        .satisfies(e -> assertThat(e.getCode()).isEqualTo(12000));
    assertThat(body.getResultInfo().getTotalCount()).isEqualTo(150);
    Build build = body.getResult().getBuilds().get("foo");
    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.SUCCESS);
    assertThat(build.getStatus()).isEqualTo(BuildStatus.RUNNING);
    assertThat(build.getBuildUuid())
        .isEqualTo(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"));
    assertThat(build.getCreatedOn()).isEqualTo(OffsetDateTime.parse("2019-12-27T18:11:19.117Z"));
    assertThat(build.getPullRequest().getPullRequestUrl())
        .isEqualTo(URI.create("https://github.com/cloudflare/workers-sdk/pull/123"));
    assertThat(build.getTrigger().getRepoConnection().getProviderType())
        .isEqualTo(ProviderType.GITHUB);
    assertThat(build.getBuildTriggerMetadata().getEnvironmentVariables())
        .containsEntry("foo", EnvironmentVariableValue.ofString("string"));
  }

  @Test
  void decodesAnUnknownEnumValueToTheFallbackKeepingItsText() throws IOException {
    String json = "{\"build_outcome\":\"timed_out\",\"status\":\"stopped\"}";
    Build build = ApiWiring.moshi().adapter(Build.class).fromJson(json);

    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.UNKNOWN);
    assertThat(build._buildOutcome().rawJson()).contains("timed_out");
    assertThat(build.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(ApiWiring.moshi().adapter(Build.class).toJson(build)).isEqualTo(json);
  }

  @Test
  void keepsANonCanonicalUuidAsItsTextWithoutFailing() throws IOException {
    Build build = ApiWiring.moshi().adapter(Build.class).fromJson("{\"build_uuid\":\"1-2-3-4-5\"}");

    assertThat(build.getBuildUuid()).isNull();
    assertThat(build._mismatchedProperties()).containsExactly("build_uuid");
    assertThat(build._buildUuid().isMismatched()).isTrue();
    assertThat(build._buildUuid().rawJson()).contains("1-2-3-4-5");
  }

  @Test
  void writesDatesBackInTheFormTheyWereRead() {
    Build build =
        Build.builder().createdOn(OffsetDateTime.parse("2019-12-27T18:11:19.117Z")).build();

    assertThat(ApiWiring.moshi().adapter(Build.class).toJson(build))
        .isEqualTo("{\"created_on\":\"2019-12-27T18:11:19.117Z\"}");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BuildsApiWiringTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
