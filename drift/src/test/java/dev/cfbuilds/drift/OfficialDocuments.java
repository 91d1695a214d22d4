package dev.cfbuilds.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds documents shaped like Cloudflare's published OpenAPI document (the {@code openapi.json} of
 * the {@code cloudflare/api-schemas} repository) from our spec, for tests and the benchmark.
 *
 * <p>As Cloudflare writes it: component names carry a {@code builds_} prefix, the response is an
 * {@code allOf} of the shared envelope {@code builds_APIResponse} (whose own {@code result} is a
 * nullable bare object) and a part that gives {@code result} its schema, the account ID is a
 * path-level parameter {@code $ref}, the error response a {@code responses} {@code $ref}. In 3.1
 * style, {@code nullable} becomes a type array and the nullable result an {@code anyOf} with {@code
 * type: 'null'}. Filler operations, each with its own schemas, bring the document to the published
 * one's size.
 */
final class OfficialDocuments {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String PREFIX = "#/components/schemas/";
  private static final String PARAMETERS = "#/components/parameters/";
  static final String OPERATION = "/accounts/{account_id}/builds/builds";
  static final String BY_VERSION = "getBuildsByVersionIds";

  /** The two OpenAPI versions Cloudflare's document has been published in. */
  enum Style {
    V30("3.0.3"),
    V31("3.1.0");

    final String version;

    Style(String version) {
      this.version = version;
    }
  }

  private OfficialDocuments() {}

  /** Returns our spec, rewritten in Cloudflare's published style, as a tree to edit. */
  static ObjectNode fromOurSpec(Style style) {
    ObjectNode spec;
    try {
      spec = (ObjectNode) YAML.readTree(OurSpec.yaml());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    spec.put("openapi", style.version);
    ObjectNode oldSchemas = (ObjectNode) spec.path("components").path("schemas");
    ObjectNode schemas = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> entry : oldSchemas.properties()) {
      schemas.set("builds_" + entry.getKey(), entry.getValue());
    }
    ((ObjectNode) spec.get("components")).set("schemas", schemas);
    ObjectNode oldParameters = (ObjectNode) spec.path("components").path("parameters");
    ObjectNode componentParameters = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> entry : oldParameters.properties()) {
      componentParameters.set("builds_" + entry.getKey(), entry.getValue());
    }
    ((ObjectNode) spec.get("components")).set("parameters", componentParameters);
    renameRefs(spec);

    // The envelope as Cloudflare shares it between operations, with its own result a nullable
    // bare object, and the response as an allOf of it and a part that gives result its schema.
    ObjectNode response = (ObjectNode) schemas.remove("builds_BuildsByVersionIdsResponse");
    ObjectNode envelope = response.deepCopy();
    ObjectNode envelopeProperties = (ObjectNode) envelope.get("properties");
    ObjectNode result = (ObjectNode) envelopeProperties.remove("result");
    envelopeProperties.putObject("result").put("type", "object").put("nullable", true);
    envelope.put("description", "The envelope every Cloudflare API response has.");
    schemas.set("builds_APIResponse", envelope);
    ObjectNode resultPart = JSON.createObjectNode().put("type", "object");
    resultPart.putObject("properties").set("result", result);
    ObjectNode byVersion = JSON.createObjectNode();
    byVersion.putArray("allOf").add(ref("builds_APIResponse")).add(resultPart);
    schemas.set("builds_BuildsByVersionResponse", byVersion);

    ObjectNode pathItem = (ObjectNode) spec.path("paths").path(OPERATION);
    ObjectNode get = (ObjectNode) pathItem.get("get");
    ArrayNode parameters = (ArrayNode) get.get("parameters");
    componentParameters.set("builds_AccountId", parameters.get(0));
    componentParameters.set("builds_VersionIds", parameters.get(1));
    pathItem.putArray("parameters").add(refTo("#/components/parameters/builds_AccountId"));
    get.putArray("parameters").add(refTo("#/components/parameters/builds_VersionIds"));
    ObjectNode responses = (ObjectNode) get.get("responses");
    ((ObjectNode) responses.path("200").path("content").path("application/json"))
        .set("schema", ref("builds_BuildsByVersionResponse"));
    ObjectNode error = (ObjectNode) responses.get("4XX");
    ((ObjectNode) error.path("content").path("application/json"))
        .set("schema", ref("builds_BuildsByVersionResponse"));
    ((ObjectNode) spec.get("components")).putObject("responses").set("builds_Error", error);
    responses.set("4XX", refTo("#/components/responses/builds_Error"));

    if (style == Style.V31) {
      toTypeArrays(spec);
      // The result's nullability written at its use, as an anyOf with null.
      ObjectNode resultSchema = (ObjectNode) schemas.get("builds_BuildsByVersionIdsResult");
      resultSchema.put("type", "object");
      ObjectNode nullableResult = JSON.createObjectNode();
      nullableResult
          .putArray("anyOf")
          .add(ref("builds_BuildsByVersionIdsResult"))
          .add(JSON.createObjectNode().put("type", "null"));
      resultPart.with("properties").set("result", nullableResult);
    }
    return spec;
  }

  /**
   * Adds {@code paths} filler path items of three operations each, each path with a list and an
   * item schema of thirty documented properties (about 8 KB, as long-described as Cloudflare's),
   * plus a sibling of our path that must not be taken for it.
   */
  static void addFiller(ObjectNode spec, int paths) {
    ObjectNode pathItems = (ObjectNode) spec.get("paths");
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    pathItems.set(
        OPERATION + "/{build_uuid}/artifacts", fillerPathItem("builds_Artifacts", schemas));
    for (int i = 0; i < paths; i++) {
      pathItems.set(
          "/accounts/{account_id}/filler" + i + "/items/{item_id}",
          fillerPathItem("filler" + i + "_Item", schemas));
    }
  }

  private static ObjectNode fillerPathItem(String schemaName, ObjectNode schemas) {
    ObjectNode item = JSON.createObjectNode().put("type", "object");
    item.put("description", "A filler resource, one of thousands, as in the published document.");
    ObjectNode properties = item.putObject("properties");
    for (int p = 0; p < 30; p++) {
      ObjectNode property = properties.putObject("property_" + p);
      property.put("type", p % 3 == 0 ? "integer" : "string");
      property.put(
          "description",
          "Property "
              + p
              + " of "
              + schemaName
              + ". Cloudflare describes most properties in a sentence or two: what the value"
              + " means, its unit, and when it is absent.");
      if (p % 5 == 0) {
        property.put("example", "example-value-" + p);
      }
    }
    schemas.set(schemaName, item);
    ObjectNode list = JSON.createObjectNode();
    ObjectNode listPart = JSON.createObjectNode().put("type", "object");
    ObjectNode result = listPart.putObject("properties").putObject("result");
    result.put("type", "array").set("items", ref(schemaName));
    list.putArray("allOf").add(ref("builds_APIResponse")).add(listPart);
    schemas.set(schemaName + "List", list);

    ObjectNode pathItem = JSON.createObjectNode();
    pathItem.putArray("parameters").add(refTo("#/components/parameters/builds_AccountId"));
    for (String method : List.of("get", "post", "delete")) {
      ObjectNode operation = pathItem.putObject(method);
      operation.put("operationId", schemaName + "-" + method);
      operation.put("summary", "A filler " + method + " operation");
      operation.putArray("tags").add("Filler");
      ObjectNode responses = operation.putObject("responses");
      responses
          .putObject("200")
          .put("description", "OK")
          .putObject("content")
          .putObject("application/json")
          .set("schema", ref(schemaName + "List"));
      responses.set("4XX", refTo("#/components/responses/builds_Error"));
    }
    return pathItem;
  }

  static byte[] json(JsonNode spec) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] yaml(JsonNode spec) {
    try {
      return YAML.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the component schema {@code name} (without the prefix) of a document built here. */
  static ObjectNode schema(ObjectNode spec, String name) {
    return (ObjectNode) spec.path("components").path("schemas").path("builds_" + name);
  }

  static ObjectNode ref(String schemaName) {
    return refTo(PREFIX + schemaName);
  }

  private static ObjectNode refTo(String ref) {
    return JSON.createObjectNode().put("$ref", ref);
  }

  private static void renameRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith(PREFIX)) {
        object.put("$ref", PREFIX + "builds_" + ref.asText().substring(PREFIX.length()));
      } else if (ref != null && ref.asText().startsWith(PARAMETERS)) {
        object.put("$ref", PARAMETERS + "builds_" + ref.asText().substring(PARAMETERS.length()));
      }
      object.forEach(OfficialDocuments::renameRefs);
    } else if (node instanceof ArrayNode array) {
      array.forEach(OfficialDocuments::renameRefs);
    }
  }

  /** Rewrites {@code type: T, nullable: true} as {@code type: [T, 'null']}, as 3.1 has it. */
  static void toTypeArrays(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.path("nullable").asBoolean(false) && object.get("type") instanceof TextNode type) {
        object.remove("nullable");
        object.putArray("type").add(type.asText()).add("null");
      }
      List<JsonNode> children = new ArrayList<>();
      object.forEach(children::add);
      children.forEach(OfficialDocuments::toTypeArrays);
    } else if (node instanceof ArrayNode array) {
      array.forEach(OfficialDocuments::toTypeArrays);
    }
  }
}
