package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.API_TOKEN;
import static dev.cfbuilds.contract.SpecResources.EMAIL;
import static dev.cfbuilds.contract.SpecResources.GLOBAL_API_KEY;
import static dev.cfbuilds.contract.SpecResources.versionIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Spec ↔ request: what the generated Retrofit interface puts on the wire, as MockWebServer records
 * it, is a valid request of the spec, per Atlassian's validator; and the validator does reject
 * requests that break the spec's limits.
 */
class RequestValidationTest {
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();
  private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + API_TOKEN);
  private static final Map<String, String> EMAIL_AND_KEY =
      Map.of("X-Auth-Email", EMAIL, "X-Auth-Key", GLOBAL_API_KEY);

  private static final String NO_CREDENTIALS =
      "GET on path '/client/v4/accounts/"
          + ACCOUNT_ID
          + "/builds/builds' requires security parameters. None found.";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void requestWithAnApiTokenIsValid() throws Exception {
    assertThat(validate(send(TOKEN, versionIds(2))).getMessages()).isEmpty();
  }

  @Test
  void requestWithEmailAndGlobalKeyIsValid() throws Exception {
    assertThat(validate(send(EMAIL_AND_KEY, versionIds(2))).getMessages()).isEmpty();
  }

  @Test
  void requestWithTwentyVersionIdsIsValid() throws Exception {
    RecordedRequest recorded = send(TOKEN, versionIds(20));

    assertThat(recorded.getUrl().queryParameter("version_ids")).hasSize(20 * 36 + 19);
    assertThat(validate(recorded).getMessages()).isEmpty();
  }

  @Test
  void versionIdsGoOnTheWireAsOneCommaSeparatedParameter() throws Exception {
    List<String> ids = versionIds(2);

    RecordedRequest recorded = send(TOKEN, ids);

    assertThat(recorded.getTarget())
        .isEqualTo(
            "/client/v4/accounts/"
                + ACCOUNT_ID
                + "/builds/builds?version_ids="
                + ids.get(0)
                + ","
                + ids.get(1));
  }

  @Test
  void requestWithTwentyOneVersionIdsIsRejected() throws Exception {
    assertThat(messages(validate(send(TOKEN, versionIds(21)))))
        .containsExactly("Parameter 'version_ids' accepts a maximum of 20 items. Found 21.");
  }

  @Test
  void requestWithAVersionIdThatIsNotAUuidIsRejected() throws Exception {
    assertThat(messages(validate(send(TOKEN, List.of("not-a-uuid")))))
        .containsExactly("Input string \"not-a-uuid\" is not a valid UUID");
  }

  @Test
  void requestWithoutCredentialsIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of(), versionIds(1))))).containsExactly(NO_CREDENTIALS);
  }

  @Test
  void requestWithEmailButNoGlobalKeyIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of("X-Auth-Email", EMAIL), versionIds(1)))))
        .containsExactly(NO_CREDENTIALS);
  }

  @Test
  void requestWithATokenThatIsNotBearerIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of("Authorization", "Token abc"), versionIds(1)))))
        .containsExactly(
            "GET on path '/client/v4/accounts/"
                + ACCOUNT_ID
                + "/builds/builds' has invalid security parameters.");
  }

  /**
   * Calls the generated {@link BuildsApi} against the MockWebServer and returns what it received.
   */
  private RecordedRequest send(Map<String, String> headers, List<String> versionIds)
      throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(SpecResources.read(SpecResources.SAMPLE))
            .build());
    BuildsApi api = SpecResources.buildsApi(server.url("/client/v4/"), headers);
    assertThat(api.getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(versionIds)).execute().code())
        .isEqualTo(200);
    return server.takeRequest();
  }

  private static ValidationReport validate(RecordedRequest recorded) {
    return VALIDATOR.validateRequest(SpecResources.asValidatorRequest(recorded));
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream().map(ValidationReport.Message::getMessage).toList();
  }
}
