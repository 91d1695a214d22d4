package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.editedSpec;
import static dev.cfbuilds.contract.SpecResources.enumValues;
import static dev.cfbuilds.contract.SpecResources.node;
import static dev.cfbuilds.contract.SpecResources.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Json;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.model.runtime.LosslessModel;
import dev.cfbuilds.model.runtime.LosslessTuple;
import dev.cfbuilds.model.runtime.OneOfValue;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec ↔ models: every component schema of the spec has a generated class (an array schema has
 * none: where it is used it reads as a {@code List}; but an array marked {@code x-cfbuilds-tuple}
 * has one, a {@link LosslessTuple} with a field per position), every property a {@code @Json} field
 * whose getter returns the Java type the spec implies, every enum value a constant, every {@code
 * oneOf} alternative a field; every object model keeps what it cannot type ({@link LosslessModel});
 * and the models have nothing the spec does not. This is what notices a regenerated client
 * drifting.
 */
class SpecModelCorrespondenceTest {
  private static final String MODEL_PACKAGE = Build.class.getPackageName();
  private static final String UNKNOWN = "UNKNOWN";

  @Test
  void specAndGeneratedModelsAgree() {
    assertThat(mismatches(SpecResources.specYaml())).isEmpty();
  }

  @SuppressWarnings("unchecked") // the spec tree's oneOf is a List<Object>
  static Stream<Arguments> specEdits() {
    return Stream.of(
        Arguments.of(
            "a new property",
            editedSpec(
                spec ->
                    node(schema(spec, "Build"), "properties")
                        .put("build_number", Map.of("type", "integer"))),
            "Build.build_number: in the spec, but no field of the model has @Json(name = \"build_number\")"),
        Arguments.of(
            "a removed property",
            editedSpec(
                spec -> node(schema(spec, "RepoConnection"), "properties").remove("repo_id")),
            "RepoConnection.repoId: the model has @Json(name = \"repo_id\"), the spec has no such property"),
        Arguments.of(
            "a changed format",
            editedSpec(
                spec -> node(schema(spec, "Build"), "properties", "build_uuid").remove("format")),
            "Build.build_uuid: the spec implies java.lang.String, the model's getBuildUuid() returns java.util.UUID"),
        Arguments.of(
            "a date-time that is no longer one",
            editedSpec(
                spec -> node(schema(spec, "Build"), "properties", "created_on").remove("format")),
            "Build.created_on: the spec implies java.lang.String, the model's getCreatedOn() returns java.time.OffsetDateTime"),
        Arguments.of(
            "an object that becomes a oneOf",
            editedSpec(
                spec -> {
                  Map<String, Object> pullRequest = schema(spec, "PullRequest");
                  pullRequest.remove("type");
                  pullRequest.remove("properties");
                  pullRequest.put("oneOf", List.of(Map.of("type", "string")));
                }),
            "PullRequest: a oneOf in the spec, but "
                + MODEL_PACKAGE
                + ".PullRequest is not a OneOfValue"),
        Arguments.of(
            "a new oneOf alternative",
            editedSpec(
                spec ->
                    ((List<Object>) schema(spec, "EnvironmentVariableValue").get("oneOf"))
                        .add(Map.of("type", "integer"))),
            "EnvironmentVariableValue: the spec's alternative java.lang.Integer has no field"),
        Arguments.of(
            "a changed item type",
            editedSpec(
                spec ->
                    node(schema(spec, "Trigger"), "properties", "path_includes")
                        .put("items", Map.of("type", "integer"))),
            "Trigger.path_includes: the spec implies java.util.List<java.lang.Integer>,"
                + " the model's getPathIncludes() returns java.util.List<java.lang.String>"),
        Arguments.of(
            "a new enum value",
            editedSpec(spec -> enumValues(spec, "ProviderType").add("gitlab")),
            "ProviderType: the spec's value \"gitlab\" has no constant"),
        Arguments.of(
            "a removed enum value",
            editedSpec(spec -> enumValues(spec, "BuildStatus").remove("stopped")),
            "BuildStatus.STOPPED: the model's value \"stopped\" is not in the spec"),
        Arguments.of(
            "a new schema",
            editedSpec(
                spec ->
                    node(spec, "components", "schemas").put("Invoice", Map.of("type", "object"))),
            "Invoice: a schema in the spec, but no class " + MODEL_PACKAGE + ".Invoice"),
        Arguments.of(
            "a removed schema",
            editedSpec(
                spec -> {
                  node(spec, "components", "schemas").remove("WorkersMessageSource");
                  node(schema(spec, "WorkersMessage"), "properties").remove("source");
                }),
            "WorkersMessageSource: a model class, but no schema in the spec"),
        Arguments.of(
            "a log line whose items change type",
            editedSpec(spec -> schema(spec, "LogLine").put("items", Map.of("type", "integer"))),
            "LogLine[0]: java.math.BigDecimal is not one of the types its items may be,"
                + " [java.lang.Integer]"),
        Arguments.of(
            "a log line position renamed",
            editedSpec(spec -> tuplePosition(spec, "LogLine", 1).put("name", "text")),
            "LogLine[1]: the spec names it text, the model's field is message"),
        Arguments.of(
            "a log line position of another type",
            editedSpec(spec -> tuplePosition(spec, "LogLine", 0).put("javaType", "String")),
            "LogLine[0]: the spec gives java.lang.String, the model's getter returns"
                + " java.math.BigDecimal"),
        Arguments.of(
            "a log line of three items",
            editedSpec(spec -> schema(spec, "LogLine").put("maxItems", 3)),
            "LogLine: x-cfbuilds-tuple names 2 positions, the schema allows 3 items"),
        Arguments.of(
            "a log line that is no longer a tuple",
            editedSpec(spec -> schema(spec, "LogLine").remove("x-cfbuilds-tuple")),
            "LogLine: an array in the spec, but a model class of its own"),
        Arguments.of(
            "a new property of a Workers API schema",
            editedSpec(
                spec ->
                    node(schema(spec, "Deployment"), "properties")
                        .put("rollback_of", Map.of("type", "string", "format", "uuid"))),
            "Deployment.rollback_of: in the spec, but no field of the model has"
                + " @Json(name = \"rollback_of\")"),
        Arguments.of(
            "a double that becomes an arbitrary-precision number",
            editedSpec(
                spec ->
                    node(schema(spec, "DeploymentVersion"), "properties", "percentage")
                        .remove("format")),
            "DeploymentVersion.percentage: the spec implies java.math.BigDecimal, the model's"
                + " getPercentage() returns java.lang.Double"),
        Arguments.of(
            "a new value of the deployment strategy",
            editedSpec(spec -> enumValues(spec, "DeploymentStrategy").add("immediate")),
            "DeploymentStrategy: the spec's value \"immediate\" has no constant"));
  }

  /** Returns position {@code index} of the {@code x-cfbuilds-tuple} of schema {@code name}. */
  @SuppressWarnings("unchecked") // the spec tree is plain YAML
  private static Map<String, Object> tuplePosition(
      Map<String, Object> spec, String name, int index) {
    Map<String, Object> tuple = node(schema(spec, name), "x-cfbuilds-tuple");
    return ((List<Map<String, Object>>) tuple.get("items")).get(index);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specEdits")
  void editedSpecNoLongerMatchesTheModels(String change, String editedSpec, String mismatch) {
    assertThat(mismatches(editedSpec)).contains(mismatch);
  }

  /** Returns every disagreement between the spec's component schemas and the generated models. */
  @SuppressWarnings("rawtypes") // swagger-models hands out raw Map<String, Schema>
  private static List<String> mismatches(String specYaml) {
    OpenAPI spec = SpecResources.openApi(specYaml);
    List<String> mismatches = new ArrayList<>();
    Map<String, Schema> schemas = spec.getComponents().getSchemas();
    Set<String> classes = modelClassNames();
    schemas.forEach(
        (name, schema) -> {
          if (tuplePositions(schema) != null) {
            if (!classes.contains(name)) {
              mismatches.add(
                  name + ": a tuple in the spec, but no class " + MODEL_PACKAGE + "." + name);
            } else {
              compareTuple(name, schema, schemas, modelClass(name), mismatches);
            }
          } else if ("array".equals(schema.getType())) {
            // The generator names no class for an array: a $ref to it reads as a List, which
            // javaType checks where it is used.
            if (classes.contains(name)) {
              mismatches.add(name + ": an array in the spec, but a model class of its own");
            }
          } else if (!classes.contains(name)) {
            mismatches.add(
                name + ": a schema in the spec, but no class " + MODEL_PACKAGE + "." + name);
          } else if (schema.getEnum() != null) {
            compareEnum(name, schema, modelClass(name), mismatches);
          } else if (schema.getOneOf() != null) {
            compareOneOf(name, schema, modelClass(name), mismatches);
          } else {
            compareObject(name, schema, schemas, modelClass(name), mismatches);
          }
        });
    classes.stream()
        .filter(name -> !schemas.containsKey(name))
        .forEach(name -> mismatches.add(name + ": a model class, but no schema in the spec"));
    return mismatches;
  }

  @SuppressWarnings("rawtypes") // swagger-models hands out raw Map<String, Schema>
  private static void compareObject(
      String name,
      Schema<?> schema,
      Map<String, Schema> schemas,
      Class<?> model,
      List<String> mismatches) {
    Map<String, Schema> properties =
        schema.getProperties() == null ? Map.of() : schema.getProperties();
    properties.forEach(
        (property, propertySchema) -> {
          Field field = jsonField(model, property);
          if (field == null) {
            mismatches.add(
                name
                    + "."
                    + property
                    + ": in the spec, but no field of the model has @Json(name = \""
                    + property
                    + "\")");
            return;
          }
          String expected = javaType(propertySchema, schemas);
          Method getter = getter(model, field);
          String actual =
              getter == null ? "(no getter)" : getter.getGenericReturnType().getTypeName();
          if (!expected.equals(actual)) {
            mismatches.add(
                name
                    + "."
                    + property
                    + ": the spec implies "
                    + expected
                    + ", the model's "
                    + (getter == null
                        ? "field " + field.getName() + " has no getter"
                        : getter.getName() + "()")
                    + " returns "
                    + actual);
          }
        });
    if (!LosslessModel.class.isAssignableFrom(model)) {
      mismatches.add(
          name + ": " + model.getName() + " does not keep what it cannot type (LosslessModel)");
    }
    for (Field field : model.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Json json = field.getAnnotation(Json.class);
      if (json == null) {
        mismatches.add(name + "." + field.getName() + ": a model field without @Json");
      } else if (!properties.containsKey(json.name())) {
        mismatches.add(
            name
                + "."
                + field.getName()
                + ": the model has @Json(name = \""
                + json.name()
                + "\"), the spec has no such property");
      }
    }
  }

  /**
   * Returns the positions of an array schema marked {@code x-cfbuilds-tuple} (each a map with
   * {@code name} and {@code javaType}), or null for any other schema.
   */
  @SuppressWarnings("unchecked") // the extension is plain YAML: a map holding a list of maps
  private static List<Map<String, Object>> tuplePositions(Schema<?> schema) {
    Object tuple =
        schema.getExtensions() == null ? null : schema.getExtensions().get("x-cfbuilds-tuple");
    if (!"array".equals(schema.getType()) || !(tuple instanceof Map<?, ?> map)) {
      return null;
    }
    return (List<Map<String, Object>>) map.get("items");
  }

  /**
   * Compares a tuple's positions with its class: a {@code LosslessTuple} with one field per
   * position, in order, of the position's name and Java type, which must be one the schema's items
   * may be; as many positions as the schema's {@code maxItems}.
   */
  @SuppressWarnings("rawtypes") // swagger-models hands out raw Map<String, Schema>
  private static void compareTuple(
      String name,
      Schema<?> schema,
      Map<String, Schema> schemas,
      Class<?> model,
      List<String> mismatches) {
    if (!LosslessTuple.class.isAssignableFrom(model)) {
      mismatches.add(
          name + ": a tuple in the spec, but " + model.getName() + " is not a LosslessTuple");
      return;
    }
    List<Map<String, Object>> positions = tuplePositions(schema);
    if (schema.getMaxItems() != null && schema.getMaxItems() != positions.size()) {
      mismatches.add(
          name
              + ": x-cfbuilds-tuple names "
              + positions.size()
              + " positions, the schema allows "
              + schema.getMaxItems()
              + " items");
    }
    Set<String> itemTypes = new LinkedHashSet<>();
    Schema<?> items = schema.getItems();
    if (items.get$ref() != null) {
      items = schemas.get(items.get$ref().substring(items.get$ref().lastIndexOf('/') + 1));
    }
    for (Schema<?> alternative : items.getOneOf() == null ? List.of(items) : items.getOneOf()) {
      itemTypes.add(javaType(alternative, schemas));
    }
    List<Field> fields = new ArrayList<>();
    for (Field field : model.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    for (int i = 0; i < Math.max(positions.size(), fields.size()); i++) {
      String position = name + "[" + i + "]";
      if (i >= fields.size()) {
        mismatches.add(position + ": in the spec, but the model has no field for it");
        continue;
      }
      if (i >= positions.size()) {
        mismatches.add(
            position + ": the model's field " + fields.get(i).getName() + " is not in the spec");
        continue;
      }
      String specName = String.valueOf(positions.get(i).get("name"));
      String specType = String.valueOf(positions.get(i).get("javaType"));
      if (!specType.contains(".")) {
        specType = "java.lang." + specType;
      }
      Field field = fields.get(i);
      if (!field.getName().equals(specName)) {
        mismatches.add(
            position
                + ": the spec names it "
                + specName
                + ", the model's field is "
                + field.getName());
      }
      Method getter = getter(model, field);
      String actual = getter == null ? "(no getter)" : getter.getGenericReturnType().getTypeName();
      if (!specType.equals(actual)) {
        mismatches.add(
            position + ": the spec gives " + specType + ", the model's getter returns " + actual);
      }
      if (!itemTypes.contains(specType)) {
        mismatches.add(
            position + ": " + specType + " is not one of the types its items may be, " + itemTypes);
      }
    }
  }

  /** Compares a {@code oneOf} schema's alternatives with the fields of its holder class. */
  private static void compareOneOf(
      String name, Schema<?> schema, Class<?> model, List<String> mismatches) {
    if (!OneOfValue.class.isAssignableFrom(model)) {
      mismatches.add(
          name + ": a oneOf in the spec, but " + model.getName() + " is not a OneOfValue");
      return;
    }
    Set<String> fieldTypes = new LinkedHashSet<>();
    for (Field field : model.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fieldTypes.add(field.getGenericType().getTypeName());
      }
    }
    Set<String> specTypes = new LinkedHashSet<>();
    for (Schema<?> alternative : schema.getOneOf()) {
      specTypes.add(javaType(alternative, Map.of()));
    }
    specTypes.stream()
        .filter(type -> !fieldTypes.contains(type))
        .forEach(
            type -> mismatches.add(name + ": the spec's alternative " + type + " has no field"));
    fieldTypes.stream()
        .filter(type -> !specTypes.contains(type))
        .forEach(
            type ->
                mismatches.add(name + ": the model's field of " + type + " is not in the spec"));
  }

  /** Returns the public getter of {@code field}, {@code getFooBar} for {@code fooBar}, or null. */
  private static Method getter(Class<?> model, Field field) {
    String name =
        "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
    try {
      return model.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void compareEnum(
      String name, Schema<?> schema, Class<?> model, List<String> mismatches) {
    if (!model.isEnum()) {
      mismatches.add(name + ": an enum in the spec, but " + model.getName() + " is not an enum");
      return;
    }
    Set<String> specValues = new LinkedHashSet<>();
    // A nullable enum lists null among its values (OpenAPI 3.0.3); null is no constant.
    schema.getEnum().stream()
        .filter(value -> value != null)
        .forEach(value -> specValues.add(String.valueOf(value)));
    Set<String> modelValues = new LinkedHashSet<>();
    for (Object constant : model.getEnumConstants()) {
      String constantName = ((Enum<?>) constant).name();
      if (constantName.equals(UNKNOWN)) {
        continue;
      }
      String value = wireValue(model, constantName);
      modelValues.add(value);
      if (!specValues.contains(value)) {
        mismatches.add(
            name + "." + constantName + ": the model's value \"" + value + "\" is not in the spec");
      }
    }
    specValues.stream()
        .filter(value -> !modelValues.contains(value))
        .forEach(
            value -> mismatches.add(name + ": the spec's value \"" + value + "\" has no constant"));
  }

  /**
   * Returns the Java type name the generator must give a property of this schema; a {@code $ref} to
   * one of {@code schemas} that is an array reads as the array.
   */
  @SuppressWarnings("rawtypes") // swagger-models hands out raw Map<String, Schema>
  private static String javaType(Schema<?> schema, Map<String, Schema> schemas) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      Schema<?> target = schemas.get(name);
      if (target != null && "array".equals(target.getType()) && tuplePositions(target) == null) {
        return javaType(target, schemas);
      }
      return MODEL_PACKAGE + "." + name;
    }
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    switch (String.valueOf(schema.getType())) {
      case "string":
        return switch (format) {
          case "date-time" -> "java.time.OffsetDateTime";
          case "uuid" -> "java.util.UUID";
          case "uri" -> "java.net.URI";
          default -> "java.lang.String";
        };
      case "integer":
        return format.equals("int64") ? "java.lang.Long" : "java.lang.Integer";
      case "number":
        return switch (format) {
          case "double" -> "java.lang.Double";
          case "float" -> "java.lang.Float";
          default -> "java.math.BigDecimal";
        };
      case "boolean":
        return "java.lang.Boolean";
      case "array":
        return "java.util.List<" + javaType(schema.getItems(), schemas) + ">";
      case "object":
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
          return "java.util.Map<java.lang.String, " + javaType(values, schemas) + ">";
        }
        if (schema.getProperties() == null && schema.getAdditionalProperties() == null) {
          // A free-form object, such as an error envelope's null result: any JSON value.
          return "java.lang.Object";
        }
        return "(an inline object, which the generator cannot name)";
      default:
        return "(a schema without a type)";
    }
  }

  private static Field jsonField(Class<?> model, String property) {
    for (Field field : model.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (json != null && json.name().equals(property)) {
        return field;
      }
    }
    return null;
  }

  private static String wireValue(Class<?> model, String constantName) {
    try {
      Json json = model.getField(constantName).getAnnotation(Json.class);
      return json == null ? "(no @Json on " + constantName + ")" : json.name();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  private static Class<?> modelClass(String name) {
    try {
      return Class.forName(MODEL_PACKAGE + "." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Lists the top-level classes of the model package, from the jar or folder that holds them. */
  private static Set<String> modelClassNames() {
    String folder = MODEL_PACKAGE.replace('.', '/') + "/";
    Set<String> names = new TreeSet<>();
    try {
      Path location =
          Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> entries = new ArrayList<>();
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location.resolve(folder))) {
          files.forEach(file -> entries.add(folder + file.getFileName()));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream().forEach(entry -> entries.add(entry.getName()));
        }
      }
      for (String entry : entries) {
        String rest = entry.startsWith(folder) ? entry.substring(folder.length()) : "";
        if (rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$")) {
          names.add(rest.substring(0, rest.length() - ".class".length()));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError(e);
    }
    return names;
  }
}
