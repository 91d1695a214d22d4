package dev.cfbuilds.redis;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.store.Admission;
import dev.cfbuilds.client.store.SharedStore;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Keeps the rate budget and the stopped builds of every client given this store in one Redis, so
 * that many processes calling the API as one Cloudflare user keep to one budget.
 *
 * <pre>{@code
 * try (RedisStore store = RedisStore.create("redis://localhost:6379/0");
 *     CloudflareBuildsClient client =
 *         CloudflareBuildsClient.builder().fromEnv(System.getenv()).sharedStore(store).build()) {
 *   client.getBuildsByVersionIds(versionIds);
 * }
 * }</pre>
 *
 * <p>Admission is one Lua script over a sorted set, atomic in Redis, with times from Redis's {@code
 * TIME}; see {@code README.md} of {@code cfbuilds-redis} for the keys, the time to live of cached
 * builds and what happens when Redis restarts. Every call fails within the timeout with a {@link
 * RedisStoreException} naming Redis if it cannot be reached; nothing waits for a lock.
 *
 * <p>Thread-safe. Close it after the clients that use it; closing a store made by {@link
 * Builder#client} leaves that client open.
 */
public final class RedisStore implements SharedStore, AutoCloseable {
  /** How long a call may wait to connect to Redis, or for its answer, by default: 2 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** How long a stopped build is kept by default: 1 day. */
  public static final Duration DEFAULT_BUILD_TTL = Duration.ofDays(1);

  /** The prefix of every key by default. */
  public static final String DEFAULT_KEY_PREFIX = "cfbuilds";

  private static final String ADMIT = script("admit.lua");
  private static final String BLOCK = script("block.lua");
  private static final JsonAdapter<Build> BUILD_JSON = ApiWiring.moshi().adapter(Build.class);

  private final UnifiedJedis redis;
  private final boolean ownsClient;
  private final String shownUri;
  private final String prefix;
  private final long buildTtlSeconds;
  private final String restartRule;
  private final String processId = UUID.randomUUID().toString();
  private final AtomicLong requestIds = new AtomicLong();
  private volatile String admitSha;
  private volatile String blockSha;

  private RedisStore(Builder builder, UnifiedJedis redis, boolean ownsClient) {
    this.redis = redis;
    this.ownsClient = ownsClient;
    this.shownUri = builder.shownUri;
    this.prefix = "{" + builder.keyPrefix + "}:";
    this.buildTtlSeconds = builder.buildTtl.toSeconds();
    this.restartRule = builder.restartRule ? "1" : "0";
  }

  /**
   * Returns a store on the Redis at {@code uri}, such as {@code redis://localhost:6379/0} ({@code
   * rediss://} for TLS; a user and password may be given), with the defaults.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   */
  public static RedisStore create(String uri) {
    return builder().uri(uri).build();
  }

  /** Returns a builder; give it a {@link Builder#uri} or a {@link Builder#client}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Admission tryAcquire(int requests, Duration window) {
    if (requests < 1 || window.toMillis() < 1) {
      throw new IllegalArgumentException(
          "requests and window must be positive but were " + requests + " and " + window);
    }
    List<?> answer =
        (List<?>)
            run(
                "admit a request",
                ADMIT,
                true,
                List.of(prefix + "budget:" + window.toMillis(), prefix + "block"),
                List.of(
                    String.valueOf(requests),
                    String.valueOf(window.toMillis()),
                    processId + ':' + requestIds.incrementAndGet(),
                    restartRule));
    if (((Long) answer.get(0)) == 1L) {
      return Admission.admitted();
    }
    long blocked = (Long) answer.get(2);
    return blocked > 0
        ? Admission.blockedFor(Duration.ofMillis(blocked))
        : Admission.waitFor(Duration.ofMillis((Long) answer.get(1)));
  }

  @Override
  public void block(Duration retryAfter) {
    run(
        "remember a 429's block",
        BLOCK,
        false,
        List.of(prefix + "block"),
        List.of(String.valueOf(Math.max(1, retryAfter.toMillis()))));
  }

  @Override
  public Build get(String accountId, String versionId) {
    String json = call("read a cached build", () -> redis.get(buildKey(accountId, versionId)));
    if (json == null) {
      return null;
    }
    try {
      return BUILD_JSON.fromJson(json);
    } catch (IOException | RuntimeException e) {
      // Not ours, or written by another version: fetch the build again rather than fail.
      return null;
    }
  }

  @Override
  public void put(String accountId, String versionId, Build build) {
    String json = BUILD_JSON.toJson(build);
    call(
        "cache a stopped build",
        () ->
            redis.set(
                buildKey(accountId, versionId), json, SetParams.setParams().ex(buildTtlSeconds)));
  }

  /** Closes the connections to Redis, unless the store was given a client. */
  @Override
  public void close() {
    if (ownsClient) {
      redis.close();
    }
  }

  @Override
  public String toString() {
    return "RedisStore{" + shownUri + ", keyPrefix=" + prefix + "}";
  }

  private String buildKey(String accountId, String versionId) {
    return prefix + "build:" + accountId + '/' + versionId;
  }

  /**
   * Runs a script by its SHA, loading it first when Redis does not know it (after a restart). A
   * pooled connection that broke since its last use (Redis restarted) is replaced once; a failure
   * to connect, or a timeout, is not tried again.
   */
  private Object run(
      String what, String script, boolean admit, List<String> keys, List<String> args) {
    return call(what, () -> runOnce(script, admit, keys, args));
  }

  /**
   * Returns what {@code command} returns, running it again once if a pooled connection had broken;
   * fails with a {@link RedisStoreException} saying {@code what} failed.
   */
  private <T> T call(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisConnectionException e) {
      if (!isBrokenConnection(e)) {
        throw failure(what, e);
      }
    } catch (JedisException e) {
      throw failure(what, e);
    }
    try {
      return command.get();
    } catch (JedisException e) {
      throw failure(what, e);
    }
  }

  /** Returns whether {@code e} is a connection that was open and broke, not one that never was. */
  private static boolean isBrokenConnection(JedisConnectionException e) {
    Throwable cause = e.getCause();
    return !(cause instanceof ConnectException || cause instanceof SocketTimeoutException);
  }

  private Object runOnce(String script, boolean admit, List<String> keys, List<String> args) {
    String sha = admit ? admitSha : blockSha;
    if (sha != null) {
      try {
        return redis.evalsha(sha, keys, args);
      } catch (JedisNoScriptException e) {
        // Redis restarted and forgot its scripts: load it again below.
      }
    }
    sha = redis.scriptLoad(script);
    if (admit) {
      admitSha = sha;
    } else {
      blockSha = sha;
    }
    return redis.evalsha(sha, keys, args);
  }

  private RedisStoreException failure(String what, JedisException e) {
    return new RedisStoreException(
        "Redis at "
            + shownUri
            + " failed to "
            + what
            + ": "
            + e.getClass().getSimpleName()
            + (e.getMessage() != null ? ": " + e.getMessage() : "")
            + "; nothing was sent to the API",
        e);
  }

  private static String script(String name) {
    try (InputStream in = RedisStore.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Configures a {@link RedisStore}. Not thread-safe. */
  public static final class Builder {
    private URI uri;
    private UnifiedJedis client;
    private String shownUri;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration buildTtl = DEFAULT_BUILD_TTL;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private boolean restartRule = true;

    private Builder() {}

    /**
     * Connects to the Redis at {@code uri}, such as {@code redis://localhost:6379/0}; the store
     * owns the connections and closes them.
     *
     * @throws IllegalArgumentException if {@code uri} is not a {@code redis://} or {@code
     *     rediss://} URI with a host
     */
    public Builder uri(String uri) {
      Objects.requireNonNull(uri, "uri == null");
      URI parsed;
      try {
        parsed = new URI(uri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a Redis URI (redis://host:port/db)", e);
      }
      if (!JedisURIHelper.isValid(parsed)) {
        throw new IllegalArgumentException(
            "not a Redis URI (redis://host:port/db): " + redacted(parsed));
      }
      this.uri = parsed;
      this.client = null;
      this.shownUri = redacted(parsed);
      return this;
    }

    /**
     * Uses {@code client}, which the caller keeps and closes, instead of a {@link #uri}. Its own
     * timeouts apply, not {@link #timeout}.
     */
    public Builder client(UnifiedJedis client) {
      this.client = Objects.requireNonNull(client, "client == null");
      this.uri = null;
      this.shownUri = "(a client given)";
      return this;
    }

    /**
     * Sets how long a call may wait to connect, for a pooled connection, or for an answer, before
     * it fails. Default {@link #DEFAULT_TIMEOUT}.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets how long a stopped build is kept. Default {@link #DEFAULT_BUILD_TTL}. */
    public Builder buildTtl(Duration buildTtl) {
      Objects.requireNonNull(buildTtl, "buildTtl == null");
      if (buildTtl.toSeconds() < 1) {
        throw new IllegalArgumentException("buildTtl must be at least 1 s but was " + buildTtl);
      }
      this.buildTtl = buildTtl;
      return this;
    }

    /**
     * Sets the prefix of every key; stores with different prefixes share nothing. Default {@value
     * #DEFAULT_KEY_PREFIX}.
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      if (keyPrefix.isEmpty() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
        throw new IllegalArgumentException("keyPrefix must be non-empty, without { or }");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Admits requests however recently Redis started, dropping the rule that a Redis up for less
     * than a window admits nothing. Only for the test that shows the rule is needed: without it, a
     * restarted Redis lets a second window's worth through.
     */
    Builder withoutRestartRule() {
      this.restartRule = false;
      return this;
    }

    /**
     * Builds the store. Connects lazily: an unreachable Redis fails the first call, within the
     * timeout.
     *
     * @throws IllegalStateException if neither a URI nor a client was given
     */
    public RedisStore build() {
      if (client != null) {
        return new RedisStore(this, client, false);
      }
      if (uri == null) {
        throw new IllegalStateException("give a uri(...) or a client(...)");
      }
      int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
      DefaultJedisClientConfig.Builder config =
          DefaultJedisClientConfig.builder()
              .connectionTimeoutMillis(millis)
              .socketTimeoutMillis(millis)
              .blockingSocketTimeoutMillis(millis)
              .database(JedisURIHelper.getDBIndex(uri))
              .ssl(JedisURIHelper.isRedisSSLScheme(uri))
              .clientName("cfbuilds");
      if (JedisURIHelper.getPassword(uri) != null) {
        config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
      }
      GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
      pool.setMaxTotal(16);
      pool.setMaxWait(timeout);
      RedisClient redis =
          RedisClient.builder()
              .hostAndPort(JedisURIHelper.getHostAndPort(uri))
              .clientConfig(config.build())
              .poolConfig(pool)
              .build();
      return new RedisStore(this, redis, true);
    }

    /** Returns {@code uri} without its user information, which may hold a password. */
    private static String redacted(URI uri) {
      if (uri.getRawUserInfo() == null) {
        return uri.toString();
      }
      try {
        return new URI(
                uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
            + " (credentials redacted)";
      } catch (URISyntaxException e) {
        return "<redacted>";
      }
    }
  }
}
