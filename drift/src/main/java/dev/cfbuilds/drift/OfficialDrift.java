package dev.cfbuilds.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares each operation of our spec with the operation at the same method and path in
 * Cloudflare's published OpenAPI document: its {@code operationId}, the 200 response body, the
 * parameters and the set of response codes. An operation the published document lacks is a finding
 * too.
 *
 * <p>The published document (tens of MB, thousands of operations) is first cut down to our paths
 * and what they reference by {@link OperationExtract}, reading it once as a stream; swagger-parser
 * then parses and resolves that extract ({@code $ref}s inlined, {@code allOf}/{@code anyOf}/{@code
 * oneOf} kept for {@link SchemaView} to read). OpenAPI 3.0 and 3.1 documents are both read.
 */
public final class OfficialDrift {
  private static final String BODY_ROOT = "$";
  private static final String OK = "200";

  private OfficialDrift() {}

  /**
   * Returns how the published document {@code document} (JSON or YAML bytes, whole or an extract)
   * differs from our spec, operation by operation in our spec's order; within one: its presence and
   * {@code operationId}, responses, parameters, then the 200 body.
   *
   * @throws DriftInputException if the document cannot be read or has none of our paths
   */
  public static List<Finding> compare(byte[] document) {
    return compare(OurSpec.yaml(), document);
  }

  /** Returns how {@code document} differs from {@code ourSpec} (YAML or JSON text). */
  static List<Finding> compare(String ourSpec, byte[] document) {
    Map<SpecOperation, Operation> ours = SpecOperation.all(parse(ourSpec, "our spec"));
    if (ours.isEmpty()) {
      throw new DriftInputException("our spec has no operation");
    }
    Set<String> paths = new LinkedHashSet<>();
    ours.keySet().forEach(operation -> paths.add(operation.path()));
    ObjectNode extract = OperationExtract.extract(document, paths);
    Map<SpecOperation, Operation> theirs =
        SpecOperation.all(parse(extract.toString(), "the published document"));
    List<Finding> findings = new ArrayList<>();
    ours.forEach(
        (name, ourOperation) -> {
          String id = name.operationId();
          Map.Entry<SpecOperation, Operation> match = match(name, theirs);
          if (match == null) {
            findings.add(
                new Finding(
                    FindingKind.OPERATION_REMOVED,
                    id,
                    name.endpoint(),
                    "ours has this operation; the published document has none at this method and path"));
            return;
          }
          String theirId = match.getKey().operationId();
          if (!theirId.equals(id)) {
            findings.add(
                new Finding(
                    FindingKind.OPERATION_ID_CHANGED,
                    id,
                    "operationId",
                    "ours " + orNone(id) + ", published " + orNone(theirId)));
          }
          compareOperation(id, ourOperation, match.getValue(), findings);
        });
    return findings;
  }

  /** Returns the operation of {@code theirs} at {@code ours}'s method and path, or null. */
  private static Map.Entry<SpecOperation, Operation> match(
      SpecOperation ours, Map<SpecOperation, Operation> theirs) {
    for (Map.Entry<SpecOperation, Operation> entry : theirs.entrySet()) {
      if (entry.getKey().sameEndpoint(ours)) {
        return entry;
      }
    }
    return null;
  }

  private static void compareOperation(
      String operation, Operation ours, Operation theirs, List<Finding> findings) {
    compareResponses(operation, ours, theirs, findings);
    compareParameters(operation, ours, theirs, findings);
    Schema<?> ourBody = okBody(ours);
    Schema<?> theirBody = okBody(theirs);
    if (ourBody != null && theirBody != null) {
      compareSchemas(
          operation, BODY_ROOT, SchemaView.of(ourBody), SchemaView.of(theirBody), findings);
    }
  }

  /** Parses and resolves {@code text} with swagger-parser, keeping combinators as written. */
  static OpenAPI parse(String text, String what) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    // Keep allOf/anyOf/oneOf as written: SchemaView reads them the same way for 3.0 and 3.1.
    options.setResolveCombinators(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getOpenAPI() == null) {
      throw new DriftInputException(
          what + " is not an OpenAPI 3 document: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /**
   * Returns the path item's parameters overridden by the operation's own, keyed by place and name.
   */
  static List<Parameter> mergedParameters(PathItem path, Operation operation) {
    Map<String, Parameter> merged = new LinkedHashMap<>();
    for (List<Parameter> list :
        List.of(nullToEmpty(path.getParameters()), nullToEmpty(operation.getParameters()))) {
      for (Parameter parameter : list) {
        merged.put(parameterPath(parameter), parameter);
      }
    }
    return new ArrayList<>(merged.values());
  }

  private static void compareResponses(
      String operation, Operation ours, Operation theirs, List<Finding> findings) {
    Set<String> ourCodes = codes(ours);
    Set<String> theirCodes = codes(theirs);
    forEachMissing(
        theirCodes,
        ourCodes,
        code ->
            findings.add(
                new Finding(
                    FindingKind.RESPONSE_ADDED,
                    operation,
                    "responses." + code,
                    "the published document has a " + code + " response; ours does not")));
    forEachMissing(
        ourCodes,
        theirCodes,
        code ->
            findings.add(
                new Finding(
                    FindingKind.RESPONSE_REMOVED,
                    operation,
                    "responses." + code,
                    "ours has a " + code + " response; the published document does not")));
  }

  /** Calls {@code action} with each of {@code values}, in order, that {@code others} lacks. */
  private static void forEachMissing(
      Collection<String> values, Collection<String> others, Consumer<String> action) {
    for (String value : values) {
      if (!others.contains(value)) {
        action.accept(value);
      }
    }
  }

  private static Set<String> codes(Operation operation) {
    Set<String> codes = new TreeSet<>();
    if (operation.getResponses() != null) {
      for (String code : operation.getResponses().keySet()) {
        codes.add(code.toUpperCase(Locale.ROOT));
      }
    }
    return codes;
  }

  private static void compareParameters(
      String operation, Operation ours, Operation theirs, List<Finding> findings) {
    Map<String, Parameter> ourParameters = byPath(ours);
    Map<String, Parameter> theirParameters = byPath(theirs);
    theirParameters.forEach(
        (path, parameter) -> {
          if (!ourParameters.containsKey(path)) {
            findings.add(
                new Finding(
                    FindingKind.PARAMETER_CHANGED,
                    operation,
                    path,
                    "added by the published document ("
                        + (Boolean.TRUE.equals(parameter.getRequired()) ? "required" : "optional")
                        + ", "
                        + SchemaView.of(parameter.getSchema()).describe()
                        + ")"));
          }
        });
    ourParameters.forEach(
        (path, ourParameter) -> {
          Parameter theirParameter = theirParameters.get(path);
          if (theirParameter == null) {
            findings.add(
                new Finding(
                    FindingKind.PARAMETER_CHANGED,
                    operation,
                    path,
                    "not in the published document"));
          } else {
            compareParameter(operation, path, ourParameter, theirParameter, findings);
          }
        });
  }

  private static void compareParameter(
      String operation, String path, Parameter ours, Parameter theirs, List<Finding> findings) {
    List<String> changes = new ArrayList<>();
    changed(changes, "required", isTrue(ours.getRequired()), isTrue(theirs.getRequired()));
    changed(changes, "style", ours.getStyle(), theirs.getStyle());
    changed(changes, "explode", ours.getExplode(), theirs.getExplode());
    Schema<?> ourSchema = ours.getSchema();
    Schema<?> theirSchema = theirs.getSchema();
    if (ourSchema != null && theirSchema != null) {
      changed(changes, "minItems", ourSchema.getMinItems(), theirSchema.getMinItems());
      changed(changes, "maxItems", ourSchema.getMaxItems(), theirSchema.getMaxItems());
    }
    List<Finding> schemaChanges = new ArrayList<>();
    compareSchemas(
        operation, path, SchemaView.of(ourSchema), SchemaView.of(theirSchema), schemaChanges);
    for (Finding change : schemaChanges) {
      String where = change.path().substring(path.length());
      changes.add(
          kindWords(change.kind())
              + (where.isEmpty() ? "" : " at " + where)
              + ": "
              + change.detail());
    }
    for (String change : changes) {
      findings.add(new Finding(FindingKind.PARAMETER_CHANGED, operation, path, change));
    }
  }

  private static void changed(List<String> changes, String what, Object ours, Object theirs) {
    if (!Objects.equals(ours, theirs)) {
      changes.add(what + ": ours " + ours + ", published " + theirs);
    }
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static String kindWords(FindingKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static Map<String, Parameter> byPath(Operation operation) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (Parameter parameter : nullToEmpty(operation.getParameters())) {
      parameters.put(parameterPath(parameter), parameter);
    }
    return parameters;
  }

  /** Returns where a finding about {@code parameter} is reported: {@code query.version_ids}. */
  private static String parameterPath(Parameter parameter) {
    return parameter.getIn() + "." + parameter.getName();
  }

  static Schema<?> okBody(Operation operation) {
    ApiResponse response =
        operation.getResponses() == null ? null : operation.getResponses().get(OK);
    Content content = response == null ? null : response.getContent();
    if (content == null) {
      return null;
    }
    MediaType json = content.get("application/json");
    if (json == null && !content.isEmpty()) {
      json = content.values().iterator().next();
    }
    return json == null ? null : json.getSchema();
  }

  /** Adds the differences between two views of the value at {@code path}, and below it. */
  static void compareSchemas(
      String operation, String path, SchemaView ours, SchemaView theirs, List<Finding> findings) {
    if (!ours.types.equals(theirs.types)) {
      findings.add(
          new Finding(
              FindingKind.TYPE_CHANGED,
              operation,
              path,
              "ours " + types(ours) + ", published " + types(theirs)));
    }
    if (!Objects.equals(ours.format, theirs.format)) {
      findings.add(
          new Finding(
              FindingKind.FORMAT_CHANGED,
              operation,
              path,
              "ours " + orNone(ours.format) + ", published " + orNone(theirs.format)));
    }
    if (ours.nullable != theirs.nullable) {
      findings.add(
          new Finding(
              FindingKind.NULLABILITY_CHANGED,
              operation,
              path,
              ours.nullable
                  ? "ours allows null, the published document does not"
                  : "the published document allows null, ours does not"));
    }
    compareEnums(operation, path, ours, theirs, findings);
    theirs.properties.forEach(
        (name, property) -> {
          if (!ours.properties.containsKey(name)) {
            findings.add(onlyPublished(operation, path + "." + name, property.describe()));
          }
        });
    ours.properties.forEach(
        (name, ourProperty) -> {
          SchemaView theirProperty = theirs.properties.get(name);
          if (theirProperty == null) {
            findings.add(onlyOurs(operation, path + "." + name, ourProperty.describe()));
            return;
          }
          boolean ourRequired = ours.required.contains(name);
          if (ourRequired != theirs.required.contains(name)) {
            findings.add(
                new Finding(
                    FindingKind.REQUIRED_CHANGED,
                    operation,
                    path + "." + name,
                    ourRequired
                        ? "required in ours, optional in the published document"
                        : "required in the published document, optional in ours"));
          }
          compareSchemas(operation, path + "." + name, ourProperty, theirProperty, findings);
        });
    if (ours.items != null && theirs.items != null) {
      compareSchemas(operation, path + "[*]", ours.items, theirs.items, findings);
    }
    String mapValues = path + ".*";
    if (ours.additional != null && theirs.additional != null) {
      compareSchemas(operation, mapValues, ours.additional, theirs.additional, findings);
    } else if (theirs.additional != null) {
      findings.add(onlyPublished(operation, mapValues, "a map of " + theirs.additional.describe()));
    } else if (ours.additional != null) {
      findings.add(onlyOurs(operation, mapValues, "a map of " + ours.additional.describe()));
    }
  }

  /**
   * Returns the finding that only the published document has {@code description} at {@code path}.
   */
  private static Finding onlyPublished(String operation, String path, String description) {
    return new Finding(FindingKind.PROPERTY_ADDED, operation, path, "published: " + description);
  }

  /** Returns the finding that only our spec has {@code description} at {@code path}. */
  private static Finding onlyOurs(String operation, String path, String description) {
    return new Finding(FindingKind.PROPERTY_REMOVED, operation, path, "ours: " + description);
  }

  private static void compareEnums(
      String operation, String path, SchemaView ours, SchemaView theirs, List<Finding> findings) {
    if (ours.enumValues == null && theirs.enumValues == null) {
      return;
    }
    if (ours.enumValues == null || theirs.enumValues == null) {
      findings.add(
          new Finding(
              theirs.enumValues == null
                  ? FindingKind.ENUM_VALUE_ADDED
                  : FindingKind.ENUM_VALUE_REMOVED,
              operation,
              path,
              "the published document allows " + allowed(theirs) + "; ours " + allowed(ours)));
      return;
    }
    forEachMissing(
        theirs.enumValues,
        ours.enumValues,
        value ->
            findings.add(
                new Finding(FindingKind.ENUM_VALUE_ADDED, operation, path, "\"" + value + "\"")));
    forEachMissing(
        ours.enumValues,
        theirs.enumValues,
        value ->
            findings.add(
                new Finding(FindingKind.ENUM_VALUE_REMOVED, operation, path, "\"" + value + "\"")));
  }

  /** Returns what {@code view} allows: {@code any value}, or {@code only} its enum values. */
  private static String allowed(SchemaView view) {
    return view.enumValues == null ? "any value" : "only " + view.enumValues;
  }

  private static String types(SchemaView view) {
    return view.types.isEmpty() ? "any" : String.join(" or ", view.types);
  }

  private static String orNone(String text) {
    return text == null || text.isEmpty() ? "none" : text;
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
