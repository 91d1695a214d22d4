package dev.cfbuilds.cli;

import static dev.cfbuilds.cli.ApiFixture.A;
import static dev.cfbuilds.cli.ApiFixture.sampleWithBuildFor;
import static dev.cfbuilds.cli.ApiFixture.serverEnv;
import static dev.cfbuilds.cli.DemoDispatcher.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code builds --wait} end to end against the demo stub and a plain MockWebServer. These
 * waits are real (the command uses the system clock): a second or a few each.
 */
class WaitOptionTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  /** Returns the sample's build for {@code A}, with {@code status} and the JSON {@code outcome}. */
  private static MockResponse build(String status, String outcome) {
    return json(
        200,
        sampleWithBuildFor(A)
            .replace("\"status\": \"running\"", "\"status\": \"" + status + "\"")
            .replace("\"build_outcome\": \"success\"", "\"build_outcome\": " + outcome));
  }

  /**
   * Runs {@code builds --wait wait A} against the server, which answers the polls with {@code
   * polls} in turn.
   */
  private CliRun waitFor(String wait, MockResponse... polls) {
    for (MockResponse poll : polls) {
      server.enqueue(poll);
    }
    return CliRun.run(serverEnv(server), "", false, "builds", "--wait", wait, A);
  }

  @Test
  void demoWaitShowsBuildsMovingToStoppedAndExitsWith4ForTheOnesThatFailed() {
    CliRun result = CliRun.run(Map.of(), "", true, "builds", "--demo", "--wait", "60s");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BUILD_FAILED);
    assertThat(result.err())
        .contains("its builds stop within a few seconds")
        .contains("\rwaiting: 42 of 45 versions have a build still running")
        .contains("\rwaiting: 0 of 45 versions have a build still running")
        .containsPattern("cfbuilds: \\d+ of 42 builds ended other than success\n$");
    assertThat(result.out().lines().skip(1))
        .hasSize(42)
        .allMatch(line -> line.contains(" stopped "));
  }

  @Test
  void theDemoStubMovesEachBuildThroughItsStagesAndStopsThemAllInTime() {
    String id = DemoBuilds.madeUpVersionIds(1).get(0);
    assertThat(DemoBuilds.progressed(id, 0).getStatus()).hasToString("queued");
    assertThat(DemoBuilds.progressed(id, DemoBuilds.MAX_LIFE_MILLIS).getStatus())
        .hasToString("stopped");
    for (String each : DemoBuilds.madeUpVersionIds(45)) {
      assertThat(DemoBuilds.progressed(each, DemoBuilds.MAX_LIFE_MILLIS).getBuildOutcome())
          .isNotNull();
    }
    assertThat(Duration.ofMillis(DemoBuilds.MAX_LIFE_MILLIS)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void exitsWith0WhenEveryBuildSucceeded() {
    CliRun result = waitFor("90s", build("running", "null"), build("stopped", "\"success\""));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("\"status\": \"stopped\"");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void exitsWith4WhenABuildFailed() {
    CliRun result = waitFor("10m", build("stopped", "\"fail\""));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BUILD_FAILED);
    assertThat(result.err()).isEqualTo("cfbuilds: 1 of 1 builds ended other than success\n");
  }

  @Test
  void exitsWith5AndPrintsWhatItLastSawWhenTheWaitTimesOut() {
    CliRun result = waitFor("1s", build("running", "null"), build("running", "null"));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.WAIT_TIMED_OUT);
    assertThat(result.out()).contains("\"status\": \"running\"");
    assertThat(result.err())
        .isEqualTo(
            "cfbuilds: timed out after 1 s awaiting builds: 1 of 1 not stopped yet ("
                + A
                + " running)\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"90", "1.5m", "ten", "-5s", "10d", ""})
  void aWaitThatIsNotADurationExitsWith2BeforeAnyRequest(String wait) {
    CliRun result = waitFor(wait);

    result.assertUsageError(
        "--wait takes a duration such as 90s, 10m, 1h or 1m30s, not \"" + wait + "\"");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void readsCombinedDurations() {
    assertThat(new DurationConverter().convert("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(new DurationConverter().convert("90s")).isEqualTo(Duration.ofSeconds(90));
  }
}
