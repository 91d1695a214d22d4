package dev.cfbuilds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.cfbuilds.drift.Finding;
import dev.cfbuilds.drift.FindingKind;
import dev.cfbuilds.drift.PayloadDrift;
import dev.cfbuilds.drift.Redaction;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec ↔ recorded bodies: every body saved by {@code cfbuilds drift --live --record} under {@code
 * spec/examples/recorded/} is valid against the spec, strictly, decodes, and holds no secret.
 */
class RecordedBodiesTest {
  private static final Path DIRECTORY =
      Path.of(System.getProperty("cfbuilds.recordedDir", "../spec/examples/recorded"));
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();
  private static final PayloadDrift DRIFT = PayloadDrift.forOurSpec();

  static Stream<Path> recorded() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void thereIsARecordedBodyToCheck() throws IOException {
    assertThat(recorded()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void isAValid200ResponseOfTheSpec(Path file) throws IOException {
    var report =
        VALIDATOR.validateResponse(
            "/client/v4/accounts/" + SpecResources.ACCOUNT_ID + "/builds/builds",
            Request.Method.GET,
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody(read(file))
                .build());

    assertThat(report.getMessages()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void hasNoDriftEvenCheckedStrictly(Path file) throws IOException {
    assertThat(DRIFT.check(read(file))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void decodesWithTheGeneratedModels(Path file) throws IOException {
    BuildsByVersionIdsResponse decoded = SpecResources.decode(read(file));

    assertThat(decoded.getSuccess()).isTrue();
    assertThat(decoded.getResult().getBuilds()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void holdsNoEnvironmentVariableValue(Path file) throws IOException {
    assertThat(environmentVariableValues(read(file))).isNotEmpty().containsOnly(Redaction.REDACTED);
  }

  @Test
  void unredactedOrDriftedBodiesWouldFail() throws IOException {
    String body = read(recorded().findFirst().orElseThrow());
    String unredacted = body.replaceFirst("\"<redacted>\"", "\"plain-value\"");
    String drifted = body.replaceFirst("\"status\" : \"running\"", "\"status\" : \"waiting\"");

    assertThat(environmentVariableValues(unredacted)).contains("plain-value");
    assertThat(DRIFT.check(drifted))
        .extracting(Finding::kind)
        .containsExactly(FindingKind.UNKNOWN_ENUM_VALUE);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Returns every environment-variable value of every build, in both shapes. */
  @SuppressWarnings("unchecked")
  private static List<Object> environmentVariableValues(String body) {
    Map<String, Object> tree = (Map<String, Object>) SpecResources.jsonTree(body);
    List<Object> values = new ArrayList<>();
    Map<String, Object> builds = SpecResources.node(tree, "result", "builds");
    for (Object build : builds.values()) {
      Map<String, Object> metadata =
          (Map<String, Object>) ((Map<String, Object>) build).get("build_trigger_metadata");
      Map<String, Object> variables =
          metadata == null ? null : (Map<String, Object>) metadata.get("environment_variables");
      if (variables != null) {
        for (Object value : variables.values()) {
          values.add(value instanceof Map<?, ?> described ? described.get("value") : value);
        }
      }
    }
    return values;
  }
}
