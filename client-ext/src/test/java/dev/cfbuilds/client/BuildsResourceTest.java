package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.ACCOUNT;
import static dev.cfbuilds.client.ReadServer.build;
import static dev.cfbuilds.client.ReadServer.json;
import static dev.cfbuilds.client.ReadServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import java.io.IOException;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuildsResourceTest {
  static final String UUID_1 = "b335c0af-9297-4d89-939f-1f502d372234";

  private final ReadServer server = new ReadServer();
  private final CloudflareBuildsClient client = server.clientBuilder().build();

  BuildsResourceTest() throws IOException {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void getsABuildByUuid() throws Exception {
    server.enqueue(
        "/builds/builds/" + UUID_1,
        ok(build(UUID_1, "stopped", "success", "2026-12-04T09:12:01.207Z")));

    Build build = client.builds().get(UUID_1);

    assertThat(build.getBuildUuid()).hasToString(UUID_1);
    assertThat(build.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.SUCCESS);
    RecordedRequest request = server.server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/client/v4/accounts/" + ACCOUNT + "/builds/builds/" + UUID_1);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("cfbuilds-java/");
  }

  @Test
  void anUnknownBuildIsNotFoundWithCloudflaresCode() {
    server.enqueue("/builds/builds/" + UUID_1, json(404, ReadServer.error(12000, "Not found")));

    NotFoundException e =
        catchThrowableOfType(NotFoundException.class, () -> client.builds().get(UUID_1));

    assertThat(e)
        .hasMessage(
            "GET /client/v4/accounts/"
                + ACCOUNT
                + "/builds/builds/"
                + UUID_1
                + " returned 404 Not Found: [12000] Not found");
    assertThat(e.errors())
        .singleElement()
        .satisfies(err -> assertThat(err.getCode()).isEqualTo(12000));
  }

  @Test
  void successFalseInA200IsAnError() {
    server.enqueue("/builds/builds/" + UUID_1, json(200, ReadServer.error(12001, "Broken")));

    assertThatThrownBy(() -> client.builds().get(UUID_1))
        .isExactlyInstanceOf(CloudflareServiceException.class)
        .hasMessage(
            "GET /client/v4/accounts/"
                + ACCOUNT
                + "/builds/builds/"
                + UUID_1
                + " returned 200 with \"success\": false: [12001] Broken");
  }

  @Test
  void rejectsBadInputBeforeAnyRequest() {
    assertThatThrownBy(() -> client.builds().get("not-a-uuid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buildUuid is not a UUID (expected 8-4-4-4-12 hex digits): \"not-a-uuid\"");
    assertThatThrownBy(() -> client.builds().logs("b335c0af9297"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("buildUuid is not a UUID");
    assertThatThrownBy(() -> client.builds().list("", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("worker must not be empty: give a Worker name or tag");
    assertThatThrownBy(() -> client.builds().list("e0cdf9a9729b6249ff3729acd839d32", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "worker looks like a Worker tag but has 31 hex digits; a tag has 32:"
                + " \"e0cdf9a9729b6249ff3729acd839d32\"");
    assertThatThrownBy(() -> client.builds().list("checkout-api", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be >= 1 but was 0");
    assertThatThrownBy(() -> client.builds().listPage("checkout-api", 1, 201))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perPage must be between 1 and 200 but was 201");
    assertThatThrownBy(() -> client.builds().listPage("checkout-api", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perPage must be between 1 and 200 but was 0");
    assertThatThrownBy(() -> client.builds().latest(List.of("checkout-api", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workers[1] is not a Worker name");
    assertThatThrownBy(() -> client.workers().deployments(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("worker must not be empty: give a Worker name or tag");
    assertThatThrownBy(() -> client.builds("not an account"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anUnknownWorkerNameFailsBeforeAnyBuildsRequest() {
    server.enqueue(
        "/workers/scripts",
        ok(ReadServer.scripts("checkout-api", "e0cdf9a9729b6249ff3729acd839d320")));

    UnknownWorkerException e =
        catchThrowableOfType(
            UnknownWorkerException.class, () -> client.builds().list("checkout-apl", 5));

    assertThat(e)
        .hasMessage(
            "no Worker named \"checkout-apl\" in the account"
                + " (GET /workers/scripts lists its Workers by name and tag)");
    assertThat(e.workerName()).isEqualTo("checkout-apl");
    assertThat(server.targets()).containsExactly("/workers/scripts");
  }

  @Test
  void theWorkersApisErrorsMapToTheSameTypedExceptions() {
    server.enqueue(
        "/workers/scripts/checkout-api/deployments",
        json(
            403,
            "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\","
                + "\"documentation_url\":\"https://developers.cloudflare.com/api/\","
                + "\"source\":{\"pointer\":\"/account_id\"}}],"
                + "\"messages\":[{\"code\":10001,\"message\":\"note\"}],\"result\":null}"));
    server.enqueue(
        "/workers/scripts/gone/deployments",
        json(
            404,
            "{\"success\":false,\"errors\":[{\"code\":10007,"
                + "\"message\":\"This Worker does not exist on your account.\","
                + "\"documentation_url\":null}],\"messages\":[],\"result\":null}"));

    PermissionDeniedException denied =
        catchThrowableOfType(
            PermissionDeniedException.class, () -> client.workers().deployments("checkout-api"));
    NotFoundException gone =
        catchThrowableOfType(NotFoundException.class, () -> client.workers().deployments("gone"));

    assertThat(denied)
        .hasMessageEndingWith("/deployments returned 403 Forbidden: [10000] Authentication error");
    assertThat(denied.errors().get(0)._additionalProperties())
        .containsEntry("documentation_url", "https://developers.cloudflare.com/api/");
    assertThat(gone)
        .hasMessageEndingWith(
            "returned 404 Not Found: [10007] This Worker does not exist on your account.");
    assertThat(gone.errors().get(0).getCode()).isEqualTo(10007);
  }

  @Test
  void successFalseFromTheWorkersApiIsAnErrorWithItsCodes() {
    server.enqueue(
        "/workers/scripts",
        json(
            200,
            "{\"success\":false,\"errors\":[{\"code\":10013,\"message\":\"Busy\","
                + "\"documentation_url\":\"https://x.example/doc\"}],\"messages\":[],"
                + "\"result\":null}"));

    assertThatThrownBy(() -> client.workers().resolve("checkout-api"))
        .isExactlyInstanceOf(CloudflareServiceException.class)
        .hasMessage(
            "GET /client/v4/accounts/"
                + ACCOUNT
                + "/workers/scripts returned 200 with \"success\": false: [10013] Busy");
  }
}
