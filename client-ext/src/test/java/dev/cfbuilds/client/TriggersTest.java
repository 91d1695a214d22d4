package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.error;
import static dev.cfbuilds.client.ReadServer.json;
import static dev.cfbuilds.client.ReadServer.ok;
import static dev.cfbuilds.client.ReadServer.scripts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.OutcomeUnknownException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.TriggerChoiceException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.CanceledBuild;
import dev.cfbuilds.generated.model.WorkerTrigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing a Worker's triggers, choosing one, starting a build from it and cancelling a build. */
class TriggersTest {
  static final String WORKER = "checkout-api";
  static final String TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String PRODUCTION = "7957d9af-5092-4db6-8e53-51ab9323a0ae";
  static final String PREVIEW = "fcc48f6d-b7c2-42e1-bf7c-15e03a1a996c";
  static final String NEW_BUILD = "9c1d3f5e-2a4b-4c6d-8e0f-1a2b3c4d5e6f";
  static final String SCRIPTS = "/workers/scripts";
  static final String TRIGGERS = "/builds/workers/" + TAG + "/triggers";
  static final String COMMIT = "1f7a0c92d4e85b3a6c0d9e2f41b7a8c5d3e60f19";

  private final ReadServer server = new ReadServer();
  private final CloudflareBuildsClient client = server.clientBuilder().build();

  TriggersTest() throws IOException {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  /** Returns a trigger's JSON. */
  static String trigger(String uuid, String name, String includes, String excludes) {
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

  static String productionAndPreview() {
    return "["
        + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
        + ","
        + trigger(PREVIEW, "Preview branches", "[\"*\"]", "[\"main\"]")
        + "]";
  }

  static String buildsPath(String triggerUuid) {
    return "/builds/triggers/" + triggerUuid + "/builds";
  }

  private void twoTriggers() {
    server.on(SCRIPTS, r -> ok(scripts(WORKER, TAG)));
    server.on(TRIGGERS, r -> ok(productionAndPreview()));
  }

  private List<RecordedRequest> posts() {
    return server.requests().stream().filter(r -> r.getMethod().equals("POST")).toList();
  }

  @Test
  void listsAWorkersTriggersByItsName() {
    twoTriggers();

    List<WorkerTrigger> triggers = client.triggers().list(WORKER);

    assertThat(triggers)
        .extracting(WorkerTrigger::getTriggerName)
        .containsExactly("Deploy production", "Preview branches");
    assertThat(server.targets()).containsExactly(SCRIPTS, TRIGGERS);
  }

  @Test
  void startsABuildOfABranchFromTheTriggerWhoseFiltersMatchIt() {
    twoTriggers();
    server.on(
        buildsPath(PREVIEW),
        r -> ok("{\"build_uuid\":\"" + NEW_BUILD + "\",\"created_on\":\"2026-12-04T11:20:07Z\"}"));

    Build build = client.triggers().startBuild(WORKER, BuildSource.branch("feature/apple-pay"));

    assertThat(build.getBuildUuid()).hasToString(NEW_BUILD);
    assertThat(posts()).hasSize(1);
    RecordedRequest post = posts().get(0);
    assertThat(post.getTarget()).isEqualTo(ReadServer.PREFIX + buildsPath(PREVIEW));
    assertThat(post.getBody().utf8()).isEqualTo("{\"branch\":\"feature/apple-pay\"}");
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void theProductionBranchGoesToTheTriggerThatIncludesItLiterally() {
    twoTriggers();

    WorkerTrigger chosen = client.triggers().choose(WORKER, BuildSource.branch("main"), null);

    assertThat(chosen.getTriggerUuid()).hasToString(PRODUCTION);
  }

  @Test
  void readsTheBuildUuidFromAResponseThatIsAWholeBuild() {
    twoTriggers();
    server.on(
        buildsPath(PRODUCTION),
        r ->
            ok(
                ReadServer.build(NEW_BUILD, "queued", null, "2026-12-04T11:20:07Z")
                    .replace("}}", "},\"deploy_hook\":null,\"pull_request\":null}")));

    Build build = client.triggers().startBuild(WORKER, BuildSource.branch("main"));

    assertThat(build.getBuildUuid()).hasToString(NEW_BUILD);
    assertThat(build.getStatus()).isEqualTo(BuildStatus.QUEUED);
  }

  @Test
  void buildsACommitFromTheTriggerNamedIgnoringCase() {
    twoTriggers();
    server.on(buildsPath(PRODUCTION), r -> ok("{\"build_uuid\":\"" + NEW_BUILD + "\"}"));

    client.triggers().startBuild(WORKER, BuildSource.commit(COMMIT), "deploy PRODUCTION");

    assertThat(posts().get(0).getBody().utf8()).isEqualTo("{\"commit_hash\":\"" + COMMIT + "\"}");
  }

  @Test
  void takesATriggerByItsUuid() {
    twoTriggers();

    WorkerTrigger chosen =
        client.triggers().choose(WORKER, BuildSource.commit(COMMIT), PREVIEW.toUpperCase());

    assertThat(chosen.getTriggerName()).isEqualTo("Preview branches");
  }

  @Test
  void usesTheOnlyTriggerEvenForACommit() {
    server.on(SCRIPTS, r -> ok(scripts(WORKER, TAG)));
    server.on(
        TRIGGERS,
        r ->
            ok(
                "["
                    + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                    + ","
                    + trigger(PREVIEW, "Old", "[\"*\"]", "[]")
                        .replace("\"deleted_on\":null", "\"deleted_on\":\"2026-10-01T00:00:00Z\"")
                    + "]"));

    WorkerTrigger chosen = client.triggers().choose(WORKER, BuildSource.commit(COMMIT), null);

    assertThat(chosen.getTriggerUuid()).hasToString(PRODUCTION);
  }

  @Test
  void aBranchTwoTriggersBuildIsAmbiguousAndStartsNothing() {
    server.on(SCRIPTS, r -> ok(scripts(WORKER, TAG)));
    server.on(
        TRIGGERS,
        r ->
            ok(
                "["
                    + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                    + ","
                    + trigger(PREVIEW, "Preview branches", "[\"*\"]", "[]")
                    + "]"));

    TriggerChoiceException e =
        catchThrowableOfType(
            TriggerChoiceException.class,
            () -> client.triggers().startBuild(WORKER, BuildSource.branch("main")));

    assertThat(e)
        .hasMessage(
            "2 triggers of checkout-api build branch main; name the one to build from;"
                + " its triggers:\n"
                + "  \"Deploy production\" "
                + PRODUCTION
                + " branches [main] excluding []\n"
                + "  \"Preview branches\" "
                + PREVIEW
                + " branches [*] excluding []");
    assertThat(e.triggers()).hasSize(2);
    assertThat(posts()).isEmpty();
  }

  @Test
  void aCommitWithTwoTriggersNeedsATriggerNamed() {
    twoTriggers();

    assertThatThrownBy(() -> client.triggers().startBuild(WORKER, BuildSource.commit(COMMIT)))
        .isInstanceOf(TriggerChoiceException.class)
        .hasMessageStartingWith(
            "checkout-api has 2 triggers; name the one to build a commit from; its triggers:");
    assertThat(posts()).isEmpty();
  }

  @Test
  void aTriggerNameNoTriggerHasListsTheTriggersAndStartsNothing() {
    twoTriggers();

    assertThatThrownBy(
            () -> client.triggers().startBuild(WORKER, BuildSource.branch("main"), "Staging"))
        .isInstanceOf(TriggerChoiceException.class)
        .hasMessageStartingWith("no trigger of checkout-api is named \"Staging\"; its triggers:")
        .hasMessageContaining("\"Preview branches\" " + PREVIEW);
    assertThat(posts()).isEmpty();
  }

  @Test
  void aBranchNoTriggerBuildsIsReported() {
    server.on(SCRIPTS, r -> ok(scripts(WORKER, TAG)));
    server.on(
        TRIGGERS,
        r ->
            ok(
                "["
                    + trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                    + ","
                    + trigger(PREVIEW, "Release", "[\"release/*\"]", "[\"release/old-*\"]")
                    + "]"));

    assertThat(client.triggers().choose(WORKER, BuildSource.branch("release/2.1"), null))
        .extracting(WorkerTrigger::getTriggerName)
        .isEqualTo("Release");
    assertThatThrownBy(
            () -> client.triggers().choose(WORKER, BuildSource.branch("release/old-1"), null))
        .isInstanceOf(TriggerChoiceException.class)
        .hasMessageStartingWith("no trigger of checkout-api build branch release/old-1;");
  }

  @Test
  void badArgumentsFailBeforeAnyRequestNamingTheArgument() {
    assertThatThrownBy(() -> BuildSource.branch("two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "branch must be 1 to 255 characters without whitespace or control characters:"
                + " \"two words\"");
    assertThatThrownBy(() -> BuildSource.commit("main"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("commitHash must be 7 to 64 hex digits: \"main\"");
    assertThatThrownBy(() -> BuildSource.branch(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("branch == null");
    assertThatThrownBy(() -> client.triggers().startBuild("", BuildSource.branch("main")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("worker");
    assertThatThrownBy(() -> client.triggers().startBuild(WORKER, BuildSource.branch("main"), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trigger must be a trigger's name or UUID");
    assertThatThrownBy(() -> client.triggers().startBuild(WORKER, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source == null");
    assertThatThrownBy(() -> client.builds().cancel("b335c0af"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("buildUuid is not a UUID");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void cancelsABuildWithAPutAndReturnsItAsCancelled() {
    String uuid = "b335c0af-9297-4d89-939f-1f502d372234";
    server.on(
        "/builds/builds/" + uuid + "/cancel",
        r ->
            ok(
                "{\"build_outcome\":\"cancelled\",\"build_uuid\":\""
                    + uuid
                    + "\",\"stopped_on\":\"2026-12-04T09:12:31.902Z\"}"));

    CanceledBuild cancelled = client.builds().cancel(uuid);

    assertThat(cancelled.getBuildOutcome()).isEqualTo(BuildOutcome.CANCELLED);
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMethod()).isEqualTo("PUT");
              assertThat(r.getTarget())
                  .isEqualTo(ReadServer.PREFIX + "/builds/builds/" + uuid + "/cancel");
            });
  }

  @Test
  void cancellingAnUnknownBuildIsNotFound() {
    assertThatThrownBy(() -> client.builds().cancel("b335c0af-9297-4d89-939f-1f502d372234"))
        .isInstanceOf(NotFoundException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aForbiddenStartSaysTheTokenNeedsWorkersCiWrite() {
    twoTriggers();
    server.on(buildsPath(PRODUCTION), r -> json(403, error(10000, "Authentication error")));

    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class,
            () -> client.triggers().startBuild(WORKER, BuildSource.branch("main")));

    assertThat(e)
        .hasMessage(
            "POST /client/v4/accounts/"
                + ReadServer.ACCOUNT
                + "/builds/triggers/"
                + PRODUCTION
                + "/builds returned 403 Forbidden: [10000] Authentication error\n"
                + PermissionDeniedException.WRITE_TOKEN_HINT);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(posts()).hasSize(1);
  }

  @Test
  void readmeSample() {
    twoTriggers();
    server.on(buildsPath(PRODUCTION), r -> ok("{\"build_uuid\":\"" + NEW_BUILD + "\"}"));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      try {
        Build build = client.triggers().startBuild("checkout-api", BuildSource.branch("main"));
        System.out.println("started " + build.getBuildUuid());
      } catch (TriggerChoiceException e) {
        System.out.println("name a trigger: " + e.triggers().size() + " to choose from");
      } catch (OutcomeUnknownException e) {
        System.out.println(e.getMessage()); // says how to check before trying again
      }
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .isEqualTo("started " + NEW_BUILD + System.lineSeparator());
  }
}
