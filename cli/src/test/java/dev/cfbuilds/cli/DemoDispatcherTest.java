package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoDispatcherTest {
  private static final String A = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";
  private static final String NO_BUILD = "00000000-6e1a-4fe4-a799-aa6d9a6ab26e";

  private final OkHttpClient http = new OkHttpClient();
  private DemoApi api;

  @BeforeEach
  void startDemo() throws IOException {
    api = DemoApi.start();
  }

  @AfterEach
  void stopDemo() {
    api.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Reply get(String pathAndQuery, String authorization) throws IOException {
    Request.Builder request = new Request.Builder().url(api.baseUrl() + pathAndQuery);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(response.code(), response.body().string());
    }
  }

  private record Reply(int code, String body) {
    Map<String, Build> builds() throws IOException {
      BuildsByVersionIdsResponse response =
          ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class).fromJson(body);
      assertThat(response.getSuccess()).isTrue();
      return response.getResult().getBuilds();
    }
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(api.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/client/v4/");
  }

  @Test
  void answersValidIdsWithBuildsExceptThoseStartingWithZeros() throws IOException {
    Reply reply =
        get(
            "accounts/acct/builds/builds?version_ids="
                + A.toUpperCase(Locale.ROOT)
                + ","
                + NO_BUILD,
            "Bearer anything");

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.body())
        .startsWith("{\"errors\":[],\"messages\":[],\"result\":{\"builds\":{\"" + A + "\":");
    assertThat(reply.builds()).containsOnlyKeys(A);
  }

  @Test
  void derivesEachBuildFromTheSpecSampleTheSameWayEveryTime() throws IOException {
    Build first = DemoBuilds.forVersion(A);

    assertThat(DemoBuilds.forVersion(A)).isEqualTo(first);
    assertThat(first.getBuildTriggerMetadata().getAuthor()).isEqualTo("developer@cloudflare.com");
    assertThat(first.getTrigger().getTriggerName()).isEqualTo("Production Deploy");
    assertThat(first.getBuildTriggerMetadata().getCommitHash()).matches("[0-9a-f]{40}");
    assertThat(first.getCreatedOn())
        .isAfterOrEqualTo(OffsetDateTime.parse("2019-12-27T18:11:19.117Z"));
    Build served = get("accounts/acct/builds/builds?version_ids=" + A, "Bearer x").builds().get(A);
    assertThat(served.getBuildTriggerMetadata()).isEqualTo(first.getBuildTriggerMetadata());
    assertThat(served.getBuildUuid()).isEqualTo(first.getBuildUuid());
    assertThat(Duration.between(served.getCreatedOn(), served.getStoppedOn()))
        .isEqualTo(Duration.between(first.getCreatedOn(), first.getStoppedOn()));
    assertThat(served.getCreatedOn().toInstant())
        .isBetween(
            Instant.now().minus(Duration.ofDays(31)), Instant.now().minus(Duration.ofDays(1)));
  }

  @Test
  void variesOutcomeStatusBranchAndCommitAcrossIds() {
    Set<BuildOutcome> outcomes = new HashSet<>();
    Set<BuildStatus> statuses = new HashSet<>();
    Set<String> branches = new HashSet<>();
    Set<String> commits = new HashSet<>();
    for (String id : DemoBuilds.madeUpVersionIds(BuildsCommand.DEMO_VERSION_COUNT)) {
      if (DemoBuilds.hasBuild(id)) {
        Build build = DemoBuilds.forVersion(id);
        outcomes.add(build.getBuildOutcome());
        statuses.add(build.getStatus());
        branches.add(build.getBuildTriggerMetadata().getBranch());
        commits.add(build.getBuildTriggerMetadata().getCommitHash());
        assertThat(build.getStoppedOn() == null)
            .isEqualTo(build.getStatus() == BuildStatus.RUNNING);
      }
    }
    assertThat(outcomes).contains(BuildOutcome.SUCCESS, BuildOutcome.FAIL, null);
    assertThat(statuses).containsExactlyInAnyOrder(BuildStatus.STOPPED, BuildStatus.RUNNING);
    assertThat(branches).hasSizeGreaterThan(2);
    assertThat(commits).hasSize(42);
  }

  @Test
  void makesUpFortyFiveIdsOfWhichThreeHaveNoBuild() {
    List<String> ids = DemoBuilds.madeUpVersionIds(45);

    assertThat(ids)
        .isEqualTo(DemoBuilds.madeUpVersionIds(45))
        .doesNotHaveDuplicates()
        .hasSize(45)
        .allMatch(CanonicalUuid::matches);
    assertThat(ids)
        .filteredOn(id -> !DemoBuilds.hasBuild(id))
        .hasSize(3)
        .allMatch(id -> id.startsWith("00000000"));
  }

  @Test
  void rejectsARequestWithoutCredentials() throws IOException {
    Reply reply = get("accounts/acct/builds/builds?version_ids=" + A, null);

    assertThat(reply.code()).isEqualTo(401);
    assertThat(reply.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
                + "\"messages\":[],\"result\":null,\"success\":false}");
  }

  @Test
  void acceptsAnEmailAndApiKeyInsteadOfAToken() throws IOException {
    Request request =
        new Request.Builder()
            .url(api.baseUrl() + "accounts/acct/builds/builds?version_ids=" + A)
            .header("X-Auth-Email", "user@example.com")
            .header("X-Auth-Key", "key")
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void rejectsMoreThanTwentyIds() throws IOException {
    String ids = String.join(",", DemoBuilds.madeUpVersionIds(21));

    Reply reply = get("accounts/acct/builds/builds?version_ids=" + ids, "Bearer x");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.body())
        .contains("\"message\":\"version_ids: at most 20 version IDs per request, got 21\"")
        .contains("\"success\":false");
  }

  @Test
  void rejectsAnIdThatIsNotAUuid() throws IOException {
    Reply reply = get("accounts/acct/builds/builds?version_ids=" + A + ",nope", "Bearer x");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.body()).contains("\"message\":\"version_ids: \\\"nope\\\" is not a UUID\"");
  }

  @Test
  void rejectsARequestWithoutVersionIds() throws IOException {
    Reply reply = get("accounts/acct/builds/builds", "Bearer x");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.body()).contains("\"message\":\"version_ids is required\"");
  }

  @Test
  void answersAnotherPathWith404() throws IOException {
    assertThat(get("accounts/acct/builds/build?version_ids=" + A, "Bearer x").code())
        .isEqualTo(404);
    assertThat(get("accounts//builds/builds?version_ids=" + A, "Bearer x").code()).isEqualTo(404);
    Reply reply = get("accounts/acct/workers/builds?version_ids=" + A, "Bearer x");
    assertThat(reply.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":7000,\"message\":\"No route for that URI\"}],"
                + "\"messages\":[],\"result\":null,\"success\":false}");
  }
}
