package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.CliRun.run;
import static dev.cfbuilds.cli.StubApi.build;
import static dev.cfbuilds.cli.StubApi.script;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs {@code cfbuilds status} end to end against a stub API on loopback. */
class StatusCommandTest {
  static final String CHECKOUT_TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String V90 = "8a1c2e4f-6b3d-4c5e-9f70-1a2b3c4d5e6f";
  static final String V10 = "0f3e2d1c-5b4a-4978-8e6f-a1b2c3d4e5f6";
  static final String B90 = "b335c0af-9297-4d89-939f-1f502d372234";
  static final String B10 = "f8d36d4b-e4cd-423c-951b-267c9cf61f4c";
  static final String B_NEW = "1c9e5a7b-3d2f-4e8a-9b6c-0d1e2f3a4b5c";

  private final StubApi api = new StubApi();

  StatusCommandTest() throws IOException {}

  @AfterEach
  void close() {
    api.close();
  }

  private static String tag(int n) {
    return String.format(Locale.ROOT, "%032x", n);
  }

  private static String hoursAgo(int hours) {
    return Instant.now().minus(hours, ChronoUnit.HOURS).minus(5, ChronoUnit.MINUTES).toString();
  }

  /** Serves 21 Workers, {@code w00} to {@code w20}; all but {@code w20} have a latest build. */
  private void serveTwentyOneWorkers() {
    List<Object> scripts = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      scripts.add(script(String.format(Locale.ROOT, "w%02d", i), tag(i)));
    }
    api.ok("/workers/scripts", scripts);
    api.on(
        "/builds/builds/latest",
        request -> {
          Map<String, Object> builds = new LinkedHashMap<>();
          for (String tag : request.getUrl().queryParameter("external_script_ids").split(",")) {
            if (!tag.equals(tag(20))) {
              String uuid = "00000000-0000-4000-8000-" + tag.substring(20);
              builds.put(tag, build(uuid, "stopped", "success", hoursAgo(3), tag));
            }
          }
          return StubApi.ok(Map.of("builds", builds));
        });
  }

  @Test
  void listsEveryWorkerAskingLatestBuildsTwentyTagsARequest() {
    serveTwentyOneWorkers();

    CliRun result = run(api.env(), "", true, "status");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(22);
    assertThat(lines.get(0)).isEqualTo("WORKER  STATUS       OUTCOME  BRANCH@COMMIT  AGE");
    assertThat(lines.get(1)).isEqualTo("w00     stopped      success  main@0000000   3h");
    assertThat(lines.get(21)).isEqualTo("w20     never built  -        -              -");
    List<String> latest =
        api.targets().stream().filter(t -> t.startsWith("/builds/builds/latest")).toList();
    assertThat(latest).hasSize(2);
    assertThat(latest.stream().map(t -> t.split("%2C|,").length).sorted()).containsExactly(1, 20);
  }

  @Test
  void listsEveryWorkerAsJsonKeyedByNameWithNullForNeverBuilt() {
    serveTwentyOneWorkers();

    CliRun result = run(api.env(), "", false, "status");

    assertThat(result.exitCode()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) fromJson(result.out());
    assertThat(json).hasSize(21).containsEntry("w20", null);
    assertThat(((Map<?, ?>) json.get("w00")).get("build_uuid"))
        .isEqualTo("00000000-0000-4000-8000-000000000000");
  }

  @Test
  void listsEveryWorkerAsCsv() {
    serveTwentyOneWorkers();

    CliRun result = run(api.env(), "", false, "status", "--format", "csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines().get(0))
        .isEqualTo("worker,tag,build_uuid,status,build_outcome,branch,commit_hash,created_on");
    assertThat(result.outLines().get(1))
        .startsWith(
            "w00,"
                + tag(0)
                + ",00000000-0000-4000-8000-000000000000,stopped,success,main,00000000");
    assertThat(result.outLines().get(21)).isEqualTo("w20," + tag(20) + ",,,,,,");
  }

  /** Serves checkout-api: 90/10 live, with a message, and a newer build still queued. */
  private void serveGradualDeployment() {
    api.ok("/workers/scripts", List.of(script("checkout-api", CHECKOUT_TAG)));
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("id", "3e9d6b52-0c71-4f0a-9a8e-5d2b7c4f1e60");
    deployment.put("created_on", "2026-12-04T09:14:02.338Z");
    deployment.put("annotations", Map.of("workers/message", "Roll out, \"carefully\""));
    deployment.put(
        "versions",
        List.of(
            Map.of("percentage", 90, "version_id", V90),
            Map.of("percentage", 10, "version_id", V10)));
    api.ok("/workers/scripts/checkout-api/deployments", Map.of("deployments", List.of(deployment)));
    api.on(
        "/builds/builds",
        request ->
            StubApi.ok(
                Map.of(
                    "builds",
                    Map.of(
                        V90,
                        build(B90, "stopped", "success", hoursAgo(48), CHECKOUT_TAG),
                        V10,
                        build(B10, "stopped", "success", hoursAgo(30), CHECKOUT_TAG)))));
    api.ok(
        "/builds/builds/latest",
        Map.of(
            "builds",
            Map.of(CHECKOUT_TAG, build(B_NEW, "queued", null, hoursAgo(1), CHECKOUT_TAG))));
  }

  @Test
  void showsEachLiveVersionWithItsBuildTheMessageAndANewerBuild() {
    serveGradualDeployment();

    CliRun result = run(api.env(), "", true, "status", "checkout-api");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "checkout-api  deployed 2026-12-04T09:14:02Z  \"Roll out, \"carefully\"\"",
            "  TRAFFIC  VERSION   BUILD     STATUS   OUTCOME  BRANCH@COMMIT  AUTHOR"
                + "                         AGE",
            "  90%      8a1c2e4f  b335c0af  stopped  success  main@b335c0a   "
                + "maria.lopez@acme-shop.example  2d",
            "  10%      0f3e2d1c  f8d36d4b  stopped  success  main@f8d36d4   "
                + "maria.lopez@acme-shop.example  1d",
            "  newer    -         1c9e5a7b  queued   -        main@1c9e5a7   "
                + "maria.lopez@acme-shop.example  1h");
  }

  @Test
  void aLatestBuildThatIsLiveIsNotShownAgain() {
    serveGradualDeployment();
    api.ok(
        "/builds/builds/latest",
        Map.of(
            "builds",
            Map.of(CHECKOUT_TAG, build(B10, "stopped", "success", hoursAgo(30), CHECKOUT_TAG))));

    CliRun result = run(api.env(), "", true, "status", CHECKOUT_TAG.toUpperCase(Locale.ROOT));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("newer");
    assertThat(result.outLines()).hasSize(4);
  }

  @Test
  void showsWhatIsLiveAsJsonAndCsv() {
    serveGradualDeployment();

    CliRun json = run(api.env(), "", false, "status", "checkout-api");
    CliRun csv = run(api.env(), "", false, "status", "checkout-api", "--format", "csv");

    assertThat(json.exitCode()).isZero();
    Map<?, ?> checkout = (Map<?, ?>) ((Map<?, ?>) fromJson(json.out())).get("checkout-api");
    assertThat(checkout.get("tag")).isEqualTo(CHECKOUT_TAG);
    assertThat(((Map<?, ?>) checkout.get("deployment")).get("annotations"))
        .isEqualTo(Map.of("workers/message", "Roll out, \"carefully\""));
    List<?> versions = (List<?>) checkout.get("versions");
    assertThat(((Map<?, ?>) versions.get(0)).get("percentage")).isEqualTo(90.0);
    assertThat(((Map<?, ?>) ((Map<?, ?>) versions.get(1)).get("build")).get("build_uuid"))
        .isEqualTo(B10);
    assertThat(((Map<?, ?>) checkout.get("newer_build")).get("build_uuid")).isEqualTo(B_NEW);

    assertThat(csv.exitCode()).isZero();
    assertThat(csv.outLines()).hasSize(4);
    assertThat(csv.outLines().get(0))
        .isEqualTo(
            "worker,row,percentage,version_id,build_uuid,status,build_outcome,branch,commit_hash,"
                + "author,created_on,deployment_id,deployment_message");
    assertThat(csv.outLines().get(1))
        .startsWith("checkout-api,live,90," + V90 + "," + B90 + ",stopped,success,main,")
        .endsWith(",3e9d6b52-0c71-4f0a-9a8e-5d2b7c4f1e60,\"Roll out, \"\"carefully\"\"\"");
    assertThat(csv.outLines().get(3)).startsWith("checkout-api,newer,,," + B_NEW + ",queued,,");
  }

  @Test
  void anUnknownWorkerNameExitsThreeWithoutAnyBuildsRequest() {
    serveGradualDeployment();

    CliRun result = run(api.env(), "", false, "status", "checkout-api", "no-such-worker");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err())
        .isEqualTo("cfbuilds: no Worker named \"no-such-worker\" in the account\n");
    assertThat(result.out()).isEmpty();
    assertThat(api.targets()).containsExactly("/workers/scripts");
  }

  @Test
  void anUnknownTagExitsThree() {
    serveGradualDeployment();

    CliRun result = run(api.env(), "", false, "status", tag(7));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err())
        .isEqualTo("cfbuilds: no Worker with tag \"" + tag(7) + "\" in the account\n");
    assertThat(api.buildsRequests()).isEmpty();
  }

  @Test
  void aWorkerOfTheWrongShapeIsAUsageErrorBeforeAnyRequest() {
    serveGradualDeployment();
    String thirtyOne = CHECKOUT_TAG.substring(1);

    run(api.env(), "", false, "status", "checkout-api", thirtyOne)
        .assertUsageError(
            "WORKER argument 2 \""
                + thirtyOne
                + "\" looks like a Worker tag but is not one: a tag is exactly 32 hex digits");
    run(api.env(), "", false, "status", CHECKOUT_TAG + "g")
        .assertUsageError(
            "WORKER argument 1 \""
                + CHECKOUT_TAG
                + "g\" looks like a Worker tag but is not one: a tag is exactly 32 hex digits");
    run(api.env(), "", false, "status", "Checkout API")
        .assertUsageError(
            "WORKER argument 1 \"Checkout API\" is not a Worker name (lower-case letters, digits,"
                + " - and _, not starting with -, at most 255 characters) nor a tag (32 hex"
                + " digits)");
    assertThat(api.targets()).isEmpty();
  }

  @Test
  void anApiErrorExitsOne() {
    api.on("/workers/scripts", request -> StubApi.error(403, 10000, "Authentication error"));

    CliRun result = run(api.env(), "", false, "status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.err()).startsWith("cfbuilds: ").contains("Authentication error");
  }

  @Test
  void worksOnTheDemo() {
    CliRun all = run(Map.of(), "", true, "status", "--demo");
    CliRun live = run(Map.of(), "", true, "status", "--demo", "checkout-api");

    assertThat(all.exitCode()).isZero();
    assertThat(all.outLines()).hasSize(4);
    assertThat(all.outLines().get(3)).startsWith("image-resizer  ");
    assertThat(live.exitCode()).isZero();
    assertThat(live.outLines().get(0))
        .matches(
            "checkout-api  deployed \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
                + "  \"Roll out the new payment form to 10%\"");
    assertThat(live.outLines().get(2))
        .matches("  90% +8a1c2e4f +9e8d7c6b +stopped +success +main@\\w+ +maria\\.lopez@\\S+ +7d");
    assertThat(live.outLines().get(3))
        .matches("  10% +0f3e2d1c +b335c0af +stopped +success +main@\\w+ +maria\\.lopez@\\S+ +3h");
    assertThat(live.outLines().get(4)).matches("  newer +- +1c9e5a7b +queued .* 1m");
  }

  static Object fromJson(String json) {
    try {
      return StubApi.JSON.fromJson(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
