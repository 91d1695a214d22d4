package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.AwaitTimeoutException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitBuildsTest {
  private static final List<BuildStatus> LIFE =
      List.of(BuildStatus.QUEUED, BuildStatus.INITIALIZING, BuildStatus.RUNNING);

  private final BuildsServer server = new BuildsServer();
  private final FakeTime time = new FakeTime();
  private final List<String> polls = new CopyOnWriteArrayList<>();

  AwaitBuildsTest() throws Exception {
    // Version n stops at its (n-1)-th poll: 1 is stopped at once, 4 after three polls.
    server.statuses(
        (id, asked) -> {
          if (id.startsWith("00000000")) {
            return null;
          }
          int n = id.charAt(id.length() - 1) - '0';
          return asked >= n - 1 ? BuildStatus.STOPPED : LIFE.get(Math.min(asked, 2));
        });
  }

  @AfterEach
  void close() {
    server.close();
  }

  private CloudflareBuildsClient client() {
    return server
        .clientBuilder()
        .sleeper(time)
        .clock(time)
        .accountId("0123456789abcdef0123456789abcdef")
        .progressListener(
            new ProgressListener() {
              @Override
              public void onRequestDone(int done, int total) {}

              @Override
              public void onAwaitPoll(int pending, int total) {
                polls.add(pending + "/" + total);
              }
            })
        .build();
  }

  /** Awaits {@code ids} with a fresh client and returns the timeout it fails with. */
  private AwaitTimeoutException awaitTimeout(List<String> ids, Duration timeout) {
    try (CloudflareBuildsClient client = client()) {
      return catchThrowableOfType(
          AwaitTimeoutException.class, () -> client.awaitBuilds(ids, timeout));
    }
  }

  @Test
  void pollsOnlyWhatIsNotStoppedAtGrowingIntervalsUntilEveryBuildHasStopped() {
    List<String> input = ids(4);
    Map<String, Build> builds;
    try (CloudflareBuildsClient client = client()) {
      builds = client.awaitBuilds(input, Duration.ofMinutes(1));
    }
    assertThat(builds.keySet()).containsExactlyElementsOf(input);
    assertThat(builds.values()).allMatch(build -> build.getStatus() == BuildStatus.STOPPED);
    assertThat(server.requestedIds())
        .containsExactly(input, input.subList(1, 4), input.subList(2, 4), input.subList(3, 4));
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
    assertThat(polls).containsExactly("3/4", "2/4", "1/4", "0/4");
  }

  @Test
  void growsTheIntervalUpToThirtySeconds() {
    Duration interval = BuildsAwaiter.FIRST_INTERVAL;
    for (int i = 0; i < 20; i++) {
      interval = BuildsAwaiter.next(interval);
    }
    assertThat(interval).isEqualTo(Duration.ofSeconds(30));
    assertThat(BuildsAwaiter.next(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void leavesOutVersionsWithNoBuildAndDoesNotPollThemAgain() {
    String none = "00000000-1d7e-4a1b-9c7d-000000000002";
    List<String> input = List.of(ids(2).get(1), none);
    try (CloudflareBuildsClient client = client()) {
      assertThat(client.awaitBuilds(input, Duration.ofMinutes(1))).containsOnlyKeys(input.get(0));
    }
    assertThat(server.requestedIds()).containsExactly(input, input.subList(0, 1));
  }

  @Test
  void throwsWithWhatItLastSawWhenTheTimeoutPassesFirst() {
    List<String> input = ids(9);
    AwaitTimeoutException e = awaitTimeout(input, Duration.ofSeconds(3));
    // Polls at 0 s, 1 s, 2.5 s and, cut short by the timeout, 3 s: the fourth stops version 4.
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e)
        .hasMessage(
            "timed out after 3 s awaiting builds: 5 of 9 not stopped yet ("
                + input.get(4)
                + " running, "
                + input.get(5)
                + " running, "
                + input.get(6)
                + " running, …)");
    assertThat(e.lastSeen().keySet()).containsExactlyElementsOf(input);
    assertThat(e.lastSeen().get(input.get(3)).getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(e.lastSeen().get(input.get(8)).getStatus()).isEqualTo(BuildStatus.RUNNING);
  }

  @Test
  void aZeroTimeoutPollsOnce() {
    try (CloudflareBuildsClient client = client()) {
      assertThatThrownBy(() -> client.awaitBuilds(ids(2), Duration.ZERO))
          .isInstanceOf(AwaitTimeoutException.class);
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void checksItsArgumentsBeforeAnyRequest() {
    try (CloudflareBuildsClient client = client()) {
      assertThatThrownBy(() -> client.awaitBuilds(ids(2), Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("timeout must not be negative but was PT-1S");
      assertThatThrownBy(() -> client.async().awaitBuilds(ids(2), null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("timeout == null");
      assertThatThrownBy(() -> client.awaitBuilds(List.of("nope"), Duration.ofSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void asyncCompletesWithTheStoppedBuilds() throws Exception {
    try (CloudflareBuildsClient client = client()) {
      Map<String, Build> builds =
          client.async().awaitBuilds(ids(3), Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);
      assertThat(builds.keySet()).containsExactlyElementsOf(ids(3));
    }
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void cancellingTheFutureStopsThePolling() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    try (CloudflareBuildsClient client =
        server
            .clientBuilder()
            .sleeper(
                duration -> {
                  sleeping.countDown();
                  try {
                    new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                  }
                })
            .build()) {
      CompletableFuture<Map<String, Build>> future =
          client.async().awaitBuilds("acct", ids(4), Duration.ofMinutes(10));
      assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(future.cancel(true)).isTrue();

      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aTimeoutTooLongToAddToTheClockWaitsAsLongAsItTakes() {
    Map<String, Build> builds;
    try (CloudflareBuildsClient client = client()) {
      builds = client.awaitBuilds(ids(2), Duration.ofMillis(Long.MAX_VALUE));
    }
    assertThat(builds).hasSize(2);
    assertThat(polls).containsExactly("1/2", "0/2");
  }

  @Test
  void aTimeoutNamesUpToThreePendingVersionsWithoutAnEllipsis() {
    List<String> input = ids(4);
    AwaitTimeoutException e = awaitTimeout(input, Duration.ZERO);
    assertThat(e)
        .hasMessage(
            "timed out after 0 s awaiting builds: 3 of 4 not stopped yet ("
                + input.get(1)
                + " queued, "
                + input.get(2)
                + " queued, "
                + input.get(3)
                + " queued)");
  }

  @Test
  void anInterruptedWaitBetweenPollsFailsAndKeepsTheInterrupt() {
    try (CloudflareBuildsClient client =
        server.clientBuilder().clock(time).sleeper(FakeTime.INTERRUPTED).build()) {
      CloudflareIoException e =
          catchThrowableOfType(
              CloudflareIoException.class,
              () -> client.awaitBuilds("acct", ids(2), Duration.ofMinutes(1)));

      assertThat(e).hasMessageContaining("awaiting builds");
      assertThat(Thread.interrupted()).as("interrupt flag of the calling thread").isTrue();
    }
  }
}
