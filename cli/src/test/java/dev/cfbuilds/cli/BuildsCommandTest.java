package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.ApiFixture.A;
import static dev.cfbuilds.cli.ApiFixture.ACCOUNT;
import static dev.cfbuilds.cli.ApiFixture.TOKEN;
import static dev.cfbuilds.cli.ApiFixture.sampleWithBuildFor;
import static dev.cfbuilds.cli.ApiFixture.serverEnv;
import static dev.cfbuilds.cli.CliRun.run;
import static dev.cfbuilds.cli.DemoDispatcher.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the command in-process, end to end, against the demo stub and a plain MockWebServer. */
class BuildsCommandTest {
  private static final String B = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
  private static final String NO_BUILD = "00000000-6e1a-4fe4-a799-aa6d9a6ab26e";

  @StartStop private final MockWebServer server = new MockWebServer();

  @TempDir Path temp;

  private static Map<String, Build> parseBuilds(String json) throws IOException {
    return ApiWiring.moshi()
        .<Map<String, Build>>adapter(
            Types.newParameterizedType(Map.class, String.class, Build.class))
        .fromJson(json);
  }

  private static MockResponse error(int code, int cloudflareCode, String message) {
    return json(
        code,
        "{\"errors\":[{\"code\":"
            + cloudflareCode
            + ",\"message\":\""
            + message
            + "\"}],"
            + "\"messages\":[],\"result\":null,\"success\":false}");
  }

  // The demo, every format.

  @Test
  void demoOnATerminalShowsATableOfMadeUpBuildsProgressAndTheMissingVersions() {
    CliRun result = run(Map.of(), "", true, "builds", "--demo");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(1 + 42);
    assertThat(lines.get(0))
        .matches("VERSION ID +OUTCOME +STATUS +BRANCH +COMMIT +TRIGGER +CREATED +DURATION");
    List<String> ids = DemoBuilds.madeUpVersionIds(BuildsCommand.DEMO_VERSION_COUNT);
    assertThat(lines.get(1)).startsWith(ids.get(0) + "  ");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(
            line ->
                line.matches(
                    "[0-9a-f-]{36}  .* [0-9a-f]{7} .* \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ .*"));
    assertThat(result.err())
        .matches(
            "(?s)demo: asking a stub of the Cloudflare API at http://127\\.0\\.0\\.1:\\d+/client/v4/"
                + " \\(dummy token\\) about 45 made-up version IDs\n.*");
    assertThat(result.err()).contains("\rchunk 3/3 done\n");
    assertThat(result.err())
        .endsWith(
            ""
                + "no build for version "
                + ids.get(7)
                + "\n"
                + "no build for version "
                + ids.get(22)
                + "\n"
                + "no build for version "
                + ids.get(37)
                + "\n"
                + "no build for 3 of 45 versions\n");
  }

  @Test
  void demoOffATerminalWritesTheBuildsObjectAsJsonWithoutProgress() throws IOException {
    CliRun result = run("builds", "--demo");

    assertThat(result.exitCode()).isZero();
    Map<String, Build> builds = parseBuilds(result.out());
    List<String> expectedIds =
        DemoBuilds.madeUpVersionIds(BuildsCommand.DEMO_VERSION_COUNT).stream()
            .filter(DemoBuilds::hasBuild)
            .toList();
    assertThat(new ArrayList<>(builds.keySet())).isEqualTo(expectedIds);
    Build first = builds.get(expectedIds.get(0));
    Build expected = DemoBuilds.forVersion(expectedIds.get(0));
    assertThat(first.getBuildUuid()).isEqualTo(expected.getBuildUuid());
    assertThat(first.getBuildTriggerMetadata()).isEqualTo(expected.getBuildTriggerMetadata());
    assertThat(first.getBuildOutcome()).isEqualTo(expected.getBuildOutcome());
    assertThat(builds.values())
        .allSatisfy(
            build ->
                assertThat(build.getCreatedOn().toInstant())
                    .isBetween(Instant.now().minus(Duration.ofDays(31)), Instant.now()));
    assertThat(result.err()).doesNotContain("chunk").contains("no build for 3 of 45 versions");
  }

  @Test
  void demoWritesCsvWithAHeaderAndOneRowPerBuild() {
    CliRun result = run("builds", "--demo", "--format", "csv", A, NO_BUILD);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(2);
    assertThat(result.outLines().get(0))
        .isEqualTo(
            "version_id,build_outcome,status,branch,commit_hash,build_trigger_source,created_on,duration_seconds");
    Build build = DemoBuilds.forVersion(A);
    assertThat(result.outLines().get(1))
        .startsWith(A + ",")
        .contains("," + BuildCells.commit(build) + ",");
    assertThat(result.err())
        .endsWith("no build for version " + NO_BUILD + "\nno build for 1 of 2 versions\n");
  }

  @Test
  void demoExitsWith3WhenAVersionHasNoBuildAndFailOnMissingIsGiven() {
    CliRun result = run("builds", "--demo", "--fail-on-missing", "--format", "json", A, NO_BUILD);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains(" about 2 version IDs\n");
    assertThat(result.out()).contains("\"" + A + "\"");
    assertThat(result.err()).contains("no build for version " + NO_BUILD);
  }

  @Test
  void demoExitsWith0WithFailOnMissingWhenEveryVersionHasABuild() {
    CliRun result = run("builds", "--demo", "--fail-on-missing", A);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).matches("demo: asking .* about 1 version ID\n");
  }

  @Test
  void readsIdsFromArgumentsFilesAndStandardInputLowerCasedAndDeduplicated() throws IOException {
    Path file = temp.resolve("ids.txt");
    Files.writeString(file, B + "\n\n" + A + ", " + NO_BUILD + "\n");

    CliRun result =
        run(
            Map.of(),
            NO_BUILD.toUpperCase(Locale.ROOT) + "\n",
            false,
            "builds",
            "--demo",
            "--format",
            "json",
            A.toUpperCase(Locale.ROOT) + "," + A,
            "-",
            "--from-file",
            file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains(" about 3 version IDs\n")
        .contains("no build for 1 of 3 versions");
    assertThat(result.out()).startsWith("{\n  \"" + A + "\": {");
  }

  @Test
  void demoIgnoresRealCredentialsInTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", "https://api.example.invalid/");

    CliRun result = run(env, "", false, "builds", "--demo", A);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("at http://127.0.0.1:");
  }

  // Against a plain MockWebServer: what goes on the wire, and each kind of failure.

  @Test
  void sendsTheTokenAndAccountFromTheEnvironmentAndPrintsTheSampleAsJson() throws Exception {
    server.enqueue(json(200, sampleWithBuildFor(A)));

    CliRun result = run(serverEnv(server), "", false, "builds", A, B);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget())
        .isEqualTo("/client/v4/accounts/" + ACCOUNT + "/builds/builds?version_ids=" + A + "," + B);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(result.exitCode()).isZero();
    assertThat(parseBuilds(result.out())).containsOnlyKeys(A);
    assertThat(result.out()).contains("\"commit_hash\": \"abc123def456\"");
    assertThat(result.err())
        .isEqualTo("no build for version " + B + "\nno build for 1 of 2 versions\n");
  }

  @Test
  void accountIdOptionWinsOverTheEnvironment() throws Exception {
    server.enqueue(json(200, sampleWithBuildFor(A)));

    run(serverEnv(server), "", false, "builds", "--account-id", "other-account", A);

    assertThat(server.takeRequest().getTarget())
        .startsWith("/client/v4/accounts/other-account/builds/builds?");
  }

  @Test
  void readsTheTokenFromAnApiTokenFile() throws Exception {
    Path tokenFile = temp.resolve("token");
    Files.writeString(tokenFile, "file-token\n");
    Map<String, String> env = new HashMap<>(serverEnv(server));
    env.remove("CLOUDFLARE_API_TOKEN");
    env.put("CLOUDFLARE_EMAIL", "user@example.com");
    env.put("CLOUDFLARE_API_KEY", TOKEN);
    server.enqueue(json(200, sampleWithBuildFor(A)));

    CliRun result = run(env, "", false, "builds", "--api-token-file", tokenFile.toString(), A);

    assertThat(result.exitCode()).isZero();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer file-token");
    assertThat(request.getHeaders().get("X-Auth-Key")).isNull();
  }

  @Test
  void tableOfTheSampleShowsItsValues() throws Exception {
    server.enqueue(json(200, sampleWithBuildFor(A)));

    CliRun result = run(serverEnv(server), "", false, "builds", "--format", "TABLE", A);

    assertThat(result.out())
        .isEqualTo(
            ""
                + "VERSION ID                            OUTCOME  STATUS   BRANCH  COMMIT   TRIGGER  CREATED               DURATION\n"
                + A
                + "  success  running  main    abc123d  push     2019-12-27T18:11:19Z  0s\n");
  }

  static Stream<Arguments> apiErrors() {
    return Stream.of(
        Arguments.of(
            "unauthorized, with a hint about the token",
            List.of(),
            error(401, 10000, "Authentication error"),
            1,
            "401 Unauthorized: [10000] Authentication error\n"
                + "The Workers Builds API needs a user API token with the Workers CI Read"
                + " permission; it refuses account-owned API tokens.\n"),
        Arguments.of(
            "permission denied",
            List.of(),
            error(403, 9109, "Unauthorized to access requested resource"),
            1,
            "403 Forbidden: [9109] Unauthorized to access requested resource\n"),
        Arguments.of(
            "rate limited, after the retries",
            List.of(),
            error(429, 971, "Please wait and consider throttling your request speed"),
            3,
            "429 Too Many Requests: [971] Please wait and consider throttling your request speed\n"),
        Arguments.of(
            "server error, without retries when --max-retries is 0",
            List.of("--max-retries", "0"),
            error(500, 10001, "Internal error"),
            1,
            "500 Internal Server Error: [10001] Internal error\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiErrors")
  void apiErrorExitsWith1AndPrintsCloudflaresError(
      String what, List<String> options, MockResponse response, int requests, String printed) {
    // One answer for each request the command is expected to send; Retry-After: 0 so that a retry
    // comes at once.
    for (int i = 0; i < requests; i++) {
      server.enqueue(new MockResponse.Builder(response).addHeader("Retry-After", "0").build());
    }
    List<String> args = new ArrayList<>(List.of("builds"));
    args.addAll(options);
    args.add(A);

    CliRun result = run(serverEnv(server), "", false, args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(requests);
    assertThat(result.err())
        .isEqualTo(
            "cfbuilds: GET /client/v4/accounts/" + ACCOUNT + "/builds/builds returned " + printed);
  }

  @Test
  void networkFailureExitsWith1() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    CliRun result = run(serverEnv(server), "", false, "builds", "--max-retries", "0", A);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith(
            "cfbuilds: GET /client/v4/accounts/"
                + ACCOUNT
                + "/builds/builds failed:"
                + " IOException: unexpected end of stream");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionRefusedExitsWith1() throws IOException {
    Map<String, String> env = new HashMap<>(serverEnv(server));
    server.close();

    CliRun result = run(env, "", false, "builds", "--max-retries", "0", A);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("cfbuilds: GET ").contains("failed: ConnectException: ");
  }

  // Usage errors: exit 2, nothing sent.

  static Stream<Arguments> usageErrorsBeforeAnyRequest() {
    return Stream.of(
        Arguments.of(
            List.of("builds", A, "not-a-version"),
            "cfbuilds: bad version ID \"not-a-version\" in argument 2: expected a UUID"
                + " such as 8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e\n"),
        Arguments.of(List.of("builds"), "cfbuilds: no version IDs:"),
        Arguments.of(
            List.of("builds", "--max-retries", "-1", A),
            "cfbuilds: --max-retries must be 0 or more, not -1\n"),
        Arguments.of(
            List.of("builds", "--account-id", "a/b", A),
            "cfbuilds: accountId may hold only letters, digits"));
  }

  @ParameterizedTest
  @MethodSource("usageErrorsBeforeAnyRequest")
  void badArgumentsExitWith2AndSendNothing(List<String> args, String errorStart) {
    CliRun result = run(serverEnv(server), "", false, args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith(errorStart);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void badIdInAFileIsNamedWithItsLine() throws IOException {
    Path file = temp.resolve("ids.txt");
    Files.writeString(file, A + "\n" + B + ",oops\n");

    CliRun result = run(serverEnv(server), "", false, "builds", "--from-file", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("cfbuilds: bad version ID \"oops\" in " + file + " line 2:");
  }

  @Test
  void missingFileExitsWith2() {
    CliRun result =
        run(
            serverEnv(server),
            "",
            false,
            "builds",
            "--from-file",
            temp.resolve("nope.txt").toString());

    result.assertUsageError("no such file: " + temp.resolve("nope.txt"));
  }

  @Test
  void noCredentialsExitsWith2NamingTheEnvironmentVariables() {
    CliRun result = run(Map.of("CLOUDFLARE_ACCOUNT_ID", ACCOUNT), "", false, "builds", A);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("cfbuilds: ")
        .contains("CLOUDFLARE_API_TOKEN")
        .contains("CLOUDFLARE_EMAIL")
        .contains("CLOUDFLARE_API_KEY");
  }

  @Test
  void noAccountExitsWith2() {
    CliRun result = run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), "", false, "builds", A);

    result.assertUsageError("no account ID: pass --account-id or set CLOUDFLARE_ACCOUNT_ID");
  }

  @Test
  void unknownFormatExitsWith2() {
    CliRun result = run("builds", "--demo", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--format").contains("xml");
  }

  @Test
  void noCommandExitsWith2WithUsage() {
    CliRun result = run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Usage: cfbuilds").contains("builds");
  }

  // Help and version, as picocli gives them.

  @Test
  void helpListsTheOptionsAndExitCodes() {
    CliRun result = run("builds", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Usage: cfbuilds builds")
        .contains("--from-file=FILE")
        .contains("--account-id=ID")
        .contains("--format=FORMAT")
        .contains("--fail-on-missing")
        .contains("--demo")
        .contains("CLOUDFLARE_API_TOKEN")
        .endsWith(
            "\nExit codes:\n"
                + "  0   ok\n"
                + "  1   API or network error\n"
                + "  2   usage error or bad version ID\n"
                + "  3   a version had no build and --fail-on-missing was given\n"
                + "  4   with --wait: some build ended other than success\n"
                + "  5   with --wait: the wait timed out\n");
  }

  @Test
  void versionIsTheProjectVersion() {
    CliRun result = run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("cfbuilds \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }
}
