package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.RateBudgetTest.assertAtMostPerWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.client.errors.SharedStoreException;
import dev.cfbuilds.client.store.Admission;
import dev.cfbuilds.client.store.SharedStore;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the client uses a {@link SharedStore}: an in-memory one here, on the fake clock; the Redis
 * one is tested on a real Redis in {@code cfbuilds-redis}.
 */
class SharedStoreTest {
  private final BuildsServer server = new BuildsServer();
  private final FakeTime time = new FakeTime();
  private final MemoryStore store = new MemoryStore(time);

  SharedStoreTest() throws Exception {
    server.recordArrivals(time);
  }

  @AfterEach
  void close() {
    server.close();
  }

  private CloudflareBuildsClient.Builder builder() {
    return server
        .clientBuilder()
        .sleeper(time)
        .clock(time)
        .rateLimit(5, Duration.ofSeconds(60))
        .maxConcurrentRequests(1); // one at a time: a sleep moves the fake clock for all threads
  }

  @Test
  void clientsSharingAStoreKeepToOneBudget() {
    runTwoClients(store, store);
    assertThat(server.arrivals()).hasSize(12);
    assertAtMostPerWindow(server.arrivals(), 5, Duration.ofSeconds(60));
  }

  @Test
  void clientsWithSeparateBudgetsExceedIt() {
    runTwoClients(store, new MemoryStore(time));
    assertThatThrownBy(() -> assertAtMostPerWindow(server.arrivals(), 5, Duration.ofSeconds(60)))
        .isInstanceOf(AssertionError.class);
  }

  /** Runs two clients, each well within its own budget, one call of each in turn. */
  private void runTwoClients(SharedStore first, SharedStore second) {
    try (CloudflareBuildsClient a = builder().sharedStore(first).build();
        CloudflareBuildsClient b = builder().sharedStore(second).build()) {
      for (int i = 0; i < 3; i++) {
        a.getBuildsByVersionIds("acct", ids(40));
        b.getBuildsByVersionIds("acct", ids(40));
      }
    }
  }

  @Test
  void aLongBlockOneClientMetStopsTheOthers() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "300").body("{}").build());
    try (CloudflareBuildsClient a = builder().sharedStore(store).build();
        CloudflareBuildsClient b = builder().sharedStore(store).build()) {
      assertThatThrownBy(() -> a.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(RateLimitException.class);
      time.advance(Duration.ofSeconds(100));
      assertThatThrownBy(() -> b.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(RateLimitException.class)
          .hasMessageContaining("no client sharing it sends for 200 s more");
      time.advance(Duration.ofSeconds(201));
      assertThat(b.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
    }
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aFailingStoreFailsTheCallOnceWithoutSendingOrRetrying() {
    AtomicInteger asked = new AtomicInteger();
    SharedStore down =
        new MemoryStore(time) {
          @Override
          public Admission tryAcquire(int requests, Duration window) {
            asked.incrementAndGet();
            throw new SharedStoreException("Redis at redis://127.0.0.1:1 is unreachable", null);
          }
        };
    try (CloudflareBuildsClient client = builder().sharedStore(down).maxRetries(2).build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(SharedStoreException.class)
          .hasMessage("Redis at redis://127.0.0.1:1 is unreachable");
      assertThatThrownBy(() -> client.async().getBuildsByVersionIds("acct", ids(1)).join())
          .hasCauseInstanceOf(SharedStoreException.class);
    }
    assertThat(server.requests()).isEmpty();
    assertThat(asked).hasValue(2);
  }

  @Test
  void aClientFindsTheStoppedBuildsAnotherFetched() {
    server.statuses((id, asked) -> BuildStatus.STOPPED);
    try (CloudflareBuildsClient a = builder().sharedStore(store).build();
        CloudflareBuildsClient b = builder().sharedStore(store).build()) {
      a.getBuildsByVersionIds("acct", ids(20));
      assertThat(b.getBuildsByVersionIds("acct", ids(20))).hasSize(20);
    }
    assertThat(server.requests()).hasSize(1);
  }

  /** The sample of client-ext/README.md, which must compile. */
  static CloudflareBuildsClient readmeSample(SharedStore store) {
    CloudflareBuildsClient client =
        CloudflareBuildsClient.builder().fromEnv(System.getenv()).sharedStore(store).build();
    return client;
  }

  /** A shared store in memory, on the given clock: a sliding-window log, a block, a map. */
  static class MemoryStore implements SharedStore {
    private final Clock clock;
    private final Deque<Long> sent = new ArrayDeque<>();
    private final Map<String, Build> builds = new ConcurrentHashMap<>();
    private long blockedUntil;

    MemoryStore(Clock clock) {
      this.clock = clock;
    }

    @Override
    public synchronized Admission tryAcquire(int requests, Duration window) {
      long now = clock.millis();
      if (blockedUntil > now) {
        return Admission.blockedFor(Duration.ofMillis(blockedUntil - now));
      }
      while (!sent.isEmpty() && sent.peekFirst() <= now - window.toMillis()) {
        sent.removeFirst();
      }
      if (sent.size() >= requests) {
        return Admission.waitFor(Duration.ofMillis(sent.peekFirst() + window.toMillis() - now));
      }
      sent.addLast(now);
      return Admission.admitted();
    }

    @Override
    public synchronized void block(Duration retryAfter) {
      blockedUntil = Math.max(blockedUntil, clock.millis() + retryAfter.toMillis());
    }

    @Override
    public Build get(String accountId, String versionId) {
      return builds.get(accountId + '/' + versionId);
    }

    @Override
    public void put(String accountId, String versionId, Build build) {
      builds.put(accountId + '/' + versionId, build);
    }
  }
}
