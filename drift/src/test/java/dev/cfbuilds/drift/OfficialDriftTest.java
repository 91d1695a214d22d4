package dev.cfbuilds.drift;

import static dev.cfbuilds.drift.OfficialDocuments.BY_VERSION;
import static dev.cfbuilds.drift.OfficialDocuments.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfbuilds.drift.OfficialDocuments.Style;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OfficialDriftTest {
  private static final String NEW = "x_new";

  /** One edit of the published-style document, and the one finding it must produce. */
  record Edit(String name, Consumer<ObjectNode> change, Finding expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Style.class)
  void ourSpecInPublishedStyleFindsNothing(Style style) {
    ObjectNode document = OfficialDocuments.fromOurSpec(style);

    assertThat(OfficialDrift.compare(OfficialDocuments.json(document))).isEmpty();
    assertThat(OfficialDrift.compare(OfficialDocuments.yaml(document))).isEmpty();
  }

  @Test
  void ourSpecComparedWithItselfFindsNothing() {
    assertThat(OfficialDrift.compare(OurSpec.yaml().getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("editsInBothStyles")
  void eachEditIsFoundOnceAtItsPlace(Style style, Edit edit) {
    ObjectNode document = OfficialDocuments.fromOurSpec(style);
    edit.change().accept(document);

    List<Finding> findings = OfficialDrift.compare(OfficialDocuments.json(document));

    // An edit of a shared schema shows in every operation that uses it, the same each time.
    assertThat(findings)
        .filteredOn(finding -> finding.operation().equals(BY_VERSION))
        .containsExactly(edit.expected());
    assertThat(findings)
        .allSatisfy(
            finding -> {
              assertThat(finding.kind()).isEqualTo(edit.expected().kind());
              assertThat(finding.detail()).isEqualTo(edit.expected().detail());
            });
  }

  @Test
  void findsTheOperationAmongThousandsOfOthersInJsonAndYaml() {
    ObjectNode document = OfficialDocuments.fromOurSpec(Style.V30);
    OfficialDocuments.addFiller(document, 500);
    array(document, "BuildStatus", "enum").add("waiting");
    List<Finding> expected =
        List.of(
            waiting(BY_VERSION, "$.result.builds.*.status"),
            waiting("getLatestBuildsByScripts", "$.result.builds.*.status"),
            waiting("getBuildByUuid", "$.result.status"),
            waiting("listBuildsByScript", "$.result[*].status"),
            waiting("createManualBuild", "$.result.status"));

    assertThat(OfficialDrift.compare(OfficialDocuments.json(document)))
        .containsExactlyElementsOf(expected);
    assertThat(OfficialDrift.compare(OfficialDocuments.yaml(document)))
        .containsExactlyElementsOf(expected);
  }

  private static Finding waiting(String operation, String path) {
    return new Finding(FindingKind.ENUM_VALUE_ADDED, operation, path, "\"waiting\"");
  }

  @Test
  void enumOnOneSideOnlyIsReportedAsAnyValueAgainstTheList() {
    SchemaView any = SchemaView.of(new StringSchema());
    SchemaView onlyTwo = SchemaView.of(new StringSchema()._enum(List.of("b", "a")));
    List<Finding> findings = new ArrayList<>();

    OfficialDrift.compareSchemas(BY_VERSION, "$.x", onlyTwo, any, findings);
    OfficialDrift.compareSchemas(BY_VERSION, "$.x", any, onlyTwo, findings);

    assertThat(findings)
        .containsExactly(
            new Finding(
                FindingKind.ENUM_VALUE_ADDED,
                BY_VERSION,
                "$.x",
                "the published document allows any value; ours only [a, b]"),
            new Finding(
                FindingKind.ENUM_VALUE_REMOVED,
                BY_VERSION,
                "$.x",
                "the published document allows only [a, b]; ours any value"));
  }

  @Test
  void mapValuesOnOneSideOnlyAreAPropertyAddedOrRemoved() {
    SchemaView object = SchemaView.of(new ObjectSchema());
    SchemaView mapOfStrings =
        SchemaView.of(new ObjectSchema().additionalProperties(new StringSchema()));
    List<Finding> findings = new ArrayList<>();

    OfficialDrift.compareSchemas(BY_VERSION, "$.m", object, mapOfStrings, findings);
    OfficialDrift.compareSchemas(BY_VERSION, "$.m", mapOfStrings, object, findings);

    assertThat(findings)
        .containsExactly(
            new Finding(
                FindingKind.PROPERTY_ADDED, BY_VERSION, "$.m.*", "published: a map of string"),
            new Finding(
                FindingKind.PROPERTY_REMOVED, BY_VERSION, "$.m.*", "ours: a map of string"));
  }

  @Test
  void operationTheDocumentLacksIsFound() {
    ObjectNode document = OfficialDocuments.fromOurSpec(Style.V30);
    ((ObjectNode) document.get("paths")).remove(OfficialDocuments.OPERATION);

    assertThat(OfficialDrift.compare(OfficialDocuments.json(document)))
        .containsExactly(
            new Finding(
                FindingKind.OPERATION_REMOVED,
                BY_VERSION,
                "GET /accounts/{account_id}/builds/builds",
                "ours has this operation; the published document has none at this method and path"));
  }

  @Test
  void operationAtTheSameMethodAndPathWithAnotherIdIsFound() {
    ObjectNode document = OfficialDocuments.fromOurSpec(Style.V30);
    ((ObjectNode) document.at("/paths/" + escaped() + "/get")).put("operationId", "listBuilds");

    assertThat(OfficialDrift.compare(OfficialDocuments.json(document)))
        .containsExactly(
            new Finding(
                FindingKind.OPERATION_ID_CHANGED,
                BY_VERSION,
                "operationId",
                "ours getBuildsByVersionIds, published listBuilds"));
  }

  @Test
  void documentWithNoneOfOurPathsIsRejected() {
    assertThatThrownBy(
            () ->
                OfficialDrift.compare(
                    "{\"openapi\":\"3.0.3\",\"paths\":{\"/zones\":{}}}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DriftInputException.class)
        .hasMessageStartingWith(
            "the document has none of our spec's paths: /accounts/{account_id}/builds/builds, ");
  }

  @Test
  void textThatIsNotADocumentIsRejected() {
    assertThatThrownBy(
            () -> OfficialDrift.compare("- a\n- list\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DriftInputException.class)
        .hasMessage("not an OpenAPI document: the top level is not an object");
  }

  static Stream<Arguments> editsInBothStyles() {
    List<Arguments> arguments = new ArrayList<>();
    for (Style style : Style.values()) {
      for (Edit edit : edits(style)) {
        arguments.add(Arguments.of(style, edit));
      }
    }
    return arguments.stream();
  }

  private static List<Edit> edits(Style style) {
    List<Edit> edits = new ArrayList<>();
    addedAt(edits, "$", "APIResponse");
    addedAt(edits, "$.errors[*]", "ApiError");
    addedAt(edits, "$.result", "BuildsByVersionIdsResult");
    addedAt(edits, "$.result.builds.*", "Build");
    addedAt(edits, "$.result.builds.*.build_trigger_metadata", "BuildTriggerMetadata");
    addedAt(edits, "$.result.builds.*.pull_request", "PullRequest");
    addedAt(edits, "$.result.builds.*.trigger", "Trigger");
    addedAt(edits, "$.result.builds.*.trigger.repo_connection", "RepoConnection");
    addedAt(edits, "$.result_info", "ResultInfo");
    edits.add(
        new Edit(
            "enum widened",
            doc -> array(doc, "BuildOutcome", "enum").add("timed_out"),
            new Finding(
                FindingKind.ENUM_VALUE_ADDED,
                BY_VERSION,
                "$.result.builds.*.build_outcome",
                "\"timed_out\"")));
    edits.add(
        new Edit(
            "enum narrowed",
            doc -> remove(array(doc, "BuildStatus", "enum"), "queued"),
            new Finding(
                FindingKind.ENUM_VALUE_REMOVED,
                BY_VERSION,
                "$.result.builds.*.status",
                "\"queued\"")));
    edits.add(
        new Edit(
            "nullability flipped on",
            doc -> nullable(style, property(doc, "Build", "build_uuid")),
            new Finding(
                FindingKind.NULLABILITY_CHANGED,
                BY_VERSION,
                "$.result.builds.*.build_uuid",
                "the published document allows null, ours does not")));
    edits.add(
        new Edit(
            "nullability flipped off",
            doc -> {
              ObjectNode result = schema(doc, "BuildsByVersionIdsResult");
              result.remove("nullable");
              result.put("type", "object");
              ObjectNode part =
                  (ObjectNode) schema(doc, "BuildsByVersionResponse").get("allOf").get(1);
              part.with("properties")
                  .set("result", OfficialDocuments.ref("builds_BuildsByVersionIdsResult"));
            },
            new Finding(
                FindingKind.NULLABILITY_CHANGED,
                BY_VERSION,
                "$.result",
                "ours allows null, the published document does not")));
    edits.add(
        new Edit(
            "401 added",
            doc ->
                ((ObjectNode) doc.at("/paths/" + escaped() + "/get/responses"))
                    .set(
                        "401",
                        OfficialDocuments.JSON
                            .createObjectNode()
                            .put("description", "Unauthorized")),
            new Finding(
                FindingKind.RESPONSE_ADDED,
                BY_VERSION,
                "responses.401",
                "the published document has a 401 response; ours does not")));
    edits.add(
        new Edit(
            "version_ids limit raised",
            doc ->
                ((ObjectNode) doc.at("/components/parameters/builds_VersionIds/schema"))
                    .put("maxItems", 50),
            new Finding(
                FindingKind.PARAMETER_CHANGED,
                BY_VERSION,
                "query.version_ids",
                "maxItems: ours 20, published 50")));
    edits.add(
        new Edit(
            "parameter added",
            doc -> {
              ObjectNode page =
                  ((ArrayNode) doc.at("/paths/" + escaped() + "/get/parameters")).addObject();
              page.put("name", "page")
                  .put("in", "query")
                  .putObject("schema")
                  .put("type", "integer");
            },
            new Finding(
                FindingKind.PARAMETER_CHANGED,
                BY_VERSION,
                "query.page",
                "added by the published document (optional, integer)")));
    edits.add(
        new Edit(
            "type changed",
            doc -> property(doc, "Trigger", "build_caching_enabled").put("type", "string"),
            new Finding(
                FindingKind.TYPE_CHANGED,
                BY_VERSION,
                "$.result.builds.*.trigger.build_caching_enabled",
                "ours boolean, published string")));
    edits.add(
        new Edit(
            "format changed",
            doc -> property(doc, "PullRequest", "created_on").remove("format"),
            new Finding(
                FindingKind.FORMAT_CHANGED,
                BY_VERSION,
                "$.result.builds.*.pull_request.created_on",
                "ours date-time, published none")));
    edits.add(
        new Edit(
            "required changed",
            doc -> remove(array(doc, "APIResponse", "required"), "success"),
            new Finding(
                FindingKind.REQUIRED_CHANGED,
                BY_VERSION,
                "$.success",
                "required in ours, optional in the published document")));
    edits.add(
        new Edit(
            "property removed",
            doc ->
                ((ObjectNode) schema(doc, "PullRequest").get("properties"))
                    .remove("pull_request_url"),
            new Finding(
                FindingKind.PROPERTY_REMOVED,
                BY_VERSION,
                "$.result.builds.*.pull_request.pull_request_url",
                "ours: string (uri)")));
    return edits;
  }

  private static void addedAt(List<Edit> edits, String path, String schemaName) {
    edits.add(
        new Edit(
            "property added at " + path,
            doc ->
                ((ObjectNode) schema(doc, schemaName).get("properties"))
                    .putObject(NEW)
                    .put("type", "string"),
            new Finding(
                FindingKind.PROPERTY_ADDED, BY_VERSION, path + "." + NEW, "published: string")));
  }

  private static ArrayNode array(ObjectNode doc, String schemaName, String keyword) {
    return (ArrayNode) schema(doc, schemaName).get(keyword);
  }

  private static void remove(ArrayNode array, String text) {
    array.removeIf(value -> value.asText().equals(text));
  }

  private static ObjectNode property(ObjectNode doc, String schemaName, String property) {
    return (ObjectNode) schema(doc, schemaName).get("properties").get(property);
  }

  private static void nullable(Style style, ObjectNode schema) {
    if (style == Style.V30) {
      schema.put("nullable", true);
    } else {
      String type = schema.get("type").asText();
      schema.putArray("type").add(type).add("null");
    }
  }

  private static String escaped() {
    return OfficialDocuments.OPERATION.replace("~", "~0").replace("/", "~1");
  }
}
