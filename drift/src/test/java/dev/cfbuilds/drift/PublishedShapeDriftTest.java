package dev.cfbuilds.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfbuilds.drift.OfficialDocuments.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares our spec with a document in Cloudflare's own shape: the 200 response is {@code allOf}
 * the shared {@code builds_APIResponse}, which declares {@code result: {type: object, nullable:
 * true}}, and a part that gives {@code result} its real schema. Both parts name {@code result}, so
 * a reader that keeps one of them loses everything below it.
 */
class PublishedShapeDriftTest {
  private static final String FIXTURE = "published-builds-by-version.openapi.json";
  private static final String BUILD = "$.result.builds.*";

  private static final String PUBLISHED_NULL = "the published document allows null, ours does not";
  private static final String INT32 = "ours int32, published none";

  /**
   * Everything the unchanged fixture differs in from our spec, in both forms. Each is a real
   * difference between the two documents, none an artefact of reading the {@code allOf}: the
   * published {@code version_ids} is one comma-separated string, ours an array of UUIDs; the
   * published {@code result} may not be null, because the second part's {@code result} does not
   * allow it; our environment variables also accept the object shape; the published timestamps and
   * pull request may be null.
   */
  private static final List<Finding> UNCHANGED =
      List.of(
          finding(
              FindingKind.RESPONSE_REMOVED,
              "responses.4XX",
              "ours has a 4XX response; the published document does not"),
          finding(
              FindingKind.PARAMETER_CHANGED,
              "query.version_ids",
              "explode: ours false, published true"),
          finding(
              FindingKind.PARAMETER_CHANGED,
              "query.version_ids",
              "minItems: ours 1, published null"),
          finding(
              FindingKind.PARAMETER_CHANGED,
              "query.version_ids",
              "maxItems: ours 20, published null"),
          finding(
              FindingKind.PARAMETER_CHANGED,
              "query.version_ids",
              "type changed: ours array, published string"),
          finding(FindingKind.FORMAT_CHANGED, "$.errors[*].code", INT32),
          finding(
              FindingKind.NULLABILITY_CHANGED,
              "$.result",
              "ours allows null, the published document does not"),
          finding(
              FindingKind.TYPE_CHANGED,
              BUILD + ".build_trigger_metadata.environment_variables.*",
              "ours object or string, published string"),
          finding(
              FindingKind.PROPERTY_REMOVED,
              BUILD + ".build_trigger_metadata.environment_variables.*.is_secret",
              "ours: boolean"),
          finding(
              FindingKind.PROPERTY_REMOVED,
              BUILD + ".build_trigger_metadata.environment_variables.*.created_on",
              "ours: string (date-time)"),
          finding(
              FindingKind.PROPERTY_REMOVED,
              BUILD + ".build_trigger_metadata.environment_variables.*.value",
              "ours: string or null"),
          finding(FindingKind.NULLABILITY_CHANGED, BUILD + ".initializing_on", PUBLISHED_NULL),
          finding(FindingKind.NULLABILITY_CHANGED, BUILD + ".pull_request", PUBLISHED_NULL),
          finding(FindingKind.NULLABILITY_CHANGED, BUILD + ".running_on", PUBLISHED_NULL),
          finding(FindingKind.NULLABILITY_CHANGED, BUILD + ".stopped_on", PUBLISHED_NULL),
          finding(FindingKind.NULLABILITY_CHANGED, BUILD + ".trigger.deleted_on", PUBLISHED_NULL),
          finding(
              FindingKind.NULLABILITY_CHANGED,
              BUILD + ".trigger.repo_connection.deleted_on",
              PUBLISHED_NULL),
          finding(FindingKind.FORMAT_CHANGED, "$.result_info.count", INT32),
          finding(FindingKind.FORMAT_CHANGED, "$.result_info.page", INT32),
          finding(FindingKind.FORMAT_CHANGED, "$.result_info.per_page", INT32),
          finding(FindingKind.FORMAT_CHANGED, "$.result_info.total_count", INT32),
          finding(FindingKind.FORMAT_CHANGED, "$.result_info.total_pages", INT32));

  /** One edit of the fixture, and the findings it must add. */
  record Variant(String name, Consumer<ObjectNode> change, List<Finding> expected) {
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
  void eachChangeBelowResultIsFoundAtItsPath(Style style, Variant variant) {
    ObjectNode document = fixture(style);
    variant.change().accept(document);

    List<Finding> expected = new ArrayList<>(UNCHANGED);
    expected.addAll(variant.expected());
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
            "preview_url added to the build",
            doc ->
                properties(doc, "BuildResponse")
                    .putObject("preview_url")
                    .put("type", "string")
                    .put("format", "uri"),
            List.of(
                new Finding(
                    FindingKind.PROPERTY_ADDED,
                    BUILD + ".preview_url",
                    "published: string (uri)"))),
        new Variant(
            "deploy_hook added to the build",
            doc -> {
              ObjectNode hook = properties(doc, "BuildResponse").putObject("deploy_hook");
              nullable(style, hook, "object");
              hook.putObject("properties").putObject("deploy_hook_name").put("type", "string");
            },
            List.of(
                new Finding(
                    FindingKind.PROPERTY_ADDED,
                    BUILD + ".deploy_hook",
                    "published: object or null"))),
        new Variant(
            "gitlab added to provider_type",
            doc -> ((ArrayNode) schema(doc, "SCMProviderType").get("enum")).add("gitlab"),
            List.of(
                new Finding(
                    FindingKind.ENUM_VALUE_ADDED,
                    BUILD + ".build_trigger_metadata.provider_type",
                    "\"gitlab\""),
                new Finding(
                    FindingKind.ENUM_VALUE_ADDED,
                    BUILD + ".trigger.repo_connection.provider_type",
                    "\"gitlab\""))),
        new Variant(
            "build_caching_enabled turned into a string",
            doc -> schema(doc, "build_caching_enabled").put("type", "string").remove("default"),
            List.of(
                new Finding(
                    FindingKind.TYPE_CHANGED,
                    BUILD + ".trigger.build_caching_enabled",
                    "ours boolean, published string"))),
        new Variant(
            "a build's status narrowed",
            doc ->
                ((ArrayNode) schema(doc, "BuildStatus").get("enum"))
                    .removeIf(value -> value.asText().equals("queued")),
            List.of(new Finding(FindingKind.ENUM_VALUE_REMOVED, BUILD + ".status", "\"queued\""))));
  }

  private static Finding finding(FindingKind kind, String path, String detail) {
    return new Finding(kind, path, detail);
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

  private static ObjectNode schema(ObjectNode document, String name) {
    return OfficialDocuments.schema(document, name);
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
