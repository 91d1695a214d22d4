package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static dev.cfbuilds.contract.SpecResources.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec ↔ payload: the example payloads are valid responses of the spec, per Atlassian's validator.
 */
class ResponseValidationTest {
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();
  private static final String PATH =
      "/client/v4/accounts/" + SpecResources.ACCOUNT_ID + "/builds/builds";

  @Test
  void sampleIsAValid200Response() {
    assertThat(messages(200, SpecResources.read(SAMPLE))).isEmpty();
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

  /** Returns the texts of the validator's messages about a response. */
  private static List<String> messages(int status, String body) {
    return VALIDATOR
        .validateResponse(
            PATH,
            Request.Method.GET,
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
