package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.LatestBuilds;
import dev.cfbuilds.client.LiveDeployment;
import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the real client against the demo stub's read API, on a clock the client's waits move. */
class DemoReadApiTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private final MockWebServer server = new MockWebServer();
  private final CloudflareBuildsClient client;

  DemoReadApiTest() throws IOException {
    server.setDispatcher(new DemoDispatcher(nanos::get, START));
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    client =
        CloudflareBuildsClient.builder()
            .apiToken(DemoApi.TOKEN)
            .accountId(ACCOUNT)
            .baseUrl("http://127.0.0.1:" + server.getPort() + "/client/v4/")
            .sleeper(duration -> nanos.addAndGet(duration.toNanos()))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void servesAGradualDeploymentWithItsBuilds() {
    LiveDeployment live = client.workers().live(DemoWorkers.CHECKOUT);

    assertThat(live.versions()).hasSize(2);
    assertThat(live.versions().get(0).versionId()).hasToString(DemoWorkers.CHECKOUT_V90);
    assertThat(live.versions().get(0).percentage()).isEqualTo(90.0);
    assertThat(live.versions().get(1).percentage()).isEqualTo(10.0);
    assertThat(live.versions()).allSatisfy(v -> assertThat(v.build()).isNotNull());
    assertThat(client.workers().live(DemoWorkers.DOCS).versions().get(0).build()).isNull();
  }

  @Test
  void servesBuildsInEveryStateNewestFirst() {
    List<Build> builds = client.builds().list(DemoWorkers.CHECKOUT, 50);

    assertThat(builds.stream().map(Build::getStatus).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            BuildStatus.QUEUED, BuildStatus.INITIALIZING, BuildStatus.RUNNING, BuildStatus.STOPPED);
    assertThat(builds.stream().map(Build::getBuildOutcome).filter(o -> o != null).distinct())
        .containsExactlyInAnyOrder(
            BuildOutcome.SUCCESS,
            BuildOutcome.FAIL,
            BuildOutcome.SKIPPED,
            BuildOutcome.CANCELLED,
            BuildOutcome.TERMINATED);
    assertThat(builds.get(0).getStatus()).isEqualTo(BuildStatus.QUEUED);
    assertThat(client.builds().listPage(DemoWorkers.CHECKOUT, 2, 3).getResult()).hasSize(3);
  }

  @Test
  void everyLiveVersionWasMadeByARecentSuccessfulBuildOfTheList() {
    for (String worker : List.of(DemoWorkers.CHECKOUT, DemoWorkers.RESIZER)) {
      LiveDeployment live = client.workers().live(worker);
      List<Build> listed = client.builds().list(worker, 50);
      OffsetDateTime deployed = live.deployment().getCreatedOn();
      assertThat(deployed).isBetween(at(START.minus(Duration.ofDays(8))), at(START));
      assertThat(live.versions())
          .allSatisfy(
              version -> {
                Build build = version.build();
                assertThat(build.getStatus()).isEqualTo(BuildStatus.STOPPED);
                assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.SUCCESS);
                assertThat(build.getBuildTriggerMetadata().getAuthor())
                    .isEqualTo("maria.lopez@acme-shop.example");
                assertThat(build.getStoppedOn()).isBefore(deployed);
                assertThat(build.getCreatedOn()).isAfter(at(START.minus(Duration.ofDays(8))));
                assertThat(listed).contains(build);
                assertThat(client.builds().get(build.getBuildUuid().toString())).isEqualTo(build);
              });
    }
    assertThat(client.builds().list(DemoWorkers.CHECKOUT, 1).get(0).getCreatedOn())
        .isBetween(at(START.minus(Duration.ofMinutes(5))), at(START));
  }

  @Test
  void eachFixedBuildsLogEndsAsTheBuildDid() {
    Map<BuildOutcome, String> lastLine =
        Map.of(
            BuildOutcome.SUCCESS, "Success: build finished",
            BuildOutcome.FAIL, "Failed: build command exited with code: 2",
            BuildOutcome.CANCELLED, "Build cancelled",
            BuildOutcome.SKIPPED, "Skipped: no file under the root directory / changed",
            BuildOutcome.TERMINATED, "Terminated: the build ran past its time limit");
    for (Build build : client.builds().list(DemoWorkers.CHECKOUT, 50)) {
      List<LogLine> log = client.builds().logs(build.getBuildUuid().toString()).toList();
      if (build.getStatus() == BuildStatus.QUEUED) {
        assertThat(log).isEmpty();
      } else if (build.getBuildOutcome() == null) {
        assertThat(log).map(LogLine::message).noneMatch(lastLine::containsValue);
      } else {
        assertThat(log)
            .last()
            .extracting(LogLine::message)
            .isEqualTo(lastLine.get(build.getBuildOutcome()));
      }
      if (!log.isEmpty()) {
        assertThat(log.get(0).time()).isAfter(build.getCreatedOn().toInstant());
      }
    }
  }

  @Test
  void servesLatestBuildsAndNamesTheWorkerWithout() {
    LatestBuilds latest =
        client
            .builds()
            .latest(List.of(DemoWorkers.CHECKOUT, DemoWorkers.DOCS, DemoWorkers.RESIZER_TAG));

    assertThat(latest.builds()).containsOnlyKeys(DemoWorkers.CHECKOUT, DemoWorkers.RESIZER_TAG);
    assertThat(latest.withoutBuild()).containsExactly(DemoWorkers.DOCS);
  }

  @Test
  void servesAFailedBuildsLog() {
    List<String> lines =
        client.builds().logs("f8d36d4b-e4cd-423c-951b-267c9cf61f4c").map(LogLine::message).toList();

    assertThat(lines).last().isEqualTo("Failed: build command exited with code: 2");
  }

  @Test
  void aRunningBuildsLogGrowsUntilItFails() {
    List<LogLine> seen = new ArrayList<>();

    Build last = client.builds().followLogs(DemoWorkers.GROWING_BUILD, seen::add);

    assertThat(seen).hasSize(DemoLogs.GROWING_LINES);
    assertThat(seen.get(0).message()).isEqualTo("Initializing build environment...");
    assertThat(seen.get(DemoLogs.GROWING_LINES - 1).message()).contains("build failed");
    assertThat(seen.stream().map(LogLine::message).distinct()).hasSize(DemoLogs.GROWING_LINES);
    assertThat(last.getBuildOutcome()).isEqualTo(BuildOutcome.FAIL);
    assertThat(Duration.ofNanos(nanos.get())).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Test
  void theReadEndpointsAskForCredentials() throws IOException {
    OkHttpClient http = new OkHttpClient();
    String url = "http://127.0.0.1:" + server.getPort() + "/client/v4/accounts/" + ACCOUNT;
    try (Response anonymous =
            http.newCall(new Request.Builder().url(url + "/workers/scripts").build()).execute();
        Response signed =
            http.newCall(
                    new Request.Builder()
                        .url(url + "/workers/scripts")
                        .header("Authorization", "Bearer " + DemoApi.TOKEN)
                        .build())
                .execute()) {
      assertThat(anonymous.code()).isEqualTo(401);
      assertThat(anonymous.body().string()).contains("\"code\":10000");
      assertThat(signed.code()).isEqualTo(200);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void anUnknownWorkerIsNotFoundInTheWorkersApisShape() {
    NotFoundException e =
        catchThrowableOfType(NotFoundException.class, () -> client.workers().deployments("nope"));

    assertThat(e.errors().get(0).getCode()).isEqualTo(10007);
    assertThat(e).hasMessageEndingWith("[10007] This Worker does not exist on your account.");
  }
}
