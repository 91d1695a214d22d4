package dev.cfbuilds.drift;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks raw 200 response bodies of one operation strictly against our spec with Atlassian's
 * swagger-request-validator, the validator the contract tests use: properties our spec does not
 * describe are reported too. Each finding names the operation.
 *
 * <p>Each finding is reported once per place in the schema, however many builds show it: map keys
 * are written {@code *} and array indexes {@code [*]}. A finding gives the JSON type of the
 * offending value, never the value, since environment variables hold secrets; the one exception is
 * a value outside an enum, which is quoted.
 */
public final class PayloadDrift {
  private static final String SCHEMA_KEY = "validation.response.body.schema.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenApiInteractionValidator validator;
  private final SpecOperation operation;
  private final SchemaView body;

  private PayloadDrift(
      OpenApiInteractionValidator validator, SpecOperation operation, SchemaView body) {
    this.validator = validator;
    this.operation = operation;
    this.body = body;
  }

  /**
   * Returns a checker of 200 bodies of {@value OurSpec#DEFAULT_OPERATION} against our spec, as the
   * {@code cfbuilds-spec} jar holds it.
   */
  public static PayloadDrift forOurSpec() {
    return forOurSpec(OurSpec.DEFAULT_OPERATION);
  }

  /**
   * Returns a checker of 200 bodies of our spec's operation {@code operationId}.
   *
   * @throws DriftInputException if our spec has no such operation; the message lists those it has
   */
  public static PayloadDrift forOurSpec(String operationId) {
    return of(OurSpec.yaml(), operationId);
  }

  /** Returns a checker of {@value OurSpec#DEFAULT_OPERATION} against {@code spec}. */
  static PayloadDrift of(String spec) {
    return of(spec, OurSpec.DEFAULT_OPERATION);
  }

  /** Returns a checker of the operation {@code operationId} against {@code spec} (YAML or JSON). */
  static PayloadDrift of(String spec, String operationId) {
    Map<SpecOperation, Operation> resolved =
        SpecOperation.all(OfficialDrift.parse(spec, "our spec"));
    SpecOperation operation = OurSpec.find(List.copyOf(resolved.keySet()), operationId);
    SchemaView body = SchemaView.of(OfficialDrift.okBody(resolved.get(operation)));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(spec, null, options).getOpenAPI();
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(PayloadDrift::close);
    }
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createFor(api)
            // Our spec's server is https://api.cloudflare.com/client/v4; bodies are matched by
            // path.
            .withBasePathOverride("/")
            .withLevelResolver(
                LevelResolver.create()
                    // Also closes the inline objects the validator reaches directly.
                    .withLevel("validation.schema.additionalProperties", Level.ERROR)
                    .build())
            .build();
    return new PayloadDrift(validator, operation, body);
  }

  /** Returns the operation whose 200 bodies this checks. */
  public SpecOperation operation() {
    return operation;
  }

  /**
   * Closes every object schema that lists its properties and says nothing of others ({@code
   * additionalProperties: false}), so that the validator reports unknown properties. The
   * validator's own option misses objects reached through {@code additionalProperties}, such as
   * each build of the {@code builds} map. {@code allOf} parts are closed too: a part then rejects
   * the properties of the others, but such a message becomes a finding only for a name that no part
   * has (see {@link #add}).
   */
  private static void close(Schema<?> schema) {
    if (schema == null || schema.get$ref() != null) {
      return;
    }
    if (schema.getProperties() != null) {
      if (schema.getAdditionalProperties() == null) {
        schema.setAdditionalProperties(false);
      }
      schema.getProperties().values().forEach(PayloadDrift::close);
    }
    close(schema.getItems());
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      close(values);
    }
    for (List<Schema> branches :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (branches != null) {
        for (Schema<?> branch : branches) {
          close(branch);
        }
      }
    }
  }

  /**
   * Returns what in the 200 response body {@code json} our spec does not allow, once per place.
   *
   * @throws DriftInputException if {@code json} is not JSON (the message gives the line and column,
   *     never the text)
   */
  public List<Finding> check(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new DriftInputException(
          "not JSON"
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
    }
    if (root == null || root.isMissingNode()) {
      throw new DriftInputException("not JSON: the body is empty");
    }
    ValidationReport report =
        validator.validateResponse(
            requestPath(),
            Request.Method.valueOf(operation.method()),
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody(json)
                .build());
    Set<Finding> findings = new LinkedHashSet<>();
    for (Message message : report.getMessages()) {
      if (message.getLevel() == Level.ERROR) {
        add(message, root, findings);
      }
    }
    return new ArrayList<>(findings);
  }

  /**
   * Returns a request path of the operation, each path parameter {@code 0}: the validator finds the
   * operation by it, and a literal segment ({@code /builds/latest}) wins over a parameter.
   */
  private String requestPath() {
    return operation.path().replaceAll("\\{[^}]*}", "0");
  }

  private void add(Message message, JsonNode root, Set<Finding> findings) {
    String pointer =
        message
            .getContext()
            .flatMap(MessageContext::getPointers)
            .map(MessageContext.Pointers::getInstance)
            .map(instance -> instance.equals("/") ? "" : instance)
            .orElse("");
    Place place = place(pointer);
    JsonNode value = root.at(pointer);
    String key = message.getKey();
    String keyword = key.startsWith(SCHEMA_KEY) ? key.substring(SCHEMA_KEY.length()) : key;
    if (keyword.startsWith("format.")) {
      keyword = "format"; // format.date-time, format.uuid, …
    }
    switch (keyword) {
      case "additionalProperties" -> {
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          if (!place.view.properties.containsKey(field.getKey())) {
            findings.add(
                new Finding(
                    FindingKind.UNKNOWN_PROPERTY,
                    operation.operationId(),
                    place.path + "." + field.getKey(),
                    "not in our spec; the body has " + withArticle(typeOf(field.getValue()))));
          }
        }
      }
      // A null or a value of another type breaks the type too: one finding, the type's.
      case "enum" ->
          findings.add(
              value.isNull() || !allows(place.view, value)
                  ? typeMismatch(place, value)
                  : unknownEnumValue(place, value));
      case "type" -> findings.add(typeMismatch(place, value));
      case "format" ->
          findings.add(
              new Finding(
                  FindingKind.FORMAT_MISMATCH,
                  operation.operationId(),
                  place.path,
                  "our spec says "
                      + place.view.describe()
                      + "; the body has a string of another form"));
      case "required" -> {
        for (String name : place.view.required) {
          if (!value.has(name)) {
            findings.add(
                new Finding(
                    FindingKind.MISSING_REQUIRED,
                    operation.operationId(),
                    place.path + "." + name,
                    "required by our spec"));
          }
        }
      }
      case "allOf" -> {
        // The value must match every part: what broke inside each part is a finding of its own.
        for (Message nested : message.getNestedMessages()) {
          add(nested, root, findings);
        }
      }
      case "oneOf", "anyOf" -> {
        if (!allows(place.view, value)) {
          findings.add(typeMismatch(place, value));
        } else {
          // The value matched a branch's type: report what broke inside that branch.
          for (Message nested : message.getNestedMessages()) {
            boolean otherBranchType =
                nested.getKey().endsWith(".type")
                    && nested
                        .getContext()
                        .flatMap(MessageContext::getPointers)
                        .map(MessageContext.Pointers::getInstance)
                        .orElse("")
                        .equals(pointer);
            if (!otherBranchType) {
              add(nested, root, findings);
            }
          }
        }
      }
      default ->
          findings.add(
              new Finding(
                  FindingKind.SCHEMA_MISMATCH,
                  operation.operationId(),
                  place.path,
                  "breaks our spec's " + keyword));
    }
  }

  private Finding typeMismatch(Place place, JsonNode value) {
    String ours = "our spec says " + place.view.describe();
    return new Finding(
        FindingKind.TYPE_MISMATCH,
        operation.operationId(),
        place.path,
        value.isNull()
            ? ours + " and no null; the body has null"
            : ours + "; the body has " + withArticle(typeOf(value)));
  }

  /**
   * Returns the finding of a value outside our spec's enum, quoting it: at an enum's place the
   * value is an enum text (a provider, a status), not a secret, and the user needs it to widen the
   * enum.
   */
  private Finding unknownEnumValue(Place place, JsonNode value) {
    return new Finding(
        FindingKind.UNKNOWN_ENUM_VALUE,
        operation.operationId(),
        place.path,
        "our spec allows "
            + place.view.enumValues
            + "; the body has "
            + (value.isValueNode() ? value.toString() : "another " + typeOf(value)));
  }

  private static boolean allows(SchemaView view, JsonNode value) {
    String type = typeOf(value);
    return view.types.isEmpty()
        || view.types.contains(type)
        || (type.equals("null") && view.nullable)
        || (type.equals("integer") && view.types.contains("number"));
  }

  /** Returns where {@code pointer} is in our schema: its JSON path with map keys as {@code *}. */
  private Place place(String pointer) {
    SchemaView view = body;
    StringBuilder path = new StringBuilder("$");
    if (!pointer.isEmpty()) {
      for (String raw : pointer.substring(1).split("/", -1)) {
        String step = raw.replace("~1", "/").replace("~0", "~");
        if (view.properties.containsKey(step)) {
          path.append('.').append(step);
          view = view.properties.get(step);
        } else if (view.items != null && step.chars().allMatch(Character::isDigit)) {
          path.append("[*]");
          view = view.items;
        } else if (view.additional != null) {
          path.append(".*");
          view = view.additional;
        } else {
          path.append('.').append(step);
          view = SchemaView.of(null);
        }
      }
    }
    return new Place(path.toString(), view);
  }

  /**
   * Returns the JSON type of {@code value}: object, array, string, integer, number, boolean or
   * null.
   */
  static String typeOf(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> "nothing";
    };
  }

  private static String withArticle(String type) {
    return switch (type) {
      case "null" -> "null";
      case "object", "array", "integer" -> "an " + type;
      default -> "a " + type;
    };
  }

  private record Place(String path, SchemaView view) {}
}
