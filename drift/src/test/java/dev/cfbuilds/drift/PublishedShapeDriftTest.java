package dev.cfbuilds.drift;

import static dev.cfbuilds.drift.OfficialDocuments.BY_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfbuilds.drift.OfficialDocuments.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares our spec with a document in Cloudflare's own shape, holding the ten operations of our
 * spec as Cloudflare publishes them (the request body of {@code createManualBuild} without its
 * {@code seed_repo}, whose schema the public reference does not give): each Builds 200 response is
 * {@code allOf} the shared {@code builds_APIResponse}, which declares {@code result: {type: object,
 * nullable: true}}, and a part that gives {@code result} its real schema; each Workers one {@code
 * allOf} {@code workers_api-response-common} and a part with {@code result}. Both parts name {@code
 * result}, so a reader that keeps one of them loses everything below it.
 */
class PublishedShapeDriftTest {
  private static final String FIXTURE = "published-read-api.openapi.json";
  private static final String LATEST = "getLatestBuildsByScripts";
  private static final String BY_UUID = "getBuildByUuid";
  private static final String LOGS = "getBuildLogs";
  private static final String CANCEL = "cancelBuildByUuid";
  private static final String TRIGGERS = "listTriggersByScript";
  private static final String MANUAL_BUILD = "createManualBuild";
  private static final String BY_SCRIPT = "listBuildsByScript";
  private static final String DEPLOYMENTS = "worker-deployments-list-deployments";
  private static final String WORKERS = "worker-script-list-workers";

  /** Where one build is in the 200 body of each operation that returns builds. */
  private static final Map<String, String> BUILD_AT = new LinkedHashMap<>();

  static {
    BUILD_AT.put(BY_VERSION, "$.result.builds.*");
    BUILD_AT.put(LATEST, "$.result.builds.*");
    BUILD_AT.put(BY_UUID, "$.result");
    BUILD_AT.put(BY_SCRIPT, "$.result[*]");
  }

  private static final String OURS_NULL = "ours allows null, the published document does not";
  private static final String INT32 = "ours int32, published none";

  /**
   * Everything the unchanged fixture differs in from our spec, in both forms, in our spec's
   * operation order. Each is a real difference between the two documents, none an artefact of
   * reading the {@code allOf}s: see {@link #build}, {@link #commaSeparated} and the comments below.
   */
  private static final List<Finding> UNCHANGED = unchanged();

  private static List<Finding> unchanged() {
    List<Finding> findings = new ArrayList<>();
    findings.add(noResponse(BY_VERSION, "4XX"));
    findings.addAll(commaSeparated(BY_VERSION, "query.version_ids"));
    findings.add(errorCode(BY_VERSION));
    // The second part's result does not allow null, so the published result may not be null.
    findings.add(finding(FindingKind.NULLABILITY_CHANGED, BY_VERSION, "$.result", OURS_NULL));
    findings.addAll(build(BY_VERSION));
    findings.addAll(resultInfo(BY_VERSION));

    findings.add(noResponse(LATEST, "401"));
    findings.addAll(commaSeparated(LATEST, "query.external_script_ids"));
    findings.add(errorCode(LATEST));
    findings.addAll(build(LATEST));
    findings.addAll(resultInfo(LATEST));

    findings.add(noResponse(BY_UUID, "401"));
    findings.add(errorCode(BY_UUID));
    findings.addAll(build(BY_UUID));
    findings.addAll(resultInfo(BY_UUID));

    findings.add(noResponse(LOGS, "401"));
    findings.add(errorCode(LOGS));
    // Our cursor may be null, as a later copy of the schemas has it.
    findings.add(finding(FindingKind.NULLABILITY_CHANGED, LOGS, "$.result.cursor", OURS_NULL));
    findings.addAll(resultInfo(LOGS));

    // The write side: ours names the 401 and 403 a later copy of the schemas added, and the 403
    // that a token without Workers CI Write gets.
    findings.add(noResponse(CANCEL, "401"));
    findings.add(noResponse(CANCEL, "403"));
    findings.add(errorCode(CANCEL));
    findings.add(
        finding(FindingKind.NULLABILITY_CHANGED, CANCEL, "$.result.build_outcome", OURS_NULL));
    findings.addAll(resultInfo(CANCEL));

    findings.add(noResponse(BY_SCRIPT, "401"));
    findings.add(noResponse(BY_SCRIPT, "404"));
    findings.add(
        finding(
            FindingKind.PARAMETER_CHANGED, BY_SCRIPT, "query.page", "format changed: " + INT32));
    findings.add(
        finding(
            FindingKind.PARAMETER_CHANGED,
            BY_SCRIPT,
            "query.per_page",
            "format changed: " + INT32));
    findings.add(errorCode(BY_SCRIPT));
    findings.addAll(build(BY_SCRIPT));
    findings.addAll(resultInfo(BY_SCRIPT));

    findings.add(noResponse(TRIGGERS, "401"));
    findings.add(noResponse(TRIGGERS, "404"));
    findings.add(errorCode(TRIGGERS));
    findings.addAll(resultInfo(TRIGGERS));

    findings.add(noResponse(MANUAL_BUILD, "401"));
    findings.add(noResponse(MANUAL_BUILD, "403"));
    findings.add(noResponse(MANUAL_BUILD, "404"));
    findings.add(errorCode(MANUAL_BUILD));
    // The published result is only build_uuid and created_on; ours is a whole build, as newer
    // revisions of the API answer, every property of it optional.
    for (String property :
        List.of(
            "build_outcome:string or null",
            "build_trigger_metadata:object",
            "deploy_hook:object or null",
            "initializing_on:string (date-time) or null",
            "modified_on:string (date-time)",
            "preview_url:string (uri)",
            "pull_request:object or null",
            "running_on:string (date-time) or null",
            "status:string",
            "stopped_on:string (date-time) or null",
            "trigger:object")) {
      String[] nameAndType = property.split(":", 2);
      findings.add(
          finding(
              FindingKind.PROPERTY_REMOVED,
              MANUAL_BUILD,
              "$.result." + nameAndType[0],
              "ours: " + nameAndType[1]));
    }
    findings.addAll(resultInfo(MANUAL_BUILD));

    // The Workers API's messages have an int32 code in ours, a bare integer in the published
    // document, and the published success is enum [true], ours any boolean.
    findings.add(errorCode(DEPLOYMENTS));
    findings.add(finding(FindingKind.FORMAT_CHANGED, DEPLOYMENTS, "$.messages[*].code", INT32));
    findings.add(
        finding(
            FindingKind.FORMAT_CHANGED,
            DEPLOYMENTS,
            "$.result.deployments[*].versions[*].percentage",
            "ours double, published none"));
    findings.add(onlyTrue(DEPLOYMENTS));
    findings.add(errorCode(WORKERS));
    findings.add(finding(FindingKind.FORMAT_CHANGED, WORKERS, "$.messages[*].code", INT32));
    findings.add(onlyTrue(WORKERS));
    return List.copyOf(findings);
  }

  /**
   * Returns what one build differs in, at its place in {@code operation}'s body: our build_outcome
   * may be null, our environment variables also accept the object shape, and our build has the
   * properties a later document added (deploy_hook, preview_url, pull_request.closed_on).
   */
  private static List<Finding> build(String operation) {
    String at = BUILD_AT.get(operation);
    String variables = at + ".build_trigger_metadata.environment_variables.*";
    return List.of(
        finding(FindingKind.NULLABILITY_CHANGED, operation, at + ".build_outcome", OURS_NULL),
        finding(
            FindingKind.TYPE_CHANGED,
            operation,
            variables,
            "ours object or string, published string"),
        finding(FindingKind.PROPERTY_REMOVED, operation, variables + ".is_secret", "ours: boolean"),
        finding(
            FindingKind.PROPERTY_REMOVED,
            operation,
            variables + ".created_on",
            "ours: string (date-time)"),
        finding(
            FindingKind.PROPERTY_REMOVED, operation, variables + ".value", "ours: string or null"),
        finding(
            FindingKind.PROPERTY_REMOVED, operation, at + ".deploy_hook", "ours: object or null"),
        finding(FindingKind.PROPERTY_REMOVED, operation, at + ".preview_url", "ours: string (uri)"),
        finding(
            FindingKind.PROPERTY_REMOVED,
            operation,
            at + ".pull_request.closed_on",
            "ours: string (date-time) or null"));
  }

  /**
   * Returns how a comma-separated query parameter differs: the published one is one string, ours an
   * array of at most 20, sent comma-separated.
   */
  private static List<Finding> commaSeparated(String operation, String parameter) {
    return Stream.of(
            "explode: ours false, published true",
            "minItems: ours 1, published null",
            "maxItems: ours 20, published null",
            "type changed: ours array, published string")
        .map(detail -> finding(FindingKind.PARAMETER_CHANGED, operation, parameter, detail))
        .toList();
  }

  private static Finding noResponse(String operation, String code) {
    return finding(
        FindingKind.RESPONSE_REMOVED,
        operation,
        "responses." + code,
        "ours has a " + code + " response; the published document does not");
  }

  private static Finding errorCode(String operation) {
    return finding(FindingKind.FORMAT_CHANGED, operation, "$.errors[*].code", INT32);
  }

  private static Finding onlyTrue(String operation) {
    return finding(
        FindingKind.ENUM_VALUE_REMOVED,
        operation,
        "$.success",
        "the published document allows only [true]; ours any value");
  }

  private static List<Finding> resultInfo(String operation) {
    return Stream.of("count", "page", "per_page", "total_count", "total_pages")
        .map(name -> finding(FindingKind.FORMAT_CHANGED, operation, "$.result_info." + name, INT32))
        .toList();
  }

  /**
   * One edit of the fixture, the findings it must add, and those it must take away from {@link
   * #UNCHANGED}.
   */
  record Variant(
      String name, Consumer<ObjectNode> change, List<Finding> added, Predicate<Finding> gone) {
    Variant(String name, Consumer<ObjectNode> change, List<Finding> added) {
      this(name, change, added, finding -> false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Style.class)
  void theUnchangedDocumentReportsOnlyWhatReallyDiffers(Style style) {
    assertThat(compare(fixture(style))).containsExactlyElementsOf(UNCHANGED);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variantsInBothStyles")
  void eachChangeBelowResultIsFoundAtItsPathInEachOperation(Style style, Variant variant) {
    ObjectNode document = fixture(style);
    variant.change().accept(document);

    List<Finding> expected = new ArrayList<>(UNCHANGED);
    expected.removeIf(variant.gone());
    expected.addAll(variant.added());
    assertThat(compare(document)).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Stream<Arguments> variantsInBothStyles() {
    List<Arguments> arguments = new ArrayList<>();
    for (Style style : Style.values()) {
      for (Variant variant : variants(style)) {
        arguments.add(Arguments.of(style, variant));
      }
    }
    return arguments.stream();
  }

  private static List<Variant> variants(Style style) {
    return List.of(
        new Variant(
            "build_minutes added to the build",
            doc ->
                properties(doc, "builds_BuildResponse")
                    .putObject("build_minutes")
                    .put("type", "integer"),
            inEachBuild(FindingKind.PROPERTY_ADDED, ".build_minutes", "published: integer")),
        new Variant(
            "deploy_hook, preview_url and closed_on added, as a later document has them",
            doc -> {
              ObjectNode build = properties(doc, "builds_BuildResponse");
              ObjectNode hook = build.putObject("deploy_hook");
              nullable(style, hook, "object");
              hook.putObject("properties")
                  .putObject("deploy_hook_name")
                  .put("type", "string")
                  .put("minLength", 1)
                  .put("maxLength", 58);
              build.putObject("preview_url").put("type", "string").put("format", "uri");
              ObjectNode closedOn =
                  ((ObjectNode) build.get("pull_request").get("properties")).putObject("closed_on");
              nullable(style, closedOn, "string");
              closedOn.put("format", "date-time");
            },
            List.of(),
            finding ->
                finding.kind() == FindingKind.PROPERTY_REMOVED
                    && Stream.of(".deploy_hook", ".preview_url", ".pull_request.closed_on")
                        .anyMatch(name -> finding.path().equals(buildAt(finding) + name))),
        new Variant(
            "gitlab added to provider_type",
            doc -> ((ArrayNode) schema(doc, "builds_SCMProviderType").get("enum")).add("gitlab"),
            concat(
                inEachBuild(
                    FindingKind.ENUM_VALUE_ADDED,
                    ".build_trigger_metadata.provider_type",
                    "\"gitlab\""),
                concat(
                    inEachBuild(
                        FindingKind.ENUM_VALUE_ADDED,
                        ".trigger.repo_connection.provider_type",
                        "\"gitlab\""),
                    List.of(
                        finding(
                            FindingKind.ENUM_VALUE_ADDED,
                            TRIGGERS,
                            "$.result[*].repo_connection.provider_type",
                            "\"gitlab\""))))),
        new Variant(
            "build_caching_enabled turned into a string",
            doc ->
                schema(doc, "builds_build_caching_enabled").put("type", "string").remove("default"),
            concat(
                inEachBuild(
                    FindingKind.TYPE_CHANGED,
                    ".trigger.build_caching_enabled",
                    "ours boolean, published string"),
                List.of(
                    finding(
                        FindingKind.TYPE_CHANGED,
                        TRIGGERS,
                        "$.result[*].build_caching_enabled",
                        "ours boolean, published string")))),
        new Variant(
            "a build's status narrowed",
            doc ->
                ((ArrayNode) schema(doc, "builds_BuildStatus").get("enum"))
                    .removeIf(value -> value.asText().equals("queued")),
            inEachBuild(FindingKind.ENUM_VALUE_REMOVED, ".status", "\"queued\"")),
        new Variant(
            "the latest builds of unbuilt Workers listed",
            doc ->
                properties(doc, "builds_LatestBuildsResponse")
                    .putObject("unbuilt")
                    .put("type", "array")
                    .putObject("items")
                    .put("type", "string"),
            List.of(
                finding(
                    FindingKind.PROPERTY_ADDED, LATEST, "$.result.unbuilt", "published: array"))),
        new Variant(
            "a log line's items may be booleans",
            doc ->
                ((ArrayNode)
                        properties(doc, "builds_BuildLogsResponse").at("/lines/items/items/anyOf"))
                    .addObject()
                    .put("type", "boolean"),
            List.of(
                finding(
                    FindingKind.TYPE_CHANGED,
                    LOGS,
                    "$.result.lines[*][*]",
                    "ours number or string, published boolean or number or string"))),
        new Variant(
            "a log page's truncated turned into a string",
            doc ->
                properties(doc, "builds_BuildLogsResponse").with("truncated").put("type", "string"),
            List.of(
                finding(
                    FindingKind.TYPE_CHANGED,
                    LOGS,
                    "$.result.truncated",
                    "ours boolean, published string"))),
        new Variant(
            "immediate added to a deployment's strategy",
            doc ->
                ((ArrayNode) properties(doc, "workers_deployment").at("/strategy/enum"))
                    .add("immediate"),
            List.of(
                finding(
                    FindingKind.ENUM_VALUE_ADDED,
                    DEPLOYMENTS,
                    "$.result.deployments[*].strategy",
                    "\"immediate\""))),
        new Variant(
            "a deployment version's percentage turned into an integer",
            doc ->
                ((ObjectNode)
                        properties(doc, "workers_deployment").at("/versions/items/properties"))
                    .with("percentage")
                    .put("type", "integer"),
            List.of(
                finding(
                    FindingKind.TYPE_CHANGED,
                    DEPLOYMENTS,
                    "$.result.deployments[*].versions[*].percentage",
                    "ours number, published integer"))),
        new Variant(
            "compatibility_date added to a Worker",
            doc ->
                properties(doc, "workers_script-response")
                    .putObject("compatibility_date")
                    .put("type", "string"),
            List.of(
                finding(
                    FindingKind.PROPERTY_ADDED,
                    WORKERS,
                    "$.result[*].compatibility_date",
                    "published: string"))),
        new Variant(
            "a route's pattern turned into an object",
            doc -> properties(doc, "workers_route").with("pattern").put("type", "object"),
            List.of(
                finding(
                    FindingKind.TYPE_CHANGED,
                    WORKERS,
                    "$.result[*].routes[*].pattern",
                    "ours string, published object"))),
        new Variant(
            "a Workers message's code narrowed to 7003",
            doc ->
                ((ObjectNode) schema(doc, "workers_messages").at("/items/properties/code"))
                    .putArray("enum")
                    .add(7003),
            List.of(
                finding(
                    FindingKind.ENUM_VALUE_REMOVED,
                    DEPLOYMENTS,
                    "$.errors[*].code",
                    "the published document allows only [7003]; ours any value"),
                finding(
                    FindingKind.ENUM_VALUE_REMOVED,
                    DEPLOYMENTS,
                    "$.messages[*].code",
                    "the published document allows only [7003]; ours any value"),
                finding(
                    FindingKind.ENUM_VALUE_REMOVED,
                    WORKERS,
                    "$.errors[*].code",
                    "the published document allows only [7003]; ours any value"),
                finding(
                    FindingKind.ENUM_VALUE_REMOVED,
                    WORKERS,
                    "$.messages[*].code",
                    "the published document allows only [7003]; ours any value"))),
        new Variant(
            "getBuildLogs published under another operationId",
            doc ->
                ((ObjectNode)
                        doc.at(
                            "/paths/~1accounts~1{account_id}~1builds~1builds~1{build_uuid}~1logs/get"))
                    .put("operationId", "getBuildLog"),
            List.of(
                finding(
                    FindingKind.OPERATION_ID_CHANGED,
                    LOGS,
                    "operationId",
                    "ours getBuildLogs, published getBuildLog"))),
        new Variant(
            "list Workers gone from the document",
            doc -> ((ObjectNode) doc.get("paths")).remove("/accounts/{account_id}/workers/scripts"),
            List.of(
                finding(
                    FindingKind.OPERATION_REMOVED,
                    WORKERS,
                    "GET /accounts/{account_id}/workers/scripts",
                    "ours has this operation; the published document has none at this method and"
                        + " path")),
            finding -> finding.operation().equals(WORKERS)));
  }

  /** Returns one finding of {@code kind} at {@code below} each build, in each operation. */
  private static List<Finding> inEachBuild(FindingKind kind, String below, String detail) {
    List<Finding> findings = new ArrayList<>();
    BUILD_AT.forEach((operation, at) -> findings.add(finding(kind, operation, at + below, detail)));
    return findings;
  }

  /** Returns where a build is in the body of {@code finding}'s operation, or {@code ""}. */
  private static String buildAt(Finding finding) {
    return BUILD_AT.getOrDefault(finding.operation(), "");
  }

  private static List<Finding> concat(List<Finding> first, List<Finding> second) {
    List<Finding> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static Finding finding(FindingKind kind, String operation, String path, String detail) {
    return new Finding(kind, operation, path, detail);
  }

  private static List<Finding> compare(ObjectNode document) {
    return OfficialDrift.compare(OfficialDocuments.json(document));
  }

  /** Returns the fixture, in 3.0 form as written or turned into 3.1 form. */
  static ObjectNode fixture(Style style) {
    ObjectNode document;
    try (InputStream in = PublishedShapeDriftTest.class.getResourceAsStream(FIXTURE)) {
      document = (ObjectNode) OfficialDocuments.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (style == Style.V31) {
      document.put("openapi", style.version);
      OfficialDocuments.toTypeArrays(document);
    }
    return document;
  }

  /** Returns the component schema {@code name}, as the fixture names it. */
  private static ObjectNode schema(ObjectNode document, String name) {
    return (ObjectNode) document.path("components").path("schemas").path(name);
  }

  private static ObjectNode properties(ObjectNode document, String name) {
    return (ObjectNode) schema(document, name).get("properties");
  }

  private static void nullable(Style style, ObjectNode schema, String type) {
    if (style == Style.V30) {
      schema.put("type", type).put("nullable", true);
    } else {
      schema.putArray("type").add(type).add("null");
    }
  }
}
