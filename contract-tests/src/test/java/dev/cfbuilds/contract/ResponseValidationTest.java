package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static dev.cfbuilds.contract.SpecResources.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cfbuilds.contract.SpecResources.SpecExample;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec ↔ payload: the example payloads are valid responses of the spec, per Atlassian's validator.
 */
class ResponseValidationTest {
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();
  private static final String PATH = SpecResources.concretePath(SpecResources.PATH);
  private static final String BUILD = "/accounts/{account_id}/builds/builds/{build_uuid}";
  private static final String LOGS = BUILD + "/logs";
  private static final String LATEST = "/accounts/{account_id}/builds/builds/latest";
  private static final String MANUAL_BUILD =
      "/accounts/{account_id}/builds/triggers/{trigger_uuid}/builds";
  private static final String DEPLOYMENTS =
      "/accounts/{account_id}/workers/scripts/{script_name}/deployments";

  static Stream<SpecExample> examples() {
    return SpecResources.specExamples(SpecResources.specTree()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleFileIsAValidResponseOfItsOperation(SpecExample example) {
    assertThat(
            messages(
                SpecResources.concretePath(example.path()),
                Request.Method.valueOf(example.method()),
                statusCode(example.status()),
                SpecResources.read(example.file())))
        .isEmpty();
  }

  @Test
  void aManualBuildAnsweredWithAWholeBuildIsValidAsWellAsWithItsUuidAlone() {
    String path = SpecResources.concretePath(MANUAL_BUILD);
    String whole = SpecResources.read(SpecResources.exampleFile("getBuildByUuid", "200"));
    String uuidAlone = SpecResources.read(SpecResources.exampleFile("createManualBuild", "200"));

    assertThat(messages(path, Request.Method.POST, 200, whole)).isEmpty();
    assertThat(messages(path, Request.Method.POST, 200, uuidAlone)).isEmpty();
  }

  @Test
  void aManualBuildWhoseUuidIsNotAUuidIsRejected() {
    String broken =
        exampleWith("createManualBuild", "200", "9c1d3f5e-2a4b-4c6d-8e0f-1a2b3c4d5e6f", "build-1");

    assertThat(messages(SpecResources.concretePath(MANUAL_BUILD), Request.Method.POST, 200, broken))
        .isNotEmpty();
  }

  @Test
  void sampleIsAValid200Response() {
    assertThat(messages(200, SpecResources.read(SAMPLE))).isEmpty();
  }

  @Test
  void logLineOfThreeItemsIsRejected() {
    String broken =
        exampleWith(
            "getBuildLogs",
            "200",
            "\"Restoring build cache\"",
            "\"Restoring build cache\", \"again\"");

    assertThat(messages(SpecResources.concretePath(LOGS), 200, broken))
        .containsExactly(
            "[Path '/result/lines/2'] Array is too long: must have at most 2 elements but instance"
                + " has 3 elements");
  }

  @Test
  void logLineWithAnObjectItemIsRejected() {
    String broken =
        exampleWith("getBuildLogs", "200", "\"Restoring build cache\"", "{\"text\": \"x\"}");

    assertThat(messages(SpecResources.concretePath(LOGS), 200, broken))
        .anySatisfy(message -> assertThat(message).contains("/result/lines/2/1"));
  }

  @Test
  void nullCursorAndNullOutcomeAreValid() {
    String lastPage =
        exampleWith(
            "getBuildLogs",
            "200",
            "\"cursor\": \"eyJsaW5lIjoyNTAsInRpbWVzdGFtcCI6MTc5NjM3NTU2MX0\"",
            "\"cursor\": null");
    String running =
        exampleWith(
            "getBuildByUuid", "200", "\"build_outcome\": \"success\"", "\"build_outcome\": null");

    assertThat(messages(SpecResources.concretePath(LOGS), 200, lastPage)).isEmpty();
    assertThat(messages(SpecResources.concretePath(BUILD), 200, running)).isEmpty();
  }

  @Test
  void deploymentVersionBelowTheMinimumPercentageIsRejected() {
    String broken =
        exampleWith(
            "worker-deployments-list-deployments",
            "200",
            "\"percentage\": 10,",
            "\"percentage\": 0,");

    assertThat(messages(SpecResources.concretePath(DEPLOYMENTS), 200, broken))
        .containsExactly(
            "[Path '/result/deployments/0/versions/1/percentage'] Numeric instance is lower than"
                + " the required minimum (minimum: 0.01, found: 0)");
  }

  @Test
  void workersErrorInTheBuildsShapeIsRejected() {
    // The Builds API's errors may leave out the code; the Workers API's always have one.
    String buildsShaped =
        "{\"errors\":[{\"message\":\"Not found\"}],\"messages\":[],\"result\":null,"
            + "\"success\":false}";

    assertThat(messages(SpecResources.concretePath(DEPLOYMENTS), 404, buildsShaped))
        .containsExactly("[Path '/errors/0'] Object has missing required properties ([\"code\"])");
  }

  @Test
  void latestBuildsThatAreNotAMapOfBuildsAreRejected() {
    String broken =
        "{\"errors\":[],\"messages\":[],\"result\":{\"builds\":{\""
            + SpecResources.WORKER_TAG
            + "\":[]}},\"success\":true}";

    assertThat(messages(SpecResources.concretePath(LATEST), 200, broken))
        .containsExactly(
            "[Path '/result/builds/"
                + SpecResources.WORKER_TAG
                + "'] Instance type (array) does not match any allowed primitive type (allowed:"
                + " [\"object\"])");
  }

  @Test
  void sampleWithObjectEnvironmentVariablesIsAValid200Response() {
    String objects =
        sampleWith(
            "\"foo\": \"string\"",
            "\"foo\": {\"is_secret\": false, \"created_on\": \"2024-05-01T12:00:00Z\","
                + " \"value\": \"bar\"}, \"TOKEN\": {\"is_secret\": true,"
                + " \"created_on\": \"2024-05-01T12:00:00Z\", \"value\": null}");

    assertThat(messages(200, objects)).isEmpty();
  }

  @Test
  void environmentVariableOfNeitherShapeIsRejected() {
    String broken = sampleWith("\"foo\": \"string\"", "\"foo\": {\"is_secret\": \"no\"}");

    assertThat(messages(200, broken))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(
                        "/result/builds/foo/build_trigger_metadata/environment_variables/foo"));
  }

  @Test
  void errorExampleIsAValid4xxResponse() {
    assertThat(messages(404, SpecResources.read(ERROR_EXAMPLE))).isEmpty();
  }

  @Test
  void sampleWithAWrongTypeIsRejected() {
    String broken = sampleWith("\"success\": true", "\"success\": \"yes\"");

    assertThat(messages(200, broken))
        .containsExactly(
            "[Path '/success'] Instance type (string) does not match any allowed primitive type"
                + " (allowed: [\"boolean\"])");
  }

  @Test
  void errorResponseWithoutItsRequiredFieldsIsRejected() {
    assertThat(messages(404, "{\"errors\":[{\"code\":12000,\"message\":\"Not found\"}]}"))
        .containsExactly(
            "Object has missing required properties ([\"messages\",\"result\",\"success\"])");
  }

  /**
   * Returns an operation's example file with {@code text}, which it must hold, replaced by {@code
   * replacement}.
   */
  private static String exampleWith(
      String operationId, String status, String text, String replacement) {
    String example = SpecResources.read(SpecResources.exampleFile(operationId, status));
    assertThat(example).as("the example").contains(text);
    return example.replace(text, replacement);
  }

  /** Returns the status code a response of {@code status} has: 404 stands for {@code 4XX}. */
  private static int statusCode(String status) {
    return status.equals("4XX") ? 404 : Integer.parseInt(status);
  }

  /** Returns the texts of the validator's messages about a response of the first operation. */
  private static List<String> messages(int status, String body) {
    return messages(PATH, status, body);
  }

  /** Returns the texts of the validator's messages about a response to a GET of {@code path}. */
  private static List<String> messages(String path, int status, String body) {
    return messages(path, Request.Method.GET, status, body);
  }

  /** Returns the texts of the validator's messages about a response to {@code path}. */
  private static List<String> messages(
      String path, Request.Method method, int status, String body) {
    return VALIDATOR
        .validateResponse(
            path,
            method,
            SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body)
                .build())
        .getMessages()
        .stream()
        .map(ValidationReport.Message::getMessage)
        .toList();
  }
}
