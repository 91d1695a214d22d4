package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.PATH;
import static dev.cfbuilds.contract.SpecResources.editedSpec;
import static dev.cfbuilds.contract.SpecResources.enumValues;
import static dev.cfbuilds.contract.SpecResources.node;
import static dev.cfbuilds.contract.SpecResources.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.yaml.snakeyaml.Yaml;

/**
 * The breaking-change gate: the working spec must stay backward compatible with the released one in
 * {@code spec/baseline/}, as openapi-diff judges it; and proof, on edited copies of the spec, that
 * openapi-diff tells breaking changes from compatible ones.
 */
class BreakingChangeGateTest {
  private static final String BASELINE = "spec/baseline/cloudflare-builds.openapi.yaml";

  @Test
  void workingSpecIsBackwardCompatibleWithTheBaseline() throws IOException {
    Path baseline =
        Path.of(System.getProperty("cfbuilds.baselineSpec", "../" + BASELINE))
            .toAbsolutePath()
            .normalize();

    assertBackwardCompatible(
        Files.readString(baseline), baseline.toString(), SpecResources.specYaml());
  }

  @Test
  void gateFailsWithTheMarkdownReportWhenAFieldIsRemoved() {
    String withoutBuildUuid =
        editedSpec(spec -> node(schema(spec, "Build"), "properties").remove("build_uuid"));

    assertThatThrownBy(
            () -> assertBackwardCompatible(SpecResources.specYaml(), BASELINE, withoutBuildUuid))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "The working spec breaks clients of the released one, " + BASELINE + ".\n")
        .hasMessageContaining("#### What's Changed")
        .hasMessageContaining("Changed response : **200 OK**");
  }

  @Test
  void removedFieldIsIncompatible() {
    String edited =
        editedSpec(spec -> node(schema(spec, "Build"), "properties").remove("build_uuid"));

    assertThat(compare(SpecResources.specYaml(), edited).isIncompatible()).isTrue();
  }

  @Test
  void newRequiredParameterIsIncompatible() {
    String edited = withQueryParameter("per_page", true, Map.of("type", "integer"));

    assertThat(compare(SpecResources.specYaml(), edited).isIncompatible()).isTrue();
  }

  @Test
  void narrowedRequestEnumIsIncompatible() {
    // The spec's enums are all in responses, so the released side gets a request enum first.
    String released =
        withQueryParameter(
            "include", false, Map.of("type", "string", "enum", List.of("logs", "artifacts")));
    String narrowed =
        withQueryParameter("include", false, Map.of("type", "string", "enum", List.of("logs")));

    assertThat(compare(SpecResources.specYaml(), released).isCompatible()).isTrue();
    assertThat(compare(released, narrowed).isIncompatible()).isTrue();
  }

  @Test
  void widenedResponseEnumIsIncompatible() {
    // openapi-diff's view: a client may not know the new value. Ours decode it to UNKNOWN and
    // keep its text.
    String edited = editedSpec(spec -> enumValues(spec, "BuildOutcome").add("timed_out"));

    assertThat(compare(SpecResources.specYaml(), edited).isIncompatible()).isTrue();
  }

  @Test
  void narrowedResponseEnumIsCompatible() {
    // openapi-diff's view: a server that promises fewer values breaks no client.
    String edited = editedSpec(spec -> enumValues(spec, "BuildOutcome").remove("terminated"));

    assertThat(compare(SpecResources.specYaml(), edited).isCompatible()).isTrue();
  }

  @Test
  void addedOptionalFieldIsCompatible() {
    String edited =
        editedSpec(
            spec ->
                node(schema(spec, "PullRequest"), "properties")
                    .put("title", Map.of("type", "string")));

    ChangedOpenApi diff = compare(SpecResources.specYaml(), edited);

    assertThat(diff.isDifferent()).isTrue();
    assertThat(diff.isCompatible()).isTrue();
    assertBackwardCompatible(SpecResources.specYaml(), BASELINE, edited);
  }

  /**
   * Fails, with openapi-diff's markdown report, when {@code working} breaks clients of {@code
   * released}.
   */
  private static void assertBackwardCompatible(
      String released, String releasedName, String working) {
    ChangedOpenApi diff = compare(released, working);
    if (diff.isIncompatible()) {
      throw new AssertionError(
          "The working spec breaks clients of the released one, "
              + releasedName
              + ".\n"
              + "If the break is deliberate, copy spec/cloudflare-builds.openapi.yaml to "
              + BASELINE
              + " in the same commit as the version bump that releases it.\n"
              + "openapi-diff's report (it cannot print range codes, so 4XX shows as 400):\n\n"
              + new MarkdownRender().render(diff));
    }
  }

  private static ChangedOpenApi compare(String released, String working) {
    return OpenApiCompare.fromContents(
        withNumericRangeCodes(released), withNumericRangeCodes(working));
  }

  /**
   * Workaround: openapi-diff 2.0.1 renders every response code with {@code Integer.parseInt}, so a
   * range code such as {@code 4XX} makes both its console and markdown reports throw
   * NumberFormatException as soon as that response changes (its Maven plugin fails the same way).
   * Renaming {@code 4XX} to {@code 400} on both sides before comparing keeps the verdict and lets
   * the report print.
   */
  @SuppressWarnings("unchecked")
  private static String withNumericRangeCodes(String yaml) {
    Map<String, Object> spec = new Yaml().load(yaml);
    for (Object pathItem : ((Map<String, Object>) spec.get("paths")).values()) {
      for (Object operation : ((Map<String, Object>) pathItem).values()) {
        if (operation instanceof Map<?, ?> map
            && map.get("responses") instanceof Map<?, ?> responses) {
          Map<String, Object> renamed = new LinkedHashMap<>();
          ((Map<String, Object>) responses)
              .forEach(
                  (code, response) ->
                      renamed.put(
                          code.matches("[1-5]XX") ? code.charAt(0) + "00" : code, response));
          ((Map<String, Object>) map).put("responses", renamed);
        }
      }
    }
    return SpecResources.toYaml(spec);
  }

  /** Returns the working spec with one more query parameter on the operation. */
  @SuppressWarnings("unchecked")
  private static String withQueryParameter(
      String name, boolean required, Map<String, Object> schema) {
    return editedSpec(
        spec -> {
          Map<String, Object> operation = node(spec, "paths", PATH, "get");
          List<Object> parameters = new ArrayList<>((List<Object>) operation.get("parameters"));
          parameters.add(
              Map.of("name", name, "in", "query", "required", required, "schema", schema));
          operation.put("parameters", parameters);
        });
  }
}
