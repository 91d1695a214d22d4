package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.CliRun.run;
import static dev.cfbuilds.cli.StubApi.build;
import static dev.cfbuilds.cli.StubApi.logPage;
import static dev.cfbuilds.cli.StubApi.script;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs {@code cfbuilds logs} end to end against a stub API on loopback. */
class LogsCommandTest {
  static final String UUID = "b335c0af-9297-4d89-939f-1f502d372234";
  static final String LOGS = "/builds/builds/" + UUID + "/logs";
  static final String BUILD = "/builds/builds/" + UUID;
  static final String TAG = StatusCommandTest.CHECKOUT_TAG;
  static final String VERSION = StatusCommandTest.V90;

  /** 2026-12-04T09:12:03Z in seconds, as the API sends times. */
  static final long T0 = 1796375523L;

  private final StubApi api = new StubApi();

  LogsCommandTest() throws IOException {}

  @AfterEach
  void close() {
    api.close();
  }

  /** Serves a stopped build's log in two pages. */
  private void serveTwoPages() {
    api.on(
        LOGS,
        request ->
            request.getUrl().queryParameter("cursor") == null
                ? StubApi.ok(
                    logPage("c1", true, T0, "Cloning, then \"building\"", T0 + 1, "npm ci"))
                : StubApi.ok(logPage("c2", false, T0 + 2, "Success: build finished")));
  }

  @Test
  void printsEachLineOnceInOrderAcrossPagesAsTimeAndMessage() {
    serveTwoPages();

    CliRun result = run(api.env(), "", true, "logs", UUID);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines())
        .containsExactly(
            "2026-12-04T09:12:03.000Z Cloning, then \"building\"",
            "2026-12-04T09:12:04.000Z npm ci",
            "2026-12-04T09:12:05.000Z Success: build finished");
    assertThat(api.targets()).containsExactly(LOGS, LOGS + "?cursor=c1");
  }

  @Test
  void printsNdjsonOffATerminalAndCsvWhenAsked() {
    serveTwoPages();

    CliRun json = run(api.env(), "", false, "logs", UUID);
    CliRun csv = run(api.env(), "", false, "logs", UUID, "--format", "csv");

    assertThat(json.outLines())
        .containsExactly(
            "{\"time\":\"2026-12-04T09:12:03.000Z\",\"timestamp\":1796375523,"
                + "\"message\":\"Cloning, then \\\"building\\\"\"}",
            "{\"time\":\"2026-12-04T09:12:04.000Z\",\"timestamp\":1796375524,"
                + "\"message\":\"npm ci\"}",
            "{\"time\":\"2026-12-04T09:12:05.000Z\",\"timestamp\":1796375525,"
                + "\"message\":\"Success: build finished\"}");
    assertThat(csv.outLines())
        .containsExactly(
            "time,message",
            "2026-12-04T09:12:03.000Z,\"Cloning, then \"\"building\"\"\"",
            "2026-12-04T09:12:04.000Z,npm ci",
            "2026-12-04T09:12:05.000Z,Success: build finished");
  }

  @Test
  void findsTheBuildOfAVersion() {
    serveTwoPages();
    api.ok(
        "/builds/builds",
        Map.of(
            "builds",
            Map.of(VERSION, build(UUID, "stopped", "success", "2026-12-04T09:12:01Z", TAG))));

    CliRun result = run(api.env(), "", true, "logs", "--version", VERSION);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(3);
    assertThat(api.targets().get(0)).isEqualTo("/builds/builds?version_ids=" + VERSION);
  }

  @Test
  void aVersionWithoutABuildExitsThree() {
    api.ok("/builds/builds", Map.of("builds", Map.of()));

    CliRun result = run(api.env(), "", true, "logs", "--version", VERSION);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err())
        .isEqualTo(
            "cfbuilds: no build for version "
                + VERSION
                + " (it was not built by Workers Builds)\n");
    assertThat(api.targets()).hasSize(1);
  }

  @Test
  void findsTheLatestBuildOfAWorkerByName() {
    serveTwoPages();
    api.ok("/workers/scripts", List.of(script("checkout-api", TAG)));
    api.ok(
        "/builds/builds/latest",
        Map.of(
            "builds", Map.of(TAG, build(UUID, "stopped", "success", "2026-12-04T09:12:01Z", TAG))));

    CliRun result = run(api.env(), "", true, "logs", "--worker", "checkout-api");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(3);
    assertThat(api.targets().subList(0, 2))
        .containsExactly("/workers/scripts", "/builds/builds/latest?external_script_ids=" + TAG);
  }

  @Test
  void anUnknownWorkerExitsThreeWithoutAnyBuildsRequest() {
    api.ok("/workers/scripts", List.of(script("checkout-api", TAG)));

    CliRun result = run(api.env(), "", true, "logs", "--worker", "checkout");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err()).startsWith("cfbuilds: no Worker named \"checkout\" in the account");
    assertThat(api.targets()).containsExactly("/workers/scripts");
  }

  @Test
  void aWorkerThatWasNeverBuiltExitsThree() {
    api.ok("/builds/builds/latest", Map.of("builds", Map.of()));

    CliRun result = run(api.env(), "", true, "logs", "--worker", TAG);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err()).isEqualTo("cfbuilds: Worker \"" + TAG + "\" has no builds\n");
  }

  @Test
  void anUnknownBuildExitsThree() {
    CliRun result = run(api.env(), "", true, "logs", UUID);
    CliRun following = run(api.env(), "", true, "logs", UUID, "--follow");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err()).isEqualTo("cfbuilds: no build " + UUID + " in the account\n");
    assertThat(following.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(following.err()).endsWith("cfbuilds: no build " + UUID + " in the account\n");
  }

  @Test
  void anApiErrorExitsOne() {
    api.on(LOGS, request -> StubApi.error(403, 10000, "Authentication error"));

    CliRun result = run(api.env(), "", true, "logs", UUID);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.err()).startsWith("cfbuilds: ").contains("Authentication error");
  }

  /**
   * Serves a running build whose log gains a line on each read after the first, and which stops
   * with {@code outcome} on the third status read.
   */
  private void serveARunningBuild(String outcome) {
    AtomicInteger reads = new AtomicInteger();
    api.on(
        LOGS,
        request -> {
          int n = reads.incrementAndGet();
          String cursor = request.getUrl().queryParameter("cursor");
          int from = cursor == null ? 0 : Integer.parseInt(cursor);
          int available = Math.min(n + 1, 5);
          List<Object> pairs = new ArrayList<>();
          for (int i = from; i < available; i++) {
            pairs.add(T0 + i);
            pairs.add("line " + i);
          }
          return StubApi.ok(logPage(Integer.toString(available), false, pairs.toArray()));
        });
    AtomicInteger statusReads = new AtomicInteger();
    api.on(
        BUILD,
        request ->
            StubApi.ok(
                statusReads.incrementAndGet() < 3
                    ? build(UUID, "running", null, "2026-12-04T09:12:01Z", TAG)
                    : build(UUID, "stopped", outcome, "2026-12-04T09:12:01Z", TAG)));
  }

  @Test
  void followSeesLinesArriveWhileTheBuildRunsAndExitsFourWhenItFails() {
    serveARunningBuild("fail");

    CliRun result = run(api.env(), "", false, "logs", UUID, "--follow", "--format", "table");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BUILD_FAILED);
    assertThat(result.outLines())
        .containsExactly(
            "2026-12-04T09:12:03.000Z line 0",
            "2026-12-04T09:12:04.000Z line 1",
            "2026-12-04T09:12:05.000Z line 2",
            "2026-12-04T09:12:06.000Z line 3",
            "2026-12-04T09:12:07.000Z line 4");
    assertThat(result.err()).isEqualTo("cfbuilds: build " + UUID + " ended with outcome fail\n");
    // Lines came over several polls of the running build, not in one read after it stopped.
    assertThat(api.targets().stream().filter(t -> t.startsWith(LOGS)).count())
        .isGreaterThanOrEqualTo(3);
    assertThat(api.targets().indexOf(BUILD))
        .isLessThan(api.targets().lastIndexOf(LOGS + "?cursor=2"));
  }

  @Test
  void followExitsZeroWhenTheBuildSucceedsAndShowsItsStatusOnATerminal() {
    serveARunningBuild("success");

    CliRun result = run(api.env(), "", true, "logs", UUID, "--follow");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(5);
    String err = result.err();
    assertThat(err).contains("\rbuild b335c0af: running\u001b[K");
    assertThat(err).contains("\rbuild b335c0af: stopped\u001b[K");
    // The status line is erased at the end: nothing is left on it.
    assertThat(err).endsWith("\r\u001b[K");
  }

  @Test
  void badArgumentsAreUsageErrorsBeforeAnyRequest() {
    run(api.env(), "", false, "logs")
        .assertUsageError("logs needs a build: give BUILD_UUID, --version or --worker");
    run(api.env(), "", false, "logs", UUID, "--worker", "checkout-api")
        .assertUsageError(
            "BUILD_UUID and --worker were given together: give only one of BUILD_UUID, --version and"
                + " --worker");
    run(api.env(), "", false, "logs", "--version", VERSION, "--worker", "x", UUID)
        .assertUsageError(
            "BUILD_UUID and --version and --worker were given together: give only one of BUILD_UUID,"
                + " --version and --worker");
    run(api.env(), "", false, "logs", "b335c0af")
        .assertUsageError("BUILD_UUID is not a UUID (8-4-4-4-12 hex digits): \"b335c0af\"");
    run(api.env(), "", false, "logs", "--version", "v1")
        .assertUsageError("--version is not a version ID (a UUID, 8-4-4-4-12 hex digits): \"v1\"");
    run(api.env(), "", false, "logs", "--worker", TAG.substring(1))
        .assertUsageError(
            "--worker \""
                + TAG.substring(1)
                + "\" looks like a Worker tag but is not one: a tag is exactly 32 hex digits");
    assertThat(api.targets()).isEmpty();
  }

  @Test
  void worksOnTheDemo() {
    CliRun result =
        run(Map.of(), "", true, "logs", "--demo", "f8d36d4b-e4cd-423c-951b-267c9cf61f4c");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .last()
        .asString()
        .matches("\\S+Z Failed: build command exited with code: 2");
    CliRun byVersion =
        run(Map.of(), "", true, "logs", "--demo", "--version", DemoWorkers.CHECKOUT_V90);
    assertThat(byVersion.exitCode()).isZero();
    assertThat(byVersion.outLines())
        .hasSize(5)
        .last()
        .asString()
        .endsWith(" Success: build finished");
  }
}
