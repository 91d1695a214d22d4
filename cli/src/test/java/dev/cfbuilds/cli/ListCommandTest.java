package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.CliRun.run;
import static dev.cfbuilds.cli.StubApi.build;
import static dev.cfbuilds.cli.StubApi.script;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs {@code cfbuilds list} end to end against a stub API on loopback. */
class ListCommandTest {
  static final String TAG = StatusCommandTest.CHECKOUT_TAG;
  static final String BUILDS = "/builds/workers/" + TAG + "/builds";

  private final StubApi api = new StubApi();

  ListCommandTest() throws IOException {}

  @AfterEach
  void close() {
    api.close();
  }

  /** Returns build {@code n}'s UUID; it was created on day {@code n} of November. */
  private static String uuid(int n) {
    return String.format(Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012d", n);
  }

  /** Serves checkout-api with 25 builds, oldest first (the API does not promise an order). */
  private void serveTwentyFiveBuilds() {
    api.ok("/workers/scripts", List.of(script("checkout-api", TAG)));
    List<Object> builds = new ArrayList<>();
    for (int day = 1; day <= 25; day++) {
      Map<String, Object> build =
          new LinkedHashMap<>(
              build(
                  uuid(day),
                  "stopped",
                  day == 25 ? "fail" : "success",
                  String.format(Locale.ROOT, "2026-11-%02dT10:00:00Z", day),
                  TAG));
      build.put("running_on", String.format(Locale.ROOT, "2026-11-%02dT10:00:05Z", day));
      build.put("stopped_on", String.format(Locale.ROOT, "2026-11-%02dT10:02:10Z", day));
      builds.add(build);
    }
    Map<String, Object> info = Map.of("page", 1, "per_page", 200, "total_pages", 1);
    api.on(
        BUILDS,
        request -> {
          Map<String, Object> envelope = new LinkedHashMap<>();
          envelope.put("errors", List.of());
          envelope.put("messages", List.of());
          envelope.put("result", builds);
          envelope.put("result_info", info);
          envelope.put("success", true);
          return DemoDispatcher.json(200, StubApi.JSON.toJson(envelope));
        });
  }

  @Test
  void listsTheNewestTwentyBuildsFirstByDefault() {
    serveTwentyFiveBuilds();

    CliRun result = run(api.env(), "", true, "list", "checkout-api");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(21);
    assertThat(lines.get(0))
        .matches("BUILD +STATUS +OUTCOME +BRANCH@COMMIT +AUTHOR +CREATED +AGE +DURATION");
    assertThat(lines.get(1))
        .startsWith(
            uuid(25)
                + "  stopped  fail     main@8e5e3a2   maria.lopez@acme-shop.example  "
                + "2026-11-25T10:00:00Z  ")
        .endsWith("  2m 05s");
    assertThat(lines.get(20)).startsWith(uuid(6) + "  ");
    assertThat(api.targets()).containsExactly("/workers/scripts", BUILDS + "?page=1&per_page=200");
  }

  @Test
  void honoursLimitAndPrintsJsonAndCsv() {
    serveTwentyFiveBuilds();

    CliRun json = run(api.env(), "", false, "list", TAG, "--limit", "3");
    CliRun csv = run(api.env(), "", false, "list", TAG, "--limit", "2", "--format", "csv");

    assertThat(json.exitCode()).isZero();
    List<?> builds = (List<?>) StatusCommandTest.fromJson(json.out());
    assertThat(builds).hasSize(3);
    assertThat(((Map<?, ?>) builds.get(0)).get("build_uuid")).isEqualTo(uuid(25));
    assertThat(((Map<?, ?>) builds.get(2)).get("build_uuid")).isEqualTo(uuid(23));
    assertThat(csv.outLines())
        .containsExactly(
            "build_uuid,status,build_outcome,branch,commit_hash,author,created_on,"
                + "duration_seconds",
            uuid(25)
                + ",stopped,fail,main,8e5e3a2a1d7e4a1b9c7d000000000025c0de0f1d,"
                + "maria.lopez@acme-shop.example,2026-11-25T10:00:00Z,125",
            uuid(24)
                + ",stopped,success,main,8e5e3a2a1d7e4a1b9c7d000000000024c0de0f1d,"
                + "maria.lopez@acme-shop.example,2026-11-24T10:00:00Z,125");
  }

  @Test
  void aLimitBelowOneIsAUsageErrorBeforeAnyRequest() {
    run(api.env(), "", false, "list", "checkout-api", "--limit", "0")
        .assertUsageError("--limit must be at least 1, not 0");
    run(api.env(), "", false, "list", "checkout/api")
        .assertUsageError(
            "WORKER \"checkout/api\" is not a Worker name (lower-case letters, digits, - and _, not"
                + " starting with -, at most 255 characters) nor a tag (32 hex digits)");
    assertThat(api.targets()).isEmpty();
  }

  @Test
  void anUnknownWorkerExitsThreeWithoutAnyBuildsRequest() {
    serveTwentyFiveBuilds();

    CliRun result = run(api.env(), "", false, "list", "checkout");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.MISSING);
    assertThat(result.err()).startsWith("cfbuilds: no Worker named \"checkout\" in the account");
    assertThat(api.buildsRequests()).isEmpty();
  }

  @Test
  void anApiErrorExitsOne() {
    api.on(BUILDS, request -> StubApi.error(403, 10000, "Authentication error"));

    CliRun result = run(api.env(), "", false, "list", TAG);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.err()).startsWith("cfbuilds: ").contains("Authentication error");
  }

  @Test
  void worksOnTheDemo() {
    CliRun result = run(Map.of(), "", true, "list", "--demo", "checkout-api", "--limit", "3");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(4);
    assertThat(result.outLines().get(1)).startsWith("1c9e5a7b-3d2f-4e8a-9b6c-0d1e2f3a4b5c  queued");
  }
}
