package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.ApiFixture.ACCOUNT;
import static dev.cfbuilds.cli.ApiFixture.TOKEN;
import static dev.cfbuilds.cli.ApiFixture.resource;
import static dev.cfbuilds.cli.ApiFixture.sample;
import static dev.cfbuilds.cli.ApiFixture.serverEnv;
import static dev.cfbuilds.cli.DemoDispatcher.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code cfbuilds drift} in-process, with files, standard input and a loopback API. */
class DriftCommandTest {
  private static final String ENV_SECRET = "env-value-never-printed";
  private static final String SPEC = "/dev/cfbuilds/spec/cloudflare-builds.openapi.yaml";
  private static final String BY_VERSION = "getBuildsByVersionIds";
  private static final String BY_VERSION_SCOPE =
      " (getBuildsByVersionIds: GET /accounts/{account_id}/builds/builds)\n";

  /**
   * What {@link #specWithGitlab()} finds: the new provider type, at both places of a build, in each
   * of the five operations that return builds, and in the repository connection of each trigger.
   */
  private static final String GITLAB_FINDINGS =
      gitlab("$.result.builds.*", BY_VERSION)
          + gitlab("$.result.builds.*", "getLatestBuildsByScripts")
          + gitlab("$.result", "getBuildByUuid")
          + gitlab("$.result[*]", "listBuildsByScript")
          + "ENUM_VALUE_ADDED\t$.result[*].repo_connection.provider_type\t\"gitlab\"\t"
          + "listTriggersByScript\n"
          + gitlab("$.result", "createManualBuild");

  private static String gitlab(String build, String operation) {
    return "ENUM_VALUE_ADDED\t"
        + build
        + ".build_trigger_metadata.provider_type\t\"gitlab\"\t"
        + operation
        + "\n"
        + "ENUM_VALUE_ADDED\t"
        + build
        + ".trigger.repo_connection.provider_type\t\"gitlab\"\t"
        + operation
        + "\n";
  }

  @StartStop private final MockWebServer server = new MockWebServer();

  @TempDir Path temp;

  /** Runs the command off a terminal, and fails if it printed {@link #ENV_SECRET}. */
  private static CliRun run(Map<String, String> env, String stdin, String... args) {
    CliRun result = CliRun.run(env, stdin, false, args);
    assertThat(result.out() + result.err()).doesNotContain(ENV_SECRET);
    return result;
  }

  private static CliRun run(String... args) {
    return run(Map.of(), "", args);
  }

  @Test
  void helpEndsWithTheExitCodes() {
    CliRun result = run("drift", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Environment (--live):")
        .endsWith(
            "\nExit codes:\n"
                + "  0   no finding\n"
                + "  1   API or network error\n"
                + "  2   usage error, bad version ID or operationId, or unreadable file\n"
                + "  6   drift found\n");
  }

  /** Asserts that the run found drift (exit code 6) and printed {@code findings}, no more. */
  private static void assertFindings(CliRun result, String findings) {
    assertThat(result.exitCode()).isEqualTo(ExitCodes.DRIFT_FOUND);
    assertThat(result.out()).isEqualTo(findings);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Our spec with one more provider type, which two places of the body use. */
  private static String specWithGitlab() {
    String spec = resource(SPEC);
    String edited = spec.replace("        - github\n", "        - github\n        - gitlab\n");
    assertThat(edited).isNotEqualTo(spec);
    return edited;
  }

  // --official

  @Test
  void ourSpecComparedWithItselfFindsNothing() throws IOException {
    CliRun result = run("drift", "--official", write("spec.yaml", resource(SPEC)).toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "drift: no finding comparing our spec and the published document "
                + temp.resolve("spec.yaml")
                + " (10 operations)\n");
  }

  @Test
  void officialFindingsAreTabSeparatedLinesAndExit6() {
    CliRun result = run(Map.of(), specWithGitlab(), "drift", "--official", "-");

    assertFindings(result, GITLAB_FINDINGS);
    assertThat(result.err())
        .isEqualTo(
            "drift: 11 findings comparing our spec and the published document (standard input)"
                + " (10 operations)\n");
  }

  @Test
  void markdownIsATableForAJobSummary() {
    CliRun result =
        run(Map.of(), specWithGitlab(), "drift", "--official", "-", "--format", "markdown");

    assertFindings(
        result,
        "### cfbuilds drift: our spec and the published document (standard input)\n"
            + "\n"
            + "11 findings.\n"
            + "\n"
            + "| Kind | Path | Detail | Operation |\n"
            + "| --- | --- | --- | --- |\n"
            + "| ENUM_VALUE_ADDED | `$.result.builds.*.build_trigger_metadata.provider_type` | \"gitlab\" | getBuildsByVersionIds |\n"
            + "| ENUM_VALUE_ADDED | `$.result.builds.*.trigger.repo_connection.provider_type` | \"gitlab\" | getBuildsByVersionIds |\n"
            + "| ENUM_VALUE_ADDED | `$.result.builds.*.build_trigger_metadata.provider_type` | \"gitlab\" | getLatestBuildsByScripts |\n"
            + "| ENUM_VALUE_ADDED | `$.result.builds.*.trigger.repo_connection.provider_type` | \"gitlab\" | getLatestBuildsByScripts |\n"
            + "| ENUM_VALUE_ADDED | `$.result.build_trigger_metadata.provider_type` | \"gitlab\" | getBuildByUuid |\n"
            + "| ENUM_VALUE_ADDED | `$.result.trigger.repo_connection.provider_type` | \"gitlab\" | getBuildByUuid |\n"
            + "| ENUM_VALUE_ADDED | `$.result[*].build_trigger_metadata.provider_type` | \"gitlab\" | listBuildsByScript |\n"
            + "| ENUM_VALUE_ADDED | `$.result[*].trigger.repo_connection.provider_type` | \"gitlab\" | listBuildsByScript |\n"
            + "| ENUM_VALUE_ADDED | `$.result[*].repo_connection.provider_type` | \"gitlab\" | listTriggersByScript |\n"
            + "| ENUM_VALUE_ADDED | `$.result.build_trigger_metadata.provider_type` | \"gitlab\" | createManualBuild |\n"
            + "| ENUM_VALUE_ADDED | `$.result.trigger.repo_connection.provider_type` | \"gitlab\" | createManualBuild |\n");
  }

  @Test
  void markdownSaysSoWhenNothingIsFound() {
    CliRun result =
        run(Map.of(), resource(SPEC), "drift", "--official", "-", "--format", "markdown");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "### cfbuilds drift: our spec and the published document (standard input)\n\nNo drift found.\n");
  }

  @Test
  void jsonListsTheFindingsForTools() {
    CliRun result = run(Map.of(), specWithGitlab(), "drift", "--official", "-", "--format", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DRIFT_FOUND);
    assertThat(result.out().replaceAll("\\s+", ""))
        .startsWith(
            "{\"checked\":\"ourspecandthepublisheddocument(standardinput)\",\"findings\":["
                + "{\"kind\":\"ENUM_VALUE_ADDED\",\"path\":\"$.result.builds.*.build_trigger_metadata.provider_type\",\"detail\":\"\\\"gitlab\\\"\",\"operation\":\"getBuildsByVersionIds\"},"
                + "{\"kind\":\"ENUM_VALUE_ADDED\",\"path\":\"$.result.builds.*.trigger.repo_connection.provider_type\",\"detail\":\"\\\"gitlab\\\"\",\"operation\":\"getBuildsByVersionIds\"},");
    assertThat(result.out().replaceAll("\\s+", ""))
        .endsWith(
            "{\"kind\":\"ENUM_VALUE_ADDED\",\"path\":\"$.result.trigger.repo_connection.provider_type\",\"detail\":\"\\\"gitlab\\\"\",\"operation\":\"createManualBuild\"}]}");
  }

  @Test
  void missingFileIsAUsageError() {
    CliRun result = run("drift", "--official", temp.resolve("nope.json").toString());

    result.assertUsageError("no such file: " + temp.resolve("nope.json"));
  }

  @Test
  void documentWithoutTheOperationIsAUsageError() throws IOException {
    Path file = write("other.json", "{\"openapi\":\"3.0.3\",\"paths\":{\"/zones\":{}}}");

    CliRun result = run("drift", "--official", file.toString());

    result.assertUsageError(
        file
            + ": the document has none of our spec's paths: /accounts/{account_id}/builds/builds,"
            + " /accounts/{account_id}/builds/builds/latest,"
            + " /accounts/{account_id}/builds/builds/{build_uuid},"
            + " /accounts/{account_id}/builds/builds/{build_uuid}/logs,"
            + " /accounts/{account_id}/builds/builds/{build_uuid}/cancel,"
            + " /accounts/{account_id}/builds/workers/{external_script_id}/builds,"
            + " /accounts/{account_id}/builds/workers/{external_script_id}/triggers,"
            + " /accounts/{account_id}/builds/triggers/{trigger_uuid}/builds,"
            + " /accounts/{account_id}/workers/scripts/{script_name}/deployments,"
            + " /accounts/{account_id}/workers/scripts");
  }

  @Test
  void operationTheDocumentLacksIsAFindingOfItsOwn() {
    String withoutLogs =
        resource(SPEC)
            .replace("  /accounts/{account_id}/builds/builds/{build_uuid}/logs:\n", "  /x/logs:\n");

    CliRun result = run(Map.of(), withoutLogs, "drift", "--official", "-");

    assertFindings(
        result,
        "OPERATION_REMOVED\tGET /accounts/{account_id}/builds/builds/{build_uuid}/logs\t"
            + "ours has this operation; the published document has none at this method and path\t"
            + "getBuildLogs\n");
  }

  @Test
  void exactlyOneSourceIsRequired() {
    CliRun result = run("drift", "--payload", "a.json", "--official", "b.json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "Error: --official=FILE, --payload=FILE are mutually exclusive (specify only one)\n");
  }

  // --payload

  @Test
  void thePagesSampleFindsNothing() throws IOException {
    CliRun result = run("drift", "--payload", write("sample.json", sample()).toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void theSameDriftInSeveralBodiesIsReportedOnce() throws IOException {
    String drifted = sample().replace("\"status\": \"running\"", "\"status\": \"waiting\"");
    Path first = write("first.json", drifted);
    Path second = write("second.json", drifted);

    CliRun result =
        run(Map.of(), drifted, "drift", "--payload", first.toString(), second.toString(), "-");

    assertFindings(
        result,
        "UNKNOWN_ENUM_VALUE\t$.result.builds.*.status\t"
            + "our spec allows [initializing, queued, running, stopped]; the body has \"waiting\"\t"
            + BY_VERSION
            + "\n");
    assertThat(result.err())
        .isEqualTo("drift: 1 finding comparing our spec and 3 saved bodies" + BY_VERSION_SCOPE);
  }

  @Test
  void payloadOfAnotherOperationIsCheckedAsThatOperationsResponse() throws IOException {
    String logs =
        resource("/dev/cfbuilds/spec/examples/get-build-logs.200.json")
            .replace("\"truncated\": true", "\"truncated\": \"yes\"");
    Path file = write("logs.json", logs);

    CliRun result = run("drift", "--payload", file.toString(), "--operation", "getBuildLogs");

    assertFindings(
        result,
        "TYPE_MISMATCH\t$.result.truncated\tour spec says boolean; the body has a string\t"
            + "getBuildLogs\n");
    assertThat(result.err())
        .isEqualTo(
            "drift: 1 finding comparing our spec and 1 saved body"
                + " (getBuildLogs: GET /accounts/{account_id}/builds/builds/{build_uuid}/logs)\n");
  }

  @Test
  void operationOurSpecLacksIsAUsageErrorListingTheValidOnes() throws IOException {
    Path file = write("sample.json", sample());

    CliRun result = run("drift", "--payload", file.toString(), "--operation", "getBuilds");

    result.assertUsageError(
        "--operation: our spec has no operation getBuilds; it has getBuildsByVersionIds,"
            + " getLatestBuildsByScripts, getBuildByUuid, getBuildLogs, cancelBuildByUuid,"
            + " listBuildsByScript, listTriggersByScript, createManualBuild,"
            + " worker-deployments-list-deployments, worker-script-list-workers");
  }

  @Test
  void helpListsEveryOperationOfOurSpecAndTheOperationKinds() {
    CliRun result = run("drift", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains(
            "--operation=OPERATION_ID With --payload: the operation whose 200 responses the bodies"
                + " are, one of getBuildsByVersionIds, getLatestBuildsByScripts, getBuildByUuid,"
                + " getBuildLogs, cancelBuildByUuid, listBuildsByScript, listTriggersByScript,"
                + " createManualBuild, worker-deployments-list-deployments,"
                + " worker-script-list-workers. Default: getBuildsByVersionIds.")
        .contains("OPERATION_REMOVED, OPERATION_ID_CHANGED")
        .contains("KIND<TAB>PATH<TAB>DETAIL<TAB>OPERATION");
  }

  @Test
  void operationIsOnlyForPayload() {
    CliRun result = run("drift", "--official", "-", "--operation", "getBuildLogs");

    result.assertUsageError("--operation goes with --payload");
  }

  @Test
  void bodyThatIsNotJsonIsAUsageErrorThatDoesNotQuoteIt() throws IOException {
    Path file = write("broken.json", "{\"value\": " + ENV_SECRET + "}");

    CliRun result = run("drift", "--payload", file.toString());

    result.assertUsageError(file + ": not JSON (line 1, column 11)");
  }

  // --live

  /**
   * Answers each request with the sample's build, edited by {@code editBuild}, for every version ID
   * it asked for.
   */
  private void serveBuildsWith(UnaryOperator<String> editBuild) {
    String sample = sample();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String ids = request.getUrl().queryParameter("version_ids");
            StringBuilder builds = new StringBuilder();
            String build =
                sample.substring(
                    sample.indexOf("\"foo\": {") + "\"foo\": ".length(),
                    sample.indexOf("\n      }\n    }\n  },") + "\n      }".length());
            for (String id : ids.split(",")) {
              if (builds.length() > 0) {
                builds.append(',');
              }
              builds.append('"').append(id).append("\":").append(editBuild.apply(build));
            }
            return json(
                200,
                "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"builds\":{"
                    + builds
                    + "}}}");
          }
        });
  }

  private static List<String> versionIds(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new UUID(0x5f1ff3d62f1c4bb8L, i).toString())
        .toList();
  }

  @Test
  void liveChecksEveryChunkAndReportsEachDriftOnce() throws InterruptedException {
    serveBuildsWith(
        build -> build.replaceFirst("\\{", "{\"artifacts\":{\"url\":\"" + ENV_SECRET + "\"},"));
    List<String> ids = versionIds(21);

    CliRun result =
        run(
            serverEnv(server),
            "",
            Stream.concat(Stream.of("drift", "--live"), ids.stream()).toArray(String[]::new));

    assertFindings(
        result,
        "UNKNOWN_PROPERTY\t$.result.builds.*.artifacts\t"
            + "not in our spec; the body has an object\t"
            + BY_VERSION
            + "\n");
    assertThat(result.err())
        .isEqualTo(
            "drift: 1 finding comparing our spec and 2 live responses for 21 versions"
                + BY_VERSION_SCOPE);
    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getUrl().encodedPath())
        .isEqualTo("/client/v4/accounts/" + ACCOUNT + "/builds/builds");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(
            Stream.of(first, second)
                .flatMap(
                    request -> Stream.of(request.getUrl().queryParameter("version_ids").split(",")))
                .sorted()
                .toList())
        .isEqualTo(ids.stream().sorted().toList());
  }

  @Test
  void liveWithoutDriftExits0() {
    serveBuildsWith(build -> build);

    CliRun result = run(serverEnv(server), "", "drift", "--live", versionIds(1).get(0));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void wrongTypeTheClientReadsLenientlyIsStillReported() {
    serveBuildsWith(
        build ->
            build.replace("\"build_caching_enabled\": false", "\"build_caching_enabled\": \"no\""));

    CliRun result = run(serverEnv(server), "", "drift", "--live", versionIds(1).get(0));

    assertFindings(
        result,
        "TYPE_MISMATCH\t$.result.builds.*.trigger.build_caching_enabled\t"
            + "our spec says boolean; the body has a string\t"
            + BY_VERSION
            + "\n");
    assertThat(result.err()).startsWith("drift: 1 finding ");
  }

  @Test
  void liveApiErrorExits1() {
    server.enqueue(
        json(
            403,
            "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
                + "\"messages\":[],\"result\":null,\"success\":false}"));

    CliRun result = run(serverEnv(server), "", "drift", "--live", versionIds(1).get(0));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("cfbuilds: ").contains("Authentication error");
  }

  @Test
  void liveWithoutAnAccountIsAUsageErrorBeforeAnyRequest() {
    CliRun result =
        run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), "", "drift", "--live", versionIds(1).get(0));

    result.assertUsageError("no account ID: pass --account-id or set CLOUDFLARE_ACCOUNT_ID");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void recordIsOnlyForLive() {
    CliRun result = run("drift", "--payload", "a.json", "--record", temp.toString());

    result.assertUsageError("--record goes with --live");
  }

  @Test
  void recordSavesEachResponseWithEveryEnvironmentVariableValueRedacted() throws IOException {
    serveBuildsWith(
        build ->
            build.replace(
                "\"foo\": \"string\"",
                "\"PLAIN\":\""
                    + ENV_SECRET
                    + "\",\"DESCRIBED\":{\"is_secret\":true,\"created_on\":\"2025-01-01T00:00:00Z\","
                    + "\"value\":\""
                    + ENV_SECRET
                    + "\"}"));
    Path dir = temp.resolve("recorded");

    CliRun result =
        run(
            serverEnv(server),
            "",
            "drift",
            "--live",
            versionIds(1).get(0),
            "--record",
            dir.toString());

    Path file = dir.resolve("live-response-1.json");
    assertThat(result.err()).contains("recorded " + file + "\n");
    String recorded = Files.readString(file);
    assertThat(recorded)
        .doesNotContain(ENV_SECRET)
        .contains("\"PLAIN\" : \"<redacted>\"")
        .contains("\"is_secret\" : true")
        .contains("\"value\" : \"<redacted>\"");
  }
}
