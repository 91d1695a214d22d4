package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
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
    assertThat(validate(200, SpecResources.read(SAMPLE)).getMessages()).isEmpty();
  }

  @Test
  void sampleWithObjectEnvironmentVariablesIsAValid200Response() {
    String objects =
        SpecResources.read(SAMPLE)
            .replace(
                "\"foo\": \"string\"",
                "\"foo\": {\"is_secret\": false, \"created_on\": \"2024-05-01T12:00:00Z\","
                    + " \"value\": \"bar\"}, \"TOKEN\": {\"is_secret\": true,"
                    + " \"created_on\": \"2024-05-01T12:00:00Z\", \"value\": null}");

    assertThat(objects).isNotEqualTo(SpecResources.read(SAMPLE));
    assertThat(validate(200, objects).getMessages()).isEmpty();
  }

  @Test
  void environmentVariableOfNeitherShapeIsRejected() {
    String broken =
        SpecResources.read(SAMPLE)
            .replace("\"foo\": \"string\"", "\"foo\": {\"is_secret\": \"no\"}");

    ValidationReport report = validate(200, broken);

    assertThat(report.getMessages())
        .extracting(ValidationReport.Message::getMessage)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(
                        "/result/builds/foo/build_trigger_metadata/environment_variables/foo"));
  }

  @Test
  void errorExampleIsAValid4xxResponse() {
    assertThat(validate(404, SpecResources.read(ERROR_EXAMPLE)).getMessages()).isEmpty();
  }

  @Test
  void sampleWithAWrongTypeIsRejected() {
    String broken = SpecResources.read(SAMPLE).replace("\"success\": true", "\"success\": \"yes\"");

    ValidationReport report = validate(200, broken);

    assertThat(report.getMessages())
        .extracting(ValidationReport.Message::getMessage)
        .containsExactly(
            "[Path '/success'] Instance type (string) does not match any allowed primitive type"
                + " (allowed: [\"boolean\"])");
  }

  @Test
  void errorResponseWithoutItsRequiredFieldsIsRejected() {
    ValidationReport report =
        validate(404, "{\"errors\":[{\"code\":12000,\"message\":\"Not found\"}]}");

    assertThat(report.getMessages())
        .extracting(ValidationReport.Message::getMessage)
        .containsExactly(
            "Object has missing required properties ([\"messages\",\"result\",\"success\"])");
  }

  private static ValidationReport validate(int status, String body) {
    return VALIDATOR.validateResponse(
        PATH,
        Request.Method.GET,
        SimpleResponse.Builder.status(status)
            .withContentType("application/json")
            .withBody(body)
            .build());
  }
}
