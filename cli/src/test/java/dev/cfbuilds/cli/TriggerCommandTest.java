package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.ApiFixture.serverEnv;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code trigger} and {@code cancel} end to end against a loopback server that answers like
 * Cloudflare, and against the demo stub.
 */
class TriggerCommandTest {
  static final String PREFIX = "/client/v4/accounts/" + ApiFixture.ACCOUNT;
  static final String WORKER = "checkout-api";
  static final String TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String PRODUCTION = "7957d9af-5092-4db6-8e53-51ab9323a0ae";
  static final String PREVIEW = "fcc48f6d-b7c2-42e1-bf7c-15e03a1a996c";
  static final String BUILD = "9c1d3f5e-2a4b-4c6d-8e0f-1a2b3c4d5e6f";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final Map<String, Queue<MockResponse>> answers = new ConcurrentHashMap<>();
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void answerLikeCloudflare() {
    answer("/workers/scripts", ok("[{\"id\":\"" + WORKER + "\",\"tag\":\"" + TAG + "\"}]"));
    answer(
        "/builds/workers/" + TAG + "/triggers",
        ok(
            "["
                + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                + ","
                + trigger(PREVIEW, "Preview branches", "[\"*\"]", "[\"main\"]")
                + "]"));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getUrl().encodedPath().replace(PREFIX, "");
            Queue<MockResponse> queue = answers.get(path);
            MockResponse next =
                queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
            return next != null
                ? next
                : json(
                    404,
                    "{\"success\":false,\"errors\":[{\"code\":12000,\"message\":\"Not found\"}],\"messages\":[],\"result\":null}");
          }
        });
  }

  /** Answers requests for {@code path} with {@code responses} in turn, the last one ever after. */
  private void answer(String path, MockResponse... responses) {
    answers.put(path, new ConcurrentLinkedQueue<>(List.of(responses)));
  }

  private static String trigger(String uuid, String name, String includes, String excludes) {
    return "{\"trigger_uuid\":\""
        + uuid
        + "\",\"trigger_name\":\""
        + name
        + "\",\"external_script_id\":\""
        + TAG
        + "\",\"branch_includes\":"
        + includes
        + ",\"branch_excludes\":"
        + excludes
        + ",\"deleted_on\":null}";
  }

  private static String build(String status, String outcome) {
    return "{\"build_uuid\":\""
        + BUILD
        + "\",\"status\":\""
        + status
        + "\",\"build_outcome\":"
        + (outcome == null ? "null" : "\"" + outcome + "\"")
        + "}";
  }

  static MockResponse ok(String result) {
    return json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private CliRun run(String... args) {
    return CliRun.run(serverEnv(server), "", false, args);
  }

  private List<RecordedRequest> writes() {
    return requests.stream().filter(r -> !r.getMethod().equals("GET")).toList();
  }

  @Test
  void startsABuildOfTheBranchFromTheMatchingTriggerAndPrintsItsUuid() {
    answer("/builds/triggers/" + PREVIEW + "/builds", ok("{\"build_uuid\":\"" + BUILD + "\"}"));

    CliRun result = run("trigger", WORKER, "--branch", "feature/apple-pay");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo(BUILD + "\n");
    assertThat(result.err())
        .isEqualTo(
            "starting a build of checkout-api (branch feature/apple-pay) from trigger"
                + " \"Preview branches\"\n");
    assertThat(writes())
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.getMethod()).isEqualTo("POST");
              assertThat(post.getBody().utf8()).isEqualTo("{\"branch\":\"feature/apple-pay\"}");
            });
  }

  @Test
  void waitsWithLogsAndExitsWith4WhenTheBuildFails() {
    answer("/builds/triggers/" + PRODUCTION + "/builds", ok("{\"build_uuid\":\"" + BUILD + "\"}"));
    answer(
        "/builds/builds/" + BUILD + "/logs",
        ok(
            "{\"lines\":[[1796375523,\"Initializing build environment...\"],"
                + "[1796375531,\"Failed: build command exited with code: 2\"]],"
                + "\"cursor\":\"c1\",\"truncated\":false}"),
        ok("{\"lines\":[],\"cursor\":\"c1\",\"truncated\":false}"));
    answer("/builds/builds/" + BUILD, ok(build("stopped", "fail")));

    CliRun result =
        run(
            "trigger",
            WORKER,
            "--commit",
            "CD60EADA0EFFB2B5696AE5D45196D71A3A4D769D",
            "--trigger",
            "Deploy production",
            "--logs");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BUILD_FAILED);
    assertThat(result.outLines())
        .containsExactly(
            BUILD,
            "2026-12-04T09:12:03.000Z Initializing build environment...",
            "2026-12-04T09:12:11.000Z Failed: build command exited with code: 2");
    assertThat(result.err()).endsWith("cfbuilds: build " + BUILD + " ended fail, not success\n");
    assertThat(writes())
        .singleElement()
        .satisfies(
            post ->
                assertThat(post.getBody().utf8())
                    .isEqualTo("{\"commit_hash\":\"cd60eada0effb2b5696ae5d45196d71a3a4d769d\"}"));
  }

  @Test
  void waitsWithoutLogsAndExitsWith0WhenTheBuildSucceeds() {
    answer("/builds/triggers/" + PRODUCTION + "/builds", ok("{\"build_uuid\":\"" + BUILD + "\"}"));
    answer("/builds/builds/" + BUILD, ok(build("stopped", "success")));

    CliRun result = run("trigger", WORKER, "--branch", "main", "--wait", "1m");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo(BUILD + "\n");
    assertThat(result.err()).endsWith("build " + BUILD + " succeeded\n");
  }

  @Test
  void exitsWith5WhenTheBuildHasNotStoppedInTime() {
    answer("/builds/triggers/" + PRODUCTION + "/builds", ok("{\"build_uuid\":\"" + BUILD + "\"}"));
    answer("/builds/builds/" + BUILD, ok(build("running", null)));

    CliRun result = run("trigger", WORKER, "--branch", "main", "--wait", "1s");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.WAIT_TIMED_OUT);
    assertThat(result.err()).endsWith("cfbuilds: build " + BUILD + " had not stopped after PT1S\n");
  }

  @Test
  void aPostWhoseAnswerIsLostIsNotSentAgainAndSaysHowToCheck() {
    answer(
        "/builds/triggers/" + PRODUCTION + "/builds",
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    CliRun result = run("trigger", WORKER, "--branch", "main");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("The request may have started a build of checkout-api")
        .contains("Check with `cfbuilds list checkout-api`");
    assertThat(writes()).hasSize(1);
  }

  @Test
  void anAmbiguousBranchExitsWith2ListingTheTriggersAndStartsNothing() {
    answer(
        "/builds/workers/" + TAG + "/triggers",
        ok(
            "["
                + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                + ","
                + trigger(PREVIEW, "Preview branches", "[\"*\"]", "[]")
                + "]"));

    CliRun result = run("trigger", WORKER, "--branch", "main");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "cfbuilds: 2 triggers of checkout-api build branch main; name the one to build"
                + " from; its triggers:\n"
                + "  \"Deploy production\" "
                + PRODUCTION
                + " branches [main] excluding []\n"
                + "  \"Preview branches\" "
                + PREVIEW
                + " branches [*] excluding []\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aTriggerNameNoTriggerHasExitsWith2ListingTheTriggers() {
    CliRun result = run("trigger", WORKER, "--branch", "main", "--trigger", "Staging");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("cfbuilds: no trigger of checkout-api is named \"Staging\"; its triggers:\n")
        .contains("\"Preview branches\" " + PREVIEW);
    assertThat(writes()).isEmpty();
  }

  @Test
  void anUnknownWorkerExitsWith3() {
    CliRun result = run("trigger", "no-such-worker", "--branch", "main");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(writes()).isEmpty();
  }

  @Test
  void branchAndCommitTogetherOrNeitherExitWith2BeforeAnyRequest() {
    run("trigger", WORKER, "--branch", "main", "--commit", "cd60eada")
        .assertUsageError("give --branch BRANCH or --commit SHA, not both");
    run("trigger", WORKER).assertUsageError("give --branch BRANCH or --commit SHA");
    run("trigger", WORKER, "--commit", "main")
        .assertUsageError("--commit: commitHash must be 7 to 64 hex digits: \"main\"");
    assertThat(requests).isEmpty();
  }

  @Test
  void cancelPrintsTheOutcome() {
    answer(
        "/builds/builds/" + BUILD + "/cancel",
        ok(
            "{\"build_outcome\":\"cancelled\",\"build_uuid\":\""
                + BUILD
                + "\",\"stopped_on\":\"2026-12-04T09:12:31.902Z\"}"));

    CliRun result = run("cancel", BUILD);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo(BUILD + " cancelled 2026-12-04T09:12:31.902Z\n");
    assertThat(writes())
        .singleElement()
        .satisfies(put -> assertThat(put.getMethod()).isEqualTo("PUT"));
  }

  @Test
  void cancellingABuildThatDoesNotExistExitsWith3() {
    CliRun result = run("cancel", BUILD);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err()).startsWith("cfbuilds: PUT ").contains("404 Not Found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9c1d3f5e", "not-a-uuid", "9c1d3f5e-2a4b-4c6d-8e0f-1a2b3c4d5e6fff"})
  void cancellingWhatIsNotAUuidExitsWith2BeforeAnyRequest(String uuid) {
    CliRun result = run("cancel", uuid);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("cfbuilds: buildUuid is not a UUID");
    assertThat(requests).isEmpty();
  }

  @Test
  void demoTriggerWithLogsStreamsAFailingBuildAndExitsWith4() {
    CliRun result =
        CliRun.run(
            Map.of(), "", false, "trigger", "--demo", WORKER, "--branch", "fail-fast", "--logs");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BUILD_FAILED);
    List<String> lines = result.outLines();
    assertThat(lines.get(0)).matches("[0-9a-f-]{36}");
    assertThat(lines.get(1)).endsWith(" Initializing build environment...");
    assertThat(lines.get(2)).endsWith(" Cloning repository acme-shop/checkout-api at fail-fast");
    assertThat(lines).hasSize(1 + 30);
    assertThat(lines.get(30)).contains("build failed");
    assertThat(result.err())
        .contains("from trigger \"Preview branches\"")
        .endsWith("ended fail, not success\n");
  }

  @Test
  void demoCancelStopsARunningBuild() {
    CliRun result =
        CliRun.run(Map.of(), "", false, "cancel", "--demo", "3e1a7c9d-5f4b-4a0c-9d8e-2f3a4b5c6d7e");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("3e1a7c9d-5f4b-4a0c-9d8e-2f3a4b5c6d7e cancelled ");
  }
}
