package dev.cfbuilds.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.redis.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis store on a real {@code redis-server} (started here on a free loopback port), with a
 * small budget, 10 requests per 2 s, so that each check takes seconds.
 *
 * <p>Arrivals are checked in windows of 1.9 s: the client's margin (a sixtieth of the window, 33 ms
 * here) is meant for network latency, and on a shared, loaded test machine a thread can pause
 * longer than that between its admission and its request; the control with separate budgets exceeds
 * the budget by far more than that tolerance hides.
 */
class RedisStoreTest {
  static final int REQUESTS = 10;
  static final Duration PER = Duration.ofSeconds(2);
  static final long CHECKED_WINDOW_MILLIS = 1_900;

  /** The window the clients ask the store for: {@link #PER} and the client's margin. */
  static final Duration CLIENT_WINDOW = PER.plusMillis(PER.toMillis() / 60);

  private static RedisServer redis;
  private static final AtomicInteger prefixes = new AtomicInteger();

  private final StubApi api;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  RedisStoreTest() throws Exception {
    api = new StubApi();
  }

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
    redis.awaitFirstWindow(CLIENT_WINDOW);
    warmUp();
  }

  /**
   * Makes one call through a client with a store, against a stub and under a key prefix no test
   * uses, so that the first call a test times does not load classes between its admission and its
   * request (which took 400 ms on a loaded machine, far past the client's margin).
   */
  private static void warmUp() throws Exception {
    try (StubApi stub = new StubApi();
        RedisStore store = RedisStore.builder().uri(redis.uri()).keyPrefix("warm-up").build();
        CloudflareBuildsClient client =
            CloudflareBuildsClient.builder()
                .apiToken("test-token")
                .baseUrl(stub.baseUrl())
                .rateLimit(REQUESTS, PER)
                .sharedStore(store)
                .build()) {
      client.getBuildsByVersionIds(StubApi.ACCOUNT, StubApi.ids(1));
    }
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    api.close();
  }

  private RedisStore store(RedisServer server, String prefix) {
    return store(RedisStore.builder().uri(server.uri()).keyPrefix(prefix));
  }

  private RedisStore store(RedisStore.Builder builder) {
    RedisStore store = builder.timeout(Duration.ofMillis(500)).build();
    toClose.add(store);
    return store;
  }

  private CloudflareBuildsClient client(RedisStore store) {
    CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiToken("test-token")
            .baseUrl(api.baseUrl())
            .rateLimit(REQUESTS, PER)
            .sharedStore(store)
            .build();
    toClose.add(client);
    return client;
  }

  /**
   * Runs {@code clients} threads, each asking for one build again and again for {@code millis},
   * through the client {@code clientOf} returns for its number. A call that fails because Redis
   * cannot be reached (while it restarts) is tried again after 50 ms; any other failure fails the
   * test.
   */
  private static void hammer(int clients, long millis, IntFunction<CloudflareBuildsClient> clientOf)
      throws InterruptedException {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      CloudflareBuildsClient client = clientOf.apply(c);
      int number = c;
      Thread thread =
          new Thread(
              () -> {
                int round = 0;
                while (System.nanoTime() < end) {
                  // A new ID each time, and for each client, so that the shared cache does not
                  // answer instead of the API.
                  String id =
                      String.format("8e5e3a2a-1d7e-4a1b-9c7d-%012d", round++ * 100 + number);
                  try {
                    client.getBuildsByVersionIds(StubApi.ACCOUNT, List.of(id));
                  } catch (RedisStoreException e) {
                    sleep(50);
                  } catch (RuntimeException | Error e) {
                    failures.add(e);
                    return;
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void clientsSharingRedisKeepToOneBudget() throws Exception {
    String prefix = "shared" + prefixes.incrementAndGet();
    hammer(3, 4_500, c -> client(store(redis, prefix)));
    assertThat(api.arrivals()).hasSizeGreaterThanOrEqualTo(2 * REQUESTS);
    assertThat(api.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", api.arrivals())
        .isLessThanOrEqualTo(REQUESTS);
  }

  @Test
  void clientsWithSeparateBudgetsExceedIt() throws Exception {
    hammer(3, 4_500, c -> client(store(redis, "separate" + prefixes.incrementAndGet())));
    assertThat(api.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", api.arrivals())
        .isGreaterThan(REQUESTS);
  }

  @Test
  void aSecondClientDoesNotFetchTheBuildsTheFirstSawStopped() {
    String prefix = "cache" + prefixes.incrementAndGet();
    List<String> ids = StubApi.ids(30);
    client(store(redis, prefix)).getBuildsByVersionIds(StubApi.ACCOUNT, ids);
    int sent = api.arrivals().size();

    Map<String, ?> builds =
        client(store(redis, prefix)).getBuildsByVersionIds(StubApi.ACCOUNT, ids);

    assertThat(builds).hasSize(30);
    assertThat(api.arrivals()).hasSize(sent);
    assertThat(api.askedIds()).hasSize(30);
  }

  @Test
  void anUnreachableRedisFailsTheCallFastNamingRedis() throws Exception {
    int port = RedisServer.freePort();
    RedisStore store =
        RedisStore.builder()
            .uri("redis://127.0.0.1:" + port + "/0")
            .timeout(Duration.ofMillis(500))
            .build();
    toClose.add(store);
    CloudflareBuildsClient client = client(store);
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.getBuildsByVersionIds(StubApi.ACCOUNT, StubApi.ids(1)))
        .isInstanceOf(RedisStoreException.class)
        .hasMessageStartingWith("Redis at redis://127.0.0.1:" + port + "/0 failed to ")
        .hasMessageEndingWith("; nothing was sent to the API");

    // Refused at once, and tried once: no retries, no hang. (Generous: a loaded machine is slow.)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(api.arrivals()).isEmpty();
  }

  @Test
  void redisGoingAwayMidRunFailsTheNextCall() throws Exception {
    try (RedisServer own = RedisServer.start()) {
      CloudflareBuildsClient client = client(store(own, "gone"));
      client.getBuildsByVersionIds(StubApi.ACCOUNT, StubApi.ids(1));
      own.kill();

      assertThatThrownBy(() -> client.getBuildsByVersionIds(StubApi.ACCOUNT, StubApi.ids(2)))
          .isInstanceOf(RedisStoreException.class)
          .hasMessageContaining("Redis at " + own.uri() + " failed to ");
      assertThat(api.arrivals()).hasSize(1);
    }
  }

  @Test
  void aRedisRestartMidRunKeepsTheBudgetsPromise() throws Exception {
    long restarted =
        hammerAcrossARestart(own -> RedisStore.builder().uri(own.uri()).keyPrefix("restart"));

    assertThat(api.arrivals()).hasSizeGreaterThanOrEqualTo(2 * REQUESTS);
    // The clients went on after the restart, once the new Redis's first window had passed.
    assertThat(api.arrivals()).anyMatch(arrival -> arrival > restarted);
    assertThat(api.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", api.arrivals())
        .isLessThanOrEqualTo(REQUESTS);
  }

  /**
   * The control of the check above: without the rule that a Redis up for less than a window admits
   * nothing, the restarted Redis has forgotten the window's admissions and lets a second window's
   * worth through.
   */
  @Test
  void withoutTheRestartRuleARestartBreaksThePromise() throws Exception {
    hammerAcrossARestart(
        own -> RedisStore.builder().uri(own.uri()).keyPrefix("restart").withoutRestartRule());

    assertThat(api.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", api.arrivals())
        .isGreaterThan(REQUESTS);
  }

  /**
   * Runs three clients, each with a store {@code storeOf} configures on a Redis of their own, for 7
   * s, and restarts that Redis (empty, as without persistence) as soon as the stub has seen two
   * windows' worth: the first window's, and the second's, just admitted, which the restart makes
   * Redis forget. Returns when the new Redis answered ({@link System#nanoTime()}).
   */
  private long hammerAcrossARestart(Function<RedisServer, RedisStore.Builder> storeOf)
      throws Exception {
    AtomicLong restarted = new AtomicLong(Long.MAX_VALUE);
    try (RedisServer own = RedisServer.start()) {
      own.awaitFirstWindow(CLIENT_WINDOW);
      Thread restarter =
          new Thread(
              () -> {
                try {
                  long giveUp = System.nanoTime() + 10_000_000_000L;
                  while (api.arrivals().size() < 2 * REQUESTS && System.nanoTime() < giveUp) {
                    Thread.sleep(5);
                  }
                  own.restart();
                  restarted.set(System.nanoTime());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      restarter.start();
      hammer(3, 7_000, c -> client(store(storeOf.apply(own))));
      restarter.join();
    }
    return restarted.get();
  }
}
