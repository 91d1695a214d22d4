package dev.cfbuilds.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void redactsEveryEnvironmentVariableValueInBothShapes() throws IOException {
    String body =
        PayloadDriftTest.edited(
            tree -> {
              ObjectNode variables =
                  (ObjectNode)
                      tree.at("/result/builds/foo/build_trigger_metadata/environment_variables");
              variables.put("PLAIN", "plain-secret-1");
              ObjectNode described = variables.putObject("DESCRIBED");
              described.put("is_secret", true).put("created_on", "2025-01-01T00:00:00Z");
              described.put("value", "described-secret-2");
              variables.putObject("NOT_SECRET").put("is_secret", false).put("value", "visible-3");
              variables.put("NUMBER", 4);
            });

    String redacted = Redaction.redact(body);

    JsonNode variables =
        JSON.readTree(redacted)
            .at("/result/builds/foo/build_trigger_metadata/environment_variables");
    assertThat(variables.get("foo").asText()).isEqualTo("<redacted>");
    assertThat(variables.get("PLAIN").asText()).isEqualTo("<redacted>");
    assertThat(variables.get("DESCRIBED"))
        .isEqualTo(
            JSON.readTree(
                "{\"is_secret\":true,\"created_on\":\"2025-01-01T00:00:00Z\",\"value\":\"<redacted>\"}"));
    assertThat(variables.at("/NOT_SECRET/value").asText()).isEqualTo("<redacted>");
    assertThat(variables.get("NUMBER").asText()).isEqualTo("<redacted>");
    assertThat(redacted).doesNotContain("secret-1", "secret-2", "visible-3", "4\n");
  }

  @Test
  void redactsStringsUnderSecretLookingNamesAndKeepsTheRest() throws IOException {
    String body =
        PayloadDriftTest.edited(
            tree -> {
              ObjectNode build = (ObjectNode) tree.at("/result/builds/foo");
              build
                  .putObject("deploy_hook")
                  .put("url", "https://hooks.example")
                  .put("signing_secret", "x1");
              build.put("api_token", "x2").put("privateKey", "x3").put("retry_count", 3);
            });

    JsonNode build = JSON.readTree(Redaction.redact(body)).at("/result/builds/foo");

    assertThat(build.at("/deploy_hook/signing_secret").asText()).isEqualTo("<redacted>");
    assertThat(build.at("/deploy_hook/url").asText()).isEqualTo("https://hooks.example");
    assertThat(build.get("api_token").asText()).isEqualTo("<redacted>");
    assertThat(build.get("privateKey").asText()).isEqualTo("<redacted>");
    assertThat(build.get("retry_count").asInt()).isEqualTo(3);
    assertThat(build.at("/build_trigger_metadata/build_token_name").asText())
        .isEqualTo("My Build Token");
    assertThat(build.at("/build_trigger_metadata/build_token_uuid").asText())
        .isEqualTo("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  }

  @Test
  void redactedSampleIsStillAValidBody() {
    assertThat(PayloadDrift.forOurSpec().check(Redaction.redact(PayloadDriftTest.sample())))
        .isEmpty();
  }

  @Test
  void namesThatLookSecret() {
    assertThat(Redaction.looksSecret("api_token")).isTrue();
    assertThat(Redaction.looksSecret("X-Auth-Key")).isTrue();
    assertThat(Redaction.looksSecret("clientSecret")).isTrue();
    assertThat(Redaction.looksSecret("password_hash")).isTrue();
    assertThat(Redaction.looksSecret("build_token_name")).isFalse();
    assertThat(Redaction.looksSecret("build_token_uuid")).isFalse();
    assertThat(Redaction.looksSecret("is_secret")).isTrue();
    assertThat(Redaction.looksSecret("keyboard")).isFalse();
  }

  @Test
  void bodyThatIsNotJsonIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> Redaction.redact("token=abc"))
        .isInstanceOf(DriftInputException.class)
        .hasMessage("not JSON: cannot redact the body");
  }
}
