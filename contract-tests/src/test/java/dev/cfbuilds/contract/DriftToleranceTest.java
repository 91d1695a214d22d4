package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static dev.cfbuilds.contract.SpecResources.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.ProviderType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * decode, and write back exactly as it came. The table is built by walking the sample together with
 * the spec's schemas, so every object level, every enum and every property of the sample gets its
 * cases, including a value of another JSON type at every property.
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

  /**
   * One row of the table: a drifted payload, and the JSON path its models must report as not
   * fitting the spec's type, or null. Every row must write back the payload it read.
   */
  record Drift(String name, String payload, String mismatchedPath) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drifts")
  void driftedPayloadStillDecodesAndWritesBackUnchanged(Drift drift) {
    BuildsByVersionIdsResponse decoded;
    try {
      decoded = SpecResources.decode(drift.payload());
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(drift.name() + " does not decode: " + e.getMessage(), e);
    }

    assertThat(SpecResources.jsonTree(SpecResources.encode(decoded)))
        .as("%s, read and written back", drift.name())
        .isEqualTo(SpecResources.jsonTree(drift.payload()));
    assertThat(decoded._mismatchedPaths())
        .as("%s, the paths reported as not fitting", drift.name())
        .isEqualTo(drift.mismatchedPath() == null ? List.of() : List.of(drift.mismatchedPath()));
  }

  @Test
  void rowCheckFailsWhenAMismatchIsNotReported() {
    Drift unreported =
        new Drift(
            "a swap said to be fine",
            edited(tree -> replace(tree, List.of("success"), "yes")),
            null);

    assertThatThrownBy(() -> driftedPayloadStillDecodesAndWritesBackUnchanged(unreported))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("$.success");
  }

  @Test
  void tableCoversEveryObjectLevelEveryEnumAndEveryProperty() {
    Map<String, Long> kinds =
        drifts()
            .collect(
                Collectors.groupingBy(
                    drift -> drift.name().replaceAll(" (\".*\" )?(at|for) .*", ""),
                    Collectors.counting()));

    // 9 objects: envelope, errors[0], result, builds.foo, its metadata, pull_request, trigger,
    // repo_connection, result_info. 5 enum-typed properties. 60 optional properties in the sample,
    // 64 with the envelope's 4 required ones, plus the 2 map entries (builds.foo and
    // environment_variables.foo) and the 6 array items (errors[0], messages[0] and the first item
    // of the trigger's 4 string arrays) that can be swapped. 2 rows for the object shape of an
    // environment
    // variable: with a value, and a secret's null value.
    assertThat(kinds)
        .containsOnlyKeys(
            "unknown field",
            "unknown value",
            "null",
            "absent",
            "type swap",
            "environment variable as an object");
    assertThat(kinds.get("unknown field")).isEqualTo(9);
    assertThat(kinds.get("unknown value")).isEqualTo(5);
    assertThat(kinds.get("null")).isEqualTo(kinds.get("absent")).isEqualTo(60);
    assertThat(kinds.get("type swap")).isEqualTo(64 + 2 + 6);
    assertThat(kinds.get("environment variable as an object")).isEqualTo(2);
  }

  @Test
  void unknownProviderTypeDecodesToTheFallbackConstantKeepingItsText() throws IOException {
    Build build =
        onlyBuild(sampleWith("\"provider_type\": \"github\"", "\"provider_type\": \"gitlab\""));

    assertThat(build.getBuildTriggerMetadata().getProviderType()).isEqualTo(ProviderType.UNKNOWN);
    assertThat(build.getBuildTriggerMetadata()._providerType().rawJson()).contains("gitlab");
    assertThat(build.getTrigger().getRepoConnection().getProviderType())
        .isEqualTo(ProviderType.UNKNOWN);
  }

  @Test
  void unknownBuildOutcomeDecodesToTheFallbackConstantKeepingItsText() throws IOException {
    Build build =
        onlyBuild(sampleWith("\"build_outcome\": \"success\"", "\"build_outcome\": \"timed_out\""));

    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.UNKNOWN);
    assertThat(build._buildOutcome().rawJson()).contains("timed_out");
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
        .extracting(ApiError::getCode, ApiError::getMessage)
        .containsExactly(tuple(12000, "Not found"));
  }

  @Test
  void malformedDateTimeIsKeptAsTextAndItsGetterIsNull() throws IOException {
    String broken =
        sampleWith("\"running_on\": \"2019-12-27T18:11:19.117Z\"", "\"running_on\": \"yesterday\"");

    Build build = onlyBuild(broken);

    assertThat(build.getRunningOn()).isNull();
    assertThat(build._runningOn().rawJson()).contains("yesterday");
    assertThat(build._mismatchedProperties()).containsExactly("running_on");
  }

  @Test
  void wrongJsonTypeIsKeptAndItsGetterIsNull() throws IOException {
    String broken = sampleWith("\"success\": true", "\"success\": \"yes\"");

    BuildsByVersionIdsResponse decoded = SpecResources.decode(broken);

    assertThat(decoded.getSuccess()).isNull();
    assertThat(decoded._success().rawJson()).contains("yes");
    assertThat(decoded.getResult().getBuilds()).containsKey("foo");
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
              null));
    } else if (resolved.getItems() != null && node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> item = append(path, i);
        drifts.add(swap(spec, resolved.getItems(), item));
        walk(spec, resolved.getItems(), list.get(i), item, drifts);
      }
    } else if (resolved.getProperties() != null && node instanceof Map<?, ?> object) {
      drifts.add(
          new Drift(
              "unknown field at " + jsonPath(path),
              edited(
                  tree ->
                      ((Map<String, Object>) at(tree, path))
                          .put(NEW_FIELD, Map.of("nested", List.of(1)))),
              null));
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
                  drifts.add(
                      new Drift(
                          "null at " + jsonPath(child),
                          edited(tree -> replace(tree, child, null)),
                          null));
                  drifts.add(
                      new Drift(
                          "absent at " + jsonPath(child),
                          edited(tree -> remove(tree, child)),
                          null));
                }
                drifts.add(swap(spec, propertySchema, child));
                walk(spec, propertySchema, object.get(property), child, drifts);
              });
    } else if (resolved.getAdditionalProperties() instanceof Schema<?> values
        && node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            List<Object> entry = append(path, (String) key);
            drifts.add(swap(spec, values, entry));
            walk(spec, values, value, entry, drifts);
          });
    } else if (resolved.getOneOf() != null && "EnvironmentVariableValue".equals(name)) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("is_secret", false);
      object.put("created_on", "2024-05-01T12:00:00Z");
      object.put("value", "plain");
      Map<String, Object> secret = new LinkedHashMap<>(object);
      secret.put("is_secret", true);
      secret.put("value", null);
      drifts.add(
          new Drift(
              "environment variable as an object at " + jsonPath(path),
              edited(tree -> replace(tree, path, object)),
              null));
      drifts.add(
          new Drift(
              "environment variable as an object for a secret at " + jsonPath(path),
              edited(tree -> replace(tree, path, secret)),
              null));
    }
  }

  /**
   * Returns the row that puts a value of another JSON type at {@code path}: a string for a boolean
   * or a number, a number for a string of any format or an enum, a string for an array, an array
   * for an object. A number sent as a string reads, so numbers get a boolean instead.
   */
  private static Drift swap(OpenAPI spec, Schema<?> schema, List<Object> path) {
    String ref = schema.get$ref();
    Schema<?> resolved =
        ref == null
            ? schema
            : spec.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    Object other;
    if (resolved.getOneOf() != null) {
      other = 17;
    } else {
      switch (String.valueOf(resolved.getType())) {
        case "boolean" -> other = "true";
        case "integer", "number" -> other = true;
        case "string" -> other = 1577470279;
        case "array" -> other = "a string";
        case "object" -> other = List.of("an", "array");
        default -> throw new AssertionError("no swap for " + resolved.getType());
      }
    }
    return new Drift(
        "type swap at " + jsonPath(path),
        edited(tree -> replace(tree, path, other)),
        jsonPath(path));
  }

  private static Build onlyBuild(String payload) throws IOException {
    return SpecResources.decode(payload).getResult().getBuilds().get("foo");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sampleTree() {
    return (Map<String, Object>) SpecResources.jsonTree(SpecResources.read(SAMPLE));
  }

  private static String edited(Consumer<Map<String, Object>> change) {
    return SpecResources.json(editedTree(change));
  }

  private static Object editedTree(Consumer<Map<String, Object>> change) {
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
    Object parent = at(tree, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer index) {
      ((List<Object>) parent).set(index, value);
    } else {
      ((Map<String, Object>) parent).put((String) last, value);
    }
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
