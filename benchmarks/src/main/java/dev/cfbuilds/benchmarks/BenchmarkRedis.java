package dev.cfbuilds.benchmarks;

import dev.cfbuilds.redis.RedisStore;
import dev.cfbuilds.redis.testing.RedisServer;
import java.io.IOException;
import java.time.Duration;

/**
 * The Redis a benchmark shares its budget through: the one {@code CFBUILDS_REDIS_URL} names, as the
 * CLI reads it, else a {@code redis-server} (from the {@code PATH}) started on a free loopback port
 * and killed by {@link #close()}.
 */
final class BenchmarkRedis implements AutoCloseable {
  /** The environment variable naming a Redis to use instead of starting one. */
  static final String URL_VARIABLE = "CFBUILDS_REDIS_URL";

  private final RedisServer own;
  private final String uri;

  private BenchmarkRedis(RedisServer own, String uri) {
    this.own = own;
    this.uri = uri;
  }

  /** Returns the Redis {@code CFBUILDS_REDIS_URL} names, or starts one. */
  static BenchmarkRedis open() throws IOException {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new BenchmarkRedis(null, url.strip());
    }
    RedisServer server = RedisServer.start();
    return new BenchmarkRedis(server, server.uri());
  }

  String uri() {
    return uri;
  }

  /** Returns whether this Redis was started here, rather than named by the environment. */
  boolean startedHere() {
    return own != null;
  }

  /**
   * Waits until Redis admits requests to a budget of {@code window} (a Redis up for less than a
   * window admits nothing), then returns a store on it whose keys start with {@code keyPrefix}.
   */
  RedisStore store(String keyPrefix, Duration window) throws InterruptedException {
    RedisServer.awaitFirstWindow(uri, window);
    return RedisStore.builder().uri(uri).keyPrefix(keyPrefix).build();
  }

  @Override
  public void close() throws InterruptedException {
    if (own != null) {
      own.close();
    }
  }
}
