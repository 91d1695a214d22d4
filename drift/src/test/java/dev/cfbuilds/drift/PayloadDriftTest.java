package dev.cfbuilds.drift;

import static dev.cfbuilds.drift.OfficialDocuments.BY_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfbuilds.drift.OfficialDocuments.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadDriftTest {
  static final String SAMPLE = "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PayloadDrift DRIFT = PayloadDrift.forOurSpec();
  private static final String SECRET = "s3cr3t-do-not-print";

  @Test
  void thePagesSampleFindsNothing() {
    assertThat(DRIFT.check(sample())).isEmpty();
  }

  @Test
  void unknownPropertyInEveryBuildIsReportedOnceWithMapKeysAsStars() {
    String body =
        edited(
            tree -> {
              ObjectNode builds = (ObjectNode) tree.at("/result/builds");
              JsonNode build = builds.get("foo");
              for (String id : List.of("a", "b", "c")) {
                ObjectNode copy = build.deepCopy();
                copy.putObject("artifacts").put("url", SECRET);
                builds.set(id, copy);
              }
            });

    assertThat(DRIFT.check(body))
        .containsExactly(
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.result.builds.*.artifacts",
                "not in our spec; the body has an object"));
  }

  @Test
  void unknownPropertyAtTheTopAndInAnArrayItem() {
    String body =
        edited(
            tree -> {
              tree.put("x_top", 1);
              ((ObjectNode) tree.at("/errors/0")).put("documentation_url", SECRET);
            });

    assertThat(DRIFT.check(body))
        .containsExactlyInAnyOrder(
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.x_top",
                "not in our spec; the body has an integer"),
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.errors[*].documentation_url",
                "not in our spec; the body has a string"));
  }

  @ParameterizedTest(name = "{1} set to a string: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                 | success       | TYPE_MISMATCH      | $.success                       | our spec says boolean; the body has a string
          /result/builds/foo | running_on    | FORMAT_MISMATCH    | $.result.builds.*.running_on    | our spec says string (date-time) or null; the body has a string of another form
          """)
  void stringThatBreaksOurSpecIsDescribedWithoutItsValue(
      String object, String property, FindingKind kind, String path, String detail) {
    String body = edited(tree -> ((ObjectNode) tree.at(object)).put(property, SECRET));

    assertThat(DRIFT.check(body)).containsExactly(new Finding(kind, BY_VERSION, path, detail));
  }

  @Test
  void valueOutsideAnEnumIsQuotedSoThatTheEnumCanBeWidened() {
    String body =
        edited(
            tree ->
                ((ObjectNode) build(tree).at("/build_trigger_metadata"))
                    .put("provider_type", "gitlab"));

    assertThat(DRIFT.check(body))
        .containsExactly(
            new Finding(
                FindingKind.UNKNOWN_ENUM_VALUE,
                BY_VERSION,
                "$.result.builds.*.build_trigger_metadata.provider_type",
                "our spec allows [github]; the body has \"gitlab\""));
  }

  @ParameterizedTest(name = "null at {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          status     | $.result.builds.*.status     | our spec says string and no null; the body has null
          created_on | $.result.builds.*.created_on | our spec says string (date-time) and no null; the body has null
          """)
  void nullWhereOurSpecHasNoneIsOneFinding(String property, String path, String detail) {
    String body = edited(tree -> build(tree).putNull(property));

    assertThat(DRIFT.check(body))
        .containsExactly(new Finding(FindingKind.TYPE_MISMATCH, BY_VERSION, path, detail));
  }

  @Test
  void valueOfAnotherTypeAtAnEnumIsOnlyATypeMismatch() {
    String body = edited(tree -> build(tree).put("status", 3));

    assertThat(DRIFT.check(body))
        .containsExactly(
            new Finding(
                FindingKind.TYPE_MISMATCH,
                BY_VERSION,
                "$.result.builds.*.status",
                "our spec says string; the body has an integer"));
  }

  @Test
  void specInCloudflaresAllOfShapeReportsEachFindingAtItsPlace() {
    PayloadDrift allOfShaped =
        PayloadDrift.of(
            new String(
                OfficialDocuments.json(PublishedShapeDriftTest.fixture(Style.V30)),
                StandardCharsets.UTF_8));
    String body =
        edited(
            tree -> {
              tree.put("x_top", 1);
              ((ObjectNode) tree.get("result")).put("x_result", 1);
              build(tree).put("preview_url", SECRET).put("status", "waiting").putNull("build_uuid");
            });

    assertThat(allOfShaped.check(sample())).isEmpty();
    assertThat(allOfShaped.check(body))
        .containsExactlyInAnyOrder(
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.x_top",
                "not in our spec; the body has an integer"),
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.result.x_result",
                "not in our spec; the body has an integer"),
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                BY_VERSION,
                "$.result.builds.*.preview_url",
                "not in our spec; the body has a string"),
            new Finding(
                FindingKind.UNKNOWN_ENUM_VALUE,
                BY_VERSION,
                "$.result.builds.*.status",
                "our spec allows [initializing, queued, running, stopped]; the body has \"waiting\""),
            new Finding(
                FindingKind.TYPE_MISMATCH,
                BY_VERSION,
                "$.result.builds.*.build_uuid",
                "our spec says string (uuid) and no null; the body has null"));
  }

  @Test
  void environmentVariableOfAnotherTypeIsReportedWithoutItsNameOrValue() {
    String body =
        edited(
            tree ->
                ((ObjectNode) build(tree).at("/build_trigger_metadata/environment_variables"))
                    .put("API_TOKEN", 12345)
                    .put("OTHER_TOKEN", 678));

    List<Finding> findings = DRIFT.check(body);

    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.kind()).isEqualTo(FindingKind.TYPE_MISMATCH);
              assertThat(finding.path())
                  .isEqualTo("$.result.builds.*.build_trigger_metadata.environment_variables.*");
              assertThat(finding.detail())
                  .endsWith("the body has an integer")
                  .doesNotContain("12345");
            });
  }

  @Test
  void missingRequiredPropertiesAreEachReported() {
    String body = edited(tree -> tree.remove(List.of("messages", "success")));

    assertThat(DRIFT.check(body))
        .containsExactly(
            new Finding(
                FindingKind.MISSING_REQUIRED, BY_VERSION, "$.messages", "required by our spec"),
            new Finding(
                FindingKind.MISSING_REQUIRED, BY_VERSION, "$.success", "required by our spec"));
  }

  @Test
  void noFindingEverQuotesTheBody() {
    String body =
        edited(
            tree -> {
              tree.put("success", SECRET);
              build(tree).put("build_uuid", SECRET).put("running_on", SECRET).put("x_new", SECRET);
            });

    assertThat(DRIFT.check(body))
        .hasSize(4)
        .allSatisfy(finding -> assertThat(finding.toString()).doesNotContain(SECRET));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          getBuildsByVersionIds               | get-builds-by-version-ids
          getLatestBuildsByScripts            | get-latest-builds-by-scripts
          getBuildByUuid                      | get-build-by-uuid
          getBuildLogs                        | get-build-logs
          listBuildsByScript                  | list-builds-by-script
          worker-deployments-list-deployments | worker-deployments-list-deployments
          worker-script-list-workers          | worker-script-list-workers
          """)
  void eachOperationsOwnExampleFindsNothing(String operationId, String example) {
    assertThat(PayloadDrift.forOurSpec(operationId).check(example(example))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          getLatestBuildsByScripts            | get-latest-builds-by-scripts        | /result/builds/e0cdf9a9729b6249ff3729acd839d320 | $.result.builds.*.x_new
          getBuildByUuid                      | get-build-by-uuid                   | /result                                         | $.result.x_new
          getBuildLogs                        | get-build-logs                      | /result                                         | $.result.x_new
          listBuildsByScript                  | list-builds-by-script               | /result/1/trigger                               | $.result[*].trigger.x_new
          worker-deployments-list-deployments | worker-deployments-list-deployments | /result/deployments/0/versions/1                | $.result.deployments[*].versions[*].x_new
          worker-script-list-workers          | worker-script-list-workers          | /result/0/routes/0                              | $.result[*].routes[*].x_new
          """)
  void unknownPropertyInEachOperationsBodyIsFoundAtItsPlaceAndNamesTheOperation(
      String operationId, String example, String object, String path) throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(example(example));
    ((ObjectNode) tree.at(object)).put("x_new", SECRET);

    assertThat(PayloadDrift.forOurSpec(operationId).check(JSON.writeValueAsString(tree)))
        .containsExactly(
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                operationId,
                path,
                "not in our spec; the body has a string"));
  }

  @Test
  void aBodyIsCheckedAgainstTheOperationItIsFor() {
    // A builds-by-version body is not a log page: its result has no lines, and builds is unknown.
    assertThat(PayloadDrift.forOurSpec("getBuildLogs").check(sample()))
        .contains(
            new Finding(
                FindingKind.UNKNOWN_PROPERTY,
                "getBuildLogs",
                "$.result.builds",
                "not in our spec; the body has an object"));
  }

  @Test
  void operationOurSpecLacksIsRejectedWithTheOperationsItHas() {
    assertThatThrownBy(() -> PayloadDrift.forOurSpec("getBuilds"))
        .isInstanceOf(DriftInputException.class)
        .hasMessage(
            "our spec has no operation getBuilds; it has getBuildsByVersionIds,"
                + " getLatestBuildsByScripts, getBuildByUuid, getBuildLogs, cancelBuildByUuid,"
                + " listBuildsByScript, listTriggersByScript, createManualBuild,"
                + " worker-deployments-list-deployments, worker-script-list-workers");
  }

  @Test
  void bodyThatIsNotJsonIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> DRIFT.check("{\"token\": " + SECRET + "}"))
        .isInstanceOf(DriftInputException.class)
        .hasMessage("not JSON (line 1, column 11)");
  }

  /** Returns our spec's example 200 body {@code name}. */
  private static String example(String name) {
    return resource("/dev/cfbuilds/spec/examples/" + name + ".200.json");
  }

  static String sample() {
    return resource(SAMPLE);
  }

  private static String resource(String name) {
    try (InputStream in = PayloadDriftTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String edited(Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(sample());
      change.accept(tree);
      return JSON.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode build(ObjectNode tree) {
    return (ObjectNode) tree.at("/result/builds/foo");
  }
}
