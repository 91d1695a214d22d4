package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Times what a rate budget costs per admitted request when it never has to wait: one call for one
 * version ID (one request, the smallest response, so that the budget's share is as large as it
 * gets) from a loopback server with no added latency, once per {@link Budget}. The difference from
 * {@link Budget#NONE} in the same run is the budget's cost: counting the request, and reading the
 * rate-limit headers of its response, and for {@link Budget#REDIS} also admitting it in Redis on
 * loopback.
 */
public class RateBudgetBenchmark extends MicrosecondBenchmark {
  /**
   * The budgets compared. JMH runs every constant (an enum {@code @Param} without values), so a
   * further budget is one more constant.
   */
  public enum Budget {
    /** {@code noRateLimit()}: nothing counted, the baseline. */
    NONE(CloudflareBuildsClient.Builder::noRateLimit, false),

    /**
     * The client's own sliding-window log, {@code rateLimit(Integer.MAX_VALUE, 1 s)}: it would wait
     * only after 2<sup>31</sup> − 1 requests within one second, which no machine sends, while the
     * log holds only the last second's sends (a few thousand entries, the same order as the
     * default's 1,200; adding and dropping an entry does not depend on the length). Redis's sorted
     * set holds as many for {@link #REDIS}.
     */
    IN_MEMORY(builder -> builder.rateLimit(NEVER_FULL, WINDOW), false),

    /**
     * {@link #IN_MEMORY} and a {@link RedisStore} (what {@code CFBUILDS_REDIS_URL} gives the CLI):
     * every request is also admitted by the store's script, one round trip to Redis on loopback.
     * Redis is the one {@code CFBUILDS_REDIS_URL} names, else a {@code redis-server} started for
     * the trial; either way the trial starts once Redis admits requests (a Redis up for less than a
     * window admits nothing).
     */
    REDIS(builder -> builder.rateLimit(NEVER_FULL, WINDOW), true);

    private final UnaryOperator<CloudflareBuildsClient.Builder> setting;
    private final boolean shared;

    Budget(UnaryOperator<CloudflareBuildsClient.Builder> setting, boolean shared) {
      this.setting = setting;
      this.shared = shared;
    }

    /** Returns {@code builder} with this budget set. */
    CloudflareBuildsClient.Builder apply(CloudflareBuildsClient.Builder builder) {
      return setting.apply(builder);
    }
  }

  /** The requests per window of {@link Budget#IN_MEMORY}: more than can ever be sent in one. */
  public static final int NEVER_FULL = Integer.MAX_VALUE;

  /** The window of {@link Budget#IN_MEMORY}: short, so that the log of sends stays small. */
  public static final Duration WINDOW = Duration.ofSeconds(1);

  /** The window the client asks Redis for: {@link #WINDOW} and the client's margin, a sixtieth. */
  static final Duration STORE_WINDOW = WINDOW.plus(WINDOW.dividedBy(60));

  /** The budget under test. */
  @Param public Budget budget;

  LoopbackServer server;
  private CloudflareBuildsClient client;
  private List<String> ids;
  private BenchmarkRedis redis;
  private RedisStore store;

  /** Starts the server (and Redis, for {@link Budget#REDIS}) and builds the client. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    server = LoopbackServer.start(SamplePayload.load(), Duration.ZERO);
    CloudflareBuildsClient.Builder builder = budget.apply(Fixtures.ours(server.baseUrl()));
    if (budget.shared) {
      redis = BenchmarkRedis.open();
      store = redis.store("cfbuilds-benchmark", STORE_WINDOW);
      builder.sharedStore(store);
    }
    client = builder.build();
    ids = Fixtures.versionIds(1);
  }

  /** One call, one request, one build. */
  @Benchmark
  public Map<String, Build> call() {
    return client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids);
  }

  /** Closes the client, the server, and Redis if it was started here. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    client.close();
    server.close();
    if (store != null) {
      store.close();
      redis.close();
    }
  }
}
