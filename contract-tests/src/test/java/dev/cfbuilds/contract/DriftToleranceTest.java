package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfbuilds.contract.SpecResources.SpecExample;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.ProviderType;
import dev.cfbuilds.model.runtime.LosslessModel;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift tolerance: what the live API may send that the reference page does not show must still
 * decode, and write back exactly as it came. The table is built by walking every example of every
 * operation (the 200s and the errors) together with the spec's schemas, so every object level,
 * every enum and every property of each example gets its cases, including a value of another JSON
 * type at every property. The first item of an array, and the first entry of a map, stand for the
 * rest.
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
          "gitlab",
          "DeploymentStrategy",
          "immediate");

  /**
   * One row of the table: a drifted payload of an example, the model it decodes into, and the JSON
   * path its models must report as not fitting the spec's type, or null. Every row must write back
   * the payload it read. {@code enumSchema} names the enum of an unknown-value row.
   */
  record Drift(
      String name, SpecExample example, String payload, String mismatchedPath, String enumSchema) {
    Drift(String name, Source source, String payload, String mismatchedPath) {
      this(name + " in " + source.example(), source.example(), payload, mismatchedPath, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The example a walk drifts, read from its file. */
  record Source(SpecExample example) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree() {
      return (Map<String, Object>)
          integral(SpecResources.jsonTree(SpecResources.read(example.file())));
    }

    /**
     * Returns a JSON tree with each whole number as a {@code Long}: the tree holds doubles, which
     * would be written back as {@code 1.796375523E9}, not as the example's {@code 1796375523}.
     */
    @SuppressWarnings("unchecked")
    private static Object integral(Object node) {
      if (node instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
        return number.longValue();
      }
      if (node instanceof Map<?, ?> map) {
        ((Map<String, Object>) map).replaceAll((key, value) -> integral(value));
      } else if (node instanceof List<?> list) {
        ((List<Object>) list).replaceAll(Source::integral);
      }
      return node;
    }

    String edited(Consumer<Map<String, Object>> change) {
      Map<String, Object> tree = tree();
      change.accept(tree);
      return SpecResources.json(tree);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drifts")
  void driftedPayloadStillDecodesAndWritesBackUnchanged(Drift drift) {
    LosslessModel decoded;
    try {
      decoded =
          (LosslessModel)
              SpecResources.decode(
                  drift.payload(), SpecResources.modelClass(drift.example().schema()));
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
    Source sample = new Source(firstExample());
    Drift unreported =
        new Drift(
            "a swap said to be fine",
            sample,
            sample.edited(tree -> replace(tree, List.of("success"), "yes")),
            null);

    assertThatThrownBy(() -> driftedPayloadStillDecodesAndWritesBackUnchanged(unreported))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("$.success");
  }

  @Test
  void tableCoversEveryObjectLevelEveryEnumAndEveryPropertyOfTheSample() {
    Map<String, Long> kinds =
        drifts()
            .filter(drift -> drift.example().equals(firstExample()))
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
  void tableHasRowsForEveryExampleAndEveryEnumOfTheSpec() {
    Map<SpecExample, Set<String>> kindsByExample =
        drifts()
            .collect(
                Collectors.groupingBy(
                    Drift::example,
                    Collectors.mapping(
                        drift -> drift.name().replaceAll(" (\".*\" )?(at|for) .*", ""),
                        Collectors.toSet())));
    Set<String> enumsWithARow =
        drifts()
            .map(Drift::enumSchema)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> enums = new TreeSet<>();
    SpecResources.openApi(SpecResources.specYaml())
        .getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              if (schema.getEnum() != null) {
                enums.add(name);
              }
            });

    assertThat(kindsByExample.keySet())
        .containsExactlyInAnyOrderElementsOf(SpecResources.specExamples(SpecResources.specTree()));
    assertThat(kindsByExample)
        .allSatisfy(
            (example, kinds) ->
                assertThat(kinds).as("%s", example).contains("unknown field", "type swap"));
    assertThat(enumsWithARow).isEqualTo(enums);
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
        SpecResources.decode(
            new Source(firstExample())
                .edited(tree -> replace(tree, List.of("result", "builds"), Map.of())));

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
    for (SpecExample example : SpecResources.specExamples(SpecResources.specTree())) {
      Source source = new Source(example);
      walk(
          spec,
          source,
          new Schema<>().$ref("#/components/schemas/" + example.schema()),
          source.tree(),
          new ArrayList<>(),
          drifts);
    }
    return drifts.stream();
  }

  /** Returns the first example of the spec: the reference page's sample. */
  private static SpecExample firstExample() {
    return SpecResources.specExamples(SpecResources.specTree()).get(0);
  }

  /**
   * Adds the drift cases of one node of the sample, described by {@code schema}, and of its
   * children.
   */
  @SuppressWarnings("unchecked")
  private static void walk(
      OpenAPI spec,
      Source source,
      Schema<?> schema,
      Object node,
      List<Object> path,
      List<Drift> drifts) {
    String ref = schema.get$ref();
    String name = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    Schema<?> resolved = ref == null ? schema : spec.getComponents().getSchemas().get(name);
    if (resolved.getEnum() != null) {
      String value = NEW_ENUM_VALUES.getOrDefault(name, "x_new_value");
      drifts.add(
          new Drift(
              "unknown value \"" + value + "\" at " + jsonPath(path) + " in " + source.example(),
              source.example(),
              source.edited(tree -> replace(tree, path, value)),
              null,
              name));
    } else if (resolved.getItems() != null && node instanceof List<?> list) {
      // The first item stands for the others, which share its schema: the table stays small.
      for (int i = 0; i < Math.min(list.size(), 1); i++) {
        List<Object> item = append(path, i);
        drifts.add(swap(spec, source, resolved.getItems(), item));
        walk(spec, source, resolved.getItems(), list.get(i), item, drifts);
      }
    } else if (resolved.getProperties() != null && node instanceof Map<?, ?> object) {
      drifts.add(
          new Drift(
              "unknown field at " + jsonPath(path),
              source,
              source.edited(
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
                          source,
                          source.edited(tree -> replace(tree, child, null)),
                          null));
                  drifts.add(
                      new Drift(
                          "absent at " + jsonPath(child),
                          source,
                          source.edited(tree -> remove(tree, child)),
                          null));
                }
                if (!isFreeForm(spec, propertySchema)) {
                  drifts.add(swap(spec, source, propertySchema, child));
                }
                walk(spec, source, propertySchema, object.get(property), child, drifts);
              });
    } else if (resolved.getAdditionalProperties() instanceof Schema<?> values
        && node instanceof Map<?, ?> map) {
      // As for a list, the first entry stands for the others.
      map.entrySet().stream()
          .limit(1)
          .forEach(
              first -> {
                List<Object> entry = append(path, (String) first.getKey());
                drifts.add(swap(spec, source, values, entry));
                walk(spec, source, values, first.getValue(), entry, drifts);
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
              source,
              source.edited(tree -> replace(tree, path, object)),
              null));
      drifts.add(
          new Drift(
              "environment variable as an object for a secret at " + jsonPath(path),
              source,
              source.edited(tree -> replace(tree, path, secret)),
              null));
    }
  }

  /**
   * Returns the row that puts a value of another JSON type at {@code path}: a string for a boolean
   * or a number, a number for a string of any format or an enum, a string for an array, an array
   * for an object. A number sent as a string reads, so numbers get a boolean instead. A {@code
   * oneOf} gets a number, or a boolean when a number is one of its alternatives.
   */
  private static Drift swap(OpenAPI spec, Source source, Schema<?> schema, List<Object> path) {
    Schema<?> resolved = resolve(spec, schema);
    Object other;
    if (resolved.getOneOf() != null) {
      boolean takesNumbers =
          resolved.getOneOf().stream()
              .map(alternative -> String.valueOf(resolve(spec, alternative).getType()))
              .anyMatch(type -> type.equals("number") || type.equals("integer"));
      other = takesNumbers ? Boolean.TRUE : (Object) 17;
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
        source,
        source.edited(tree -> replace(tree, path, other)),
        jsonPath(path));
  }

  private static Schema<?> resolve(OpenAPI spec, Schema<?> schema) {
    String ref = schema.get$ref();
    return ref == null
        ? schema
        : spec.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /**
   * Tells whether a schema is a free-form object, such as an error envelope's null {@code result}:
   * its model reads any JSON there, so no value is of another type.
   */
  private static boolean isFreeForm(OpenAPI spec, Schema<?> schema) {
    Schema<?> resolved = resolve(spec, schema);
    return "object".equals(resolved.getType())
        && resolved.getProperties() == null
        && resolved.getAdditionalProperties() == null;
  }

  private static Build onlyBuild(String payload) throws IOException {
    return SpecResources.decode(payload).getResult().getBuilds().get("foo");
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
