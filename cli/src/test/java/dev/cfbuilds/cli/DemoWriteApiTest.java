package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.BuildSource;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.CanceledBuild;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo stub's triggers and write calls, driven through the client on a clock the test moves: a
 * started build runs, writes its log and stops; a cancelled one stops at once.
 */
class DemoWriteApiTest {
  private final AtomicLong nanos = new AtomicLong();
  private final MockWebServer server = new MockWebServer();
  private final CloudflareBuildsClient client;

  DemoWriteApiTest() throws IOException {
    server.setDispatcher(new DemoDispatcher(nanos::get));
    server.start();
    client =
        CloudflareBuildsClient.builder()
            .apiToken(DemoApi.TOKEN)
            .accountId(DemoApi.ACCOUNT_ID)
            .baseUrl(server.url("/client/v4/").toString())
            .build();
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000);
  }

  @Test
  void everyWorkerButTheLaptopOneHasTriggers() {
    assertThat(client.triggers().list(DemoWorkers.CHECKOUT)).hasSize(2);
    assertThat(client.triggers().list(DemoWorkers.RESIZER)).hasSize(1);
    assertThat(client.triggers().list(DemoWorkers.DOCS)).isEmpty();
  }

  @Test
  void aStartedBuildRunsWritesItsLogAndSucceeds() {
    Build started = client.triggers().startBuild(DemoWorkers.RESIZER, BuildSource.branch("main"));
    String uuid = started.getBuildUuid().toString();

    assertThat(client.builds().get(uuid).getStatus()).isEqualTo(BuildStatus.QUEUED);
    advanceMillis(1500);
    assertThat(client.builds().get(uuid).getStatus()).isEqualTo(BuildStatus.RUNNING);
    assertThat(client.builds().logs(uuid).toList()).hasSize(15);
    advanceMillis(DemoWriteApi.RUN_MILLIS);
    Build ended = client.builds().get(uuid);
    assertThat(ended.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(ended.getBuildOutcome()).isEqualTo(BuildOutcome.SUCCESS);
    List<String> log = client.builds().logs(uuid).map(LogLine::message).toList();
    assertThat(log).hasSize(30).endsWith("Success: deployed to the demo account");
  }

  @Test
  void cancelStopsAStartedBuild() {
    String uuid =
        client
            .triggers()
            .startBuild(DemoWorkers.CHECKOUT, BuildSource.branch("feature/x"))
            .getBuildUuid()
            .toString();
    advanceMillis(1000);

    CanceledBuild cancelled = client.builds().cancel(uuid);
    advanceMillis(DemoWriteApi.RUN_MILLIS);

    assertThat(cancelled.getBuildOutcome()).isEqualTo(BuildOutcome.CANCELLED);
    Build build = client.builds().get(uuid);
    assertThat(build.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(build.getBuildOutcome()).isEqualTo(BuildOutcome.CANCELLED);
    assertThat(client.builds().logs(uuid).map(LogLine::message).toList())
        .hasSize(11)
        .endsWith("Build cancelled");
  }

  @Test
  void aCancelledFixedBuildReadsAsCancelledFromThenOn() {
    String queued = "1c9e5a7b-3d2f-4e8a-9b6c-0d1e2f3a4b5c";
    advanceMillis(2000);

    CanceledBuild cancelled = client.builds().cancel(queued);

    assertThat(cancelled.getBuildOutcome()).isEqualTo(BuildOutcome.CANCELLED);
    Build read = client.builds().get(queued);
    assertThat(read.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(read.getBuildOutcome()).isEqualTo(BuildOutcome.CANCELLED);
    assertThat(read.getStoppedOn()).isEqualTo(cancelled.getStoppedOn());
    assertThat(client.builds().list(DemoWorkers.CHECKOUT, 1)).containsExactly(read);
    assertThat(client.builds().logs(queued).map(LogLine::message).toList())
        .endsWith("Build cancelled");
    assertThat(client.builds().cancel(queued).getStoppedOn()).isEqualTo(cancelled.getStoppedOn());
  }

  @Test
  void cancellingAStoppedFixedBuildReturnsHowItEnded() {
    CanceledBuild done = client.builds().cancel("b335c0af-9297-4d89-939f-1f502d372234");

    assertThat(done.getBuildOutcome()).isEqualTo(BuildOutcome.SUCCESS);
    assertThatThrownBy(() -> client.builds().cancel("00000000-0000-4000-8000-000000000000"))
        .isInstanceOf(NotFoundException.class);
  }
}
