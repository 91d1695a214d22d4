package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.ProviderType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift tolerance: what the live API may send that the reference page does not show must still
 * decode. The table is built by walking the sample together with the spec's schemas, so every
 * object level, every enum and every optional property of the sample gets its cases.
 */
class DriftToleranceTest {
  private static final String NEW_FIELD = "x_cfbuilds_new_field";

  /** Plausible values Cloudflare could add; any enum not listed gets {@code x_new_value}. */
  private static final Map<String, String> NEW_ENUM_VALUES =
      Map.of(
          "BuildOutcome",
          "timed_out",
          "BuildStatus",
          "waiting",
          "BuildTriggerSource",
          "schedule",
          "ProviderType",
          "gitlab");

  private static final String UNKNOWN_WIRE_VALUE = "unknown_default_open_api";

  /** One row of the table: a drifted payload, and the JSON its decoded models must write back. */
  record Drift(String name, String payload, Object expectedRoundTrip) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drifts")
  void driftedPayloadStillDecodes(Drift drift) {
    BuildsByVersionIdsResponse decoded;
    try {
      decoded = SpecResources.decode(drift.payload());
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(drift.name() + " does not decode: " + e.getMessage(), e);
    }

    assertThat(SpecResources.jsonTree(SpecResources.encode(decoded)))
        .as("%s, read and written back", drift.name())
        .isEqualTo(drift.expectedRoundTrip());
  }

  @Test
  void tableCoversEveryObjectLevelEveryEnumAndEveryOptionalField() {
    Map<String, Long> kinds =
        drifts()
            .collect(
                Collectors.groupingBy(
                    drift -> drift.name().replaceAll(" (\".*\" )?at .*", ""),
                    Collectors.counting()));

    // 9 objects: envelope, errors[0], result, builds.foo, its metadata, pull_request, trigger,
    // repo_connection, result_info. 5 enum-typed properties. 60 optional properties in the sample.
    assertThat(kinds).containsOnlyKeys("unknown field", "unknown value", "null", "absent");
    assertThat(kinds.get("unknown field")).isEqualTo(9);
    assertThat(kinds.get("unknown value")).isEqualTo(5);
    assertThat(kinds.get("null")).isEqualTo(kinds.get("absent")).isEqualTo(60);
  }

  @Test
  void unknownProviderTypeDecodesToTheFallbackConstant() throws IOException {
    Build build =
        onlyBuild(
            SpecResources.read(SAMPLE)
                .replace("\"provider_type\": \"github\"", "\"provider_type\": \"gitlab\""));

    assertThat(build.getBuildTriggerMetadata().getProviderType())
        .isEqualTo(ProviderType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(build.getTrigger().getRepoConnection().getProviderType())
        .isEqualTo(ProviderType.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void unknownBuildOutcomeDecodesToTheFallbackConstant() throws IOException {
    Build build =
        onlyBuild(
            SpecResources.read(SAMPLE)
                .replace("\"build_outcome\": \"success\"", "\"build_outcome\": \"timed_out\""));

    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void emptyBuildsDecodeToAnEmptyMap() throws IOException {
    BuildsByVersionIdsResponse decoded =
        SpecResources.decode(edited(tree -> replace(tree, List.of("result", "builds"), Map.of())));

    assertThat(decoded.getResult().getBuilds()).isEmpty();
    assertThat(decoded.getSuccess()).isTrue();
  }

  @Test
  void failedResponseWithNullResultDecodesWithItsErrors() throws IOException {
    BuildsByVersionIdsResponse decoded = SpecResources.decode(SpecResources.read(ERROR_EXAMPLE));

    assertThat(decoded.getSuccess()).isFalse();
    assertThat(decoded.getResult()).isNull();
    assertThat(decoded.getMessages()).isEmpty();
    assertThat(decoded.getErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getCode()).isEqualTo(12000);
              assertThat(error.getMessage()).isEqualTo("Not found");
            });
  }

  @Test
  void malformedDateTimeFailsWithATypedErrorNamingThePath() {
    String broken =
        SpecResources.read(SAMPLE)
            .replace(
                "\"running_on\": \"2019-12-27T18:11:19.117Z\"", "\"running_on\": \"yesterday\"");

    assertThatThrownBy(() -> SpecResources.decode(broken))
        .isInstanceOf(JsonDataException.class)
        .hasMessage(
            "Expected an RFC 3339 date-time but was \"yesterday\" at path $.result.builds.foo.running_on");
  }

  @Test
  void wrongJsonTypeFailsWithATypedErrorNamingThePath() {
    String broken = SpecResources.read(SAMPLE).replace("\"success\": true", "\"success\": \"yes\"");

    assertThatThrownBy(() -> SpecResources.decode(broken))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a boolean but was STRING at path $.success");
  }

  static Stream<Drift> drifts() {
    OpenAPI spec = SpecResources.openApi(SpecResources.specYaml());
    List<Drift> drifts = new ArrayList<>();
    walk(
        spec,
        new Schema<>().$ref("#/components/schemas/BuildsByVersionIdsResponse"),
        sampleTree(),
        new ArrayList<>(),
        drifts);
    return drifts.stream();
  }

  /**
   * Adds the drift cases of one node of the sample, described by {@code schema}, and of its
   * children.
   */
  @SuppressWarnings("unchecked")
  private static void walk(
      OpenAPI spec, Schema<?> schema, Object node, List<Object> path, List<Drift> drifts) {
    String ref = schema.get$ref();
    String name = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    Schema<?> resolved = ref == null ? schema : spec.getComponents().getSchemas().get(name);
    if (resolved.getEnum() != null) {
      String value = NEW_ENUM_VALUES.getOrDefault(name, "x_new_value");
      drifts.add(
          new Drift(
              "unknown value \"" + value + "\" at " + jsonPath(path),
              edited(tree -> replace(tree, path, value)),
              expected(tree -> replace(tree, path, UNKNOWN_WIRE_VALUE))));
    } else if (resolved.getItems() != null && node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(spec, resolved.getItems(), list.get(i), append(path, i), drifts);
      }
    } else if (resolved.getProperties() != null && node instanceof Map<?, ?> object) {
      drifts.add(
          new Drift(
              "unknown field at " + jsonPath(path),
              edited(
                  tree ->
                      ((Map<String, Object>) at(tree, path))
                          .put(NEW_FIELD, Map.of("nested", List.of(1)))),
              sampleTree()));
      List<String> required = resolved.getRequired() == null ? List.of() : resolved.getRequired();
      resolved
          .getProperties()
          .forEach(
              (property, propertySchema) -> {
                if (!object.containsKey(property)) {
                  return;
                }
                List<Object> child = append(path, property);
                if (!required.contains(property)) {
                  // Moshi leaves null fields out when it writes, so both read back as "absent".
                  drifts.add(
                      new Drift(
                          "null at " + jsonPath(child),
                          edited(tree -> replace(tree, child, null)),
                          expected(tree -> remove(tree, child))));
                  drifts.add(
                      new Drift(
                          "absent at " + jsonPath(child),
                          edited(tree -> remove(tree, child)),
                          expected(tree -> remove(tree, child))));
                }
                walk(spec, propertySchema, object.get(property), child, drifts);
              });
    } else if (resolved.getAdditionalProperties() instanceof Schema<?> values
        && node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> walk(spec, values, value, append(path, (String) key), drifts));
    }
  }

  private static Build onlyBuild(String payload) throws IOException {
    return SpecResources.decode(payload).getResult().getBuilds().get("foo");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sampleTree() {
    return (Map<String, Object>) SpecResources.jsonTree(SpecResources.read(SAMPLE));
  }

  private static String edited(Consumer<Map<String, Object>> change) {
    return SpecResources.json(expected(change));
  }

  private static Object expected(Consumer<Map<String, Object>> change) {
    Map<String, Object> tree = sampleTree();
    change.accept(tree);
    return tree;
  }

  /** Returns the node at {@code path}: map keys are strings, list indexes integers. */
  @SuppressWarnings("unchecked")
  private static Object at(Object tree, List<Object> path) {
    Object node = tree;
    for (Object step : path) {
      node =
          step instanceof Integer index
              ? ((List<Object>) node).get(index)
              : ((Map<String, Object>) node).get(step);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void replace(Object tree, List<Object> path, Object value) {
    Map<String, Object> parent = (Map<String, Object>) at(tree, path.subList(0, path.size() - 1));
    parent.put((String) path.get(path.size() - 1), value);
  }

  @SuppressWarnings("unchecked")
  private static void remove(Object tree, List<Object> path) {
    ((Map<String, Object>) at(tree, path.subList(0, path.size() - 1)))
        .remove(path.get(path.size() - 1));
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }

  private static String jsonPath(List<Object> path) {
    StringBuilder text = new StringBuilder("$");
    for (Object step : path) {
      text.append(step instanceof Integer ? "[" + step + "]" : "." + step);
    }
    return text.toString();
  }
}
