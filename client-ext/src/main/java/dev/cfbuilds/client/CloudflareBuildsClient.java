package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.internal.AccountIds;
import dev.cfbuilds.client.internal.BuildsService;
import dev.cfbuilds.client.internal.BuildsService.Caller;
import dev.cfbuilds.client.internal.BuildsService.OnFailure;
import dev.cfbuilds.client.internal.Futures;
import dev.cfbuilds.client.internal.ReadApi;
import dev.cfbuilds.client.internal.VersionIds;
import dev.cfbuilds.client.internal.WorkerNames;
import dev.cfbuilds.client.internal.WriteApi;
import dev.cfbuilds.client.store.SharedStore;
import dev.cfbuilds.generated.model.Build;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * A client for Cloudflare's Workers Builds API: which build produced each Worker version.
 *
 * <pre>{@code
 * try (CloudflareBuildsClient client = CloudflareBuildsClient.fromEnv()) {
 *   Map<String, Build> builds = client.getBuildsByVersionIds(versionIds);
 * }
 * }</pre>
 *
 * <p>Any number of version IDs may be given: they are checked, lower-cased and de-duplicated, then
 * sent in requests of at most {@value #MAX_VERSION_IDS_PER_REQUEST}, up to {@code
 * maxConcurrentRequests} at once, and the results merged in input order.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #async()} is a view of the same client.
 * Close it when done to release its connections and threads (unless it was built on a shared {@link
 * OkHttpClient}, which stays open).
 */
public final class CloudflareBuildsClient implements AutoCloseable {
  /** The most version IDs the API accepts in one request. */
  public static final int MAX_VERSION_IDS_PER_REQUEST = 20;

  private static final String VERSION_RESOURCE = "/dev/cfbuilds/client/cfbuilds.properties";
  private static final String VERSION = readVersion();

  private final BuildsService service;
  private final OkHttpClient okHttpClient;
  private final ClientConfig config;
  private final String description;
  private final AsyncCloudflareBuildsClient async;
  private final ReadApi readApi;
  private final WorkerNames workerNames;
  private final WriteApi writeApi;
  private volatile boolean closed;

  private CloudflareBuildsClient(BuildsService service, ClientConfig config, String description) {
    this.service = service;
    this.okHttpClient = service.okHttpClient();
    this.config = config;
    this.description = description;
    this.async = new AsyncCloudflareBuildsClient(this);
    this.readApi = ReadApi.of(service, service.settings().clock());
    this.workerNames = new WorkerNames(readApi);
    this.writeApi = WriteApi.of(service, readApi);
  }

  /**
   * Returns this library's version, such as {@code 0.1.0}, which its {@code User-Agent} carries.
   */
  public static String version() {
    return VERSION;
  }

  /** Returns a builder; call {@code apiToken} or {@code apiKey} on it before {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this client's settings, credentials included, to build a client that
   * differs in some of them: {@code client.newBuilder().maxRetries(0).build()}. The new client
   * shares nothing with this one but an {@code OkHttpClient} that was passed to {@link
   * Builder#okHttpClient}; closing either leaves the other open.
   */
  public Builder newBuilder() {
    return new Builder(config.copy());
  }

  /**
   * Returns a client configured from the environment: {@code CLOUDFLARE_API_TOKEN}, or {@code
   * CLOUDFLARE_EMAIL} with {@code CLOUDFLARE_API_KEY}; {@code CLOUDFLARE_ACCOUNT_ID} and {@code
   * CLOUDFLARE_BASE_URL} if set. The token wins when both kinds of credentials are set.
   *
   * @throws IllegalArgumentException naming the variables if no credentials are set, or if a value
   *     is not valid
   */
  public static CloudflareBuildsClient fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  /**
   * Returns the builds of {@code versionIds} in {@code accountId}, keyed by lower-case version ID
   * in the order given. A version without a build is not in the map.
   *
   * <p>If any request fails after its retries, the call fails with that request's exception and
   * cancels the others; use {@link #lookupBuildsByVersionIds} to keep what the others found.
   *
   * <p>A value of a type the spec does not expect fails nothing: its getter returns {@code null}
   * and the value is kept on the model ({@code build._mismatchedPaths()} lists them); {@link
   * #lookupBuildsByVersionIds} reports them for the whole lookup.
   *
   * @param accountId the Cloudflare account identifier
   * @param versionIds Worker version IDs (UUIDs), any number, either case; duplicates are ignored
   * @throws NullPointerException if an argument or an ID is null
   * @throws IllegalArgumentException if the account ID or an ID is not valid; nothing is sent
   * @throws CloudflareException if a request fails; see the subclasses in {@code
   *     dev.cfbuilds.client.errors}
   */
  public Map<String, Build> getBuildsByVersionIds(String accountId, Collection<String> versionIds) {
    return Futures.await(fetch(accountId, versionIds, OnFailure.FAIL_CALL, Caller.BLOCKS)).builds();
  }

  /**
   * Returns the builds of {@code versionIds} in the builder's default account; see {@link
   * #getBuildsByVersionIds(String, Collection)}.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public Map<String, Build> getBuildsByVersionIds(Collection<String> versionIds) {
    return getBuildsByVersionIds(defaultAccountId(), versionIds);
  }

  /**
   * Looks up the builds of {@code versionIds} and returns what was found even when some requests
   * failed: every request runs to the end, and the result holds the builds of the successful ones
   * beside the failed IDs and their exceptions.
   *
   * @throws NullPointerException if an argument or an ID is null
   * @throws IllegalArgumentException if the account ID or an ID is not valid; nothing is sent
   */
  public BuildsLookup lookupBuildsByVersionIds(String accountId, Collection<String> versionIds) {
    return Futures.await(fetch(accountId, versionIds, OnFailure.KEEP_GOING, Caller.BLOCKS));
  }

  /**
   * Looks up the builds of {@code versionIds} in the builder's default account; see {@link
   * #lookupBuildsByVersionIds(String, Collection)}.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public BuildsLookup lookupBuildsByVersionIds(Collection<String> versionIds) {
    return lookupBuildsByVersionIds(defaultAccountId(), versionIds);
  }

  /**
   * Waits until the build of every one of {@code versionIds} has stopped, and returns the builds,
   * keyed by lower-case version ID in the order given.
   *
   * <p>It polls: each poll fetches only the versions whose build has not stopped yet, through the
   * client's rate budget (and its cache, if on). The first poll is at once, the next 1 second
   * later, each interval then 1.5 times the one before, up to 30 seconds. A version with no build
   * is not waited for: it is absent from the result, as in {@link #getBuildsByVersionIds}. The
   * {@link ProgressListener} hears {@code onAwaitPoll} after each poll. Waits go through the
   * builder's {@link Sleeper} and {@link Clock}.
   *
   * @param timeout how long to wait; {@link Duration#ZERO} polls once. A poll under way when it
   *     passes is finished first.
   * @throws dev.cfbuilds.client.errors.AwaitTimeoutException if {@code timeout} passes before every
   *     build has stopped; its {@code lastSeen()} holds the builds as last seen
   * @throws NullPointerException if an argument or an ID is null
   * @throws IllegalArgumentException if the account ID or an ID is not valid, or {@code timeout} is
   *     negative; nothing is sent
   * @throws CloudflareException if a poll fails after its retries
   */
  public Map<String, Build> awaitBuilds(
      String accountId, Collection<String> versionIds, Duration timeout) {
    return awaiter(accountId, versionIds, timeout).run(Caller.BLOCKS);
  }

  /**
   * Waits until the build of every one of {@code versionIds} in the builder's default account has
   * stopped; see {@link #awaitBuilds(String, Collection, Duration)}.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public Map<String, Build> awaitBuilds(Collection<String> versionIds, Duration timeout) {
    return awaitBuilds(defaultAccountId(), versionIds, timeout);
  }

  /**
   * Returns the Builds API's reads in the builder's default account: a build, its log, a Worker's
   * builds, the latest build of many Workers.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public BuildsResource builds() {
    return builds(defaultAccountId());
  }

  /**
   * Returns the Builds API's reads in {@code accountId}; see {@link #builds()}.
   *
   * @throws IllegalArgumentException if the account ID is not valid
   */
  public BuildsResource builds(String accountId) {
    return new BuildsResource(
        this,
        readApi,
        workerNames,
        AccountIds.check(accountId),
        service.settings().sleeper(),
        service.settings().progress());
  }

  /**
   * Returns the Workers API's reads in the builder's default account: deployments, what is live and
   * from which builds, a name's tag.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public WorkersResource workers() {
    return workers(defaultAccountId());
  }

  /**
   * Returns the Workers API's reads in {@code accountId}; see {@link #workers()}.
   *
   * @throws IllegalArgumentException if the account ID is not valid
   */
  public WorkersResource workers(String accountId) {
    return new WorkersResource(this, readApi, workerNames, AccountIds.check(accountId));
  }

  /**
   * Returns the build triggers in the builder's default account: a Worker's triggers, and starting
   * a build from one.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public TriggersResource triggers() {
    return triggers(defaultAccountId());
  }

  /**
   * Returns the build triggers in {@code accountId}; see {@link #triggers()}.
   *
   * @throws IllegalArgumentException if the account ID is not valid
   */
  public TriggersResource triggers(String accountId) {
    return new TriggersResource(this, readApi, writeApi, workerNames, AccountIds.check(accountId));
  }

  /** Returns the requests that change something, for the resources. */
  WriteApi writeApi() {
    return writeApi;
  }

  /** Throws if the client is closed. */
  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
  }

  /** Returns the asynchronous view of this client, which shares its connections and limits. */
  public AsyncCloudflareBuildsClient async() {
    return async;
  }

  /**
   * Closes the client: cancels its requests, ends their waits before retries, and releases its
   * connections and threads. Does nothing to an {@code OkHttpClient} that was passed in, and
   * nothing when called again.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (service.ownsOkHttpClient()) {
      okHttpClient.dispatcher().cancelAll();
      // shutdownNow() interrupts the threads: a request waiting to be retried (up to maxRetryAfter)
      // ends now instead of keeping its non-daemon thread, and the JVM, alive until the wait is
      // over.
      okHttpClient.dispatcher().executorService().shutdownNow();
      okHttpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  CompletableFuture<BuildsLookup> fetch(
      String accountId, Collection<String> versionIds, OnFailure onFailure, Caller caller) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    return service.fetch(accountId, versionIds, onFailure, caller);
  }

  /** Checks the arguments of an {@code awaitBuilds} call and returns its poller. */
  BuildsAwaiter awaiter(String accountId, Collection<String> versionIds, Duration timeout) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    String account = AccountIds.check(accountId);
    List<String> ids = VersionIds.normalize(versionIds);
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative but was " + timeout);
    }
    return new BuildsAwaiter(service, account, ids, timeout);
  }

  /** Runs {@code awaiter} on the client's threads; cancelling the returned future stops it. */
  CompletableFuture<Map<String, Build>> startAwait(BuildsAwaiter awaiter) {
    return awaiter.start(okHttpClient.dispatcher().executorService());
  }

  String defaultAccountId() {
    String defaultAccountId = config.accountId;
    if (defaultAccountId == null) {
      throw new IllegalStateException(
          "no default account: pass an accountId, or set one with"
              + " Builder.accountId(...) or CLOUDFLARE_ACCOUNT_ID");
    }
    return defaultAccountId;
  }

  /**
   * Returns {@code value}, or throws a {@code NullPointerException} saying {@code "name == null"},
   * as Retrofit words it.
   */
  static <T> T requireNonNull(T value, String name) {
    return Objects.requireNonNull(value, name + " == null");
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = CloudflareBuildsClient.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + VERSION_RESOURCE);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /**
   * Configures a {@link CloudflareBuildsClient}. Every setting but the credentials has a default;
   * see the README's configuration table. Not thread-safe; the client it builds is.
   */
  public static final class Builder {
    /** The default API root. */
    public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4/";

    static final int DEFAULT_MAX_RETRIES = 2;
    static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** Cloudflare's limit: 1,200 requests per 5 minutes per user, across all their clients. */
    static final int DEFAULT_RATE_LIMIT_REQUESTS = 1200;

    static final Duration DEFAULT_RATE_LIMIT_PER = Duration.ofMinutes(5);

    private final ClientConfig config;

    Builder() {
      this(new ClientConfig());
    }

    private Builder(ClientConfig config) {
      this.config = config;
    }

    /**
     * Authenticates with an API token ({@code Authorization: Bearer}), the preferred scheme;
     * replaces an {@link #apiKey} set before. The token needs Workers CI Read or Workers CI Write.
     */
    public Builder apiToken(String apiToken) {
      config.apiToken = requireNonNull(apiToken, "apiToken");
      config.email = null;
      config.apiKey = null;
      return this;
    }

    /**
     * Authenticates with the legacy email and Global API key ({@code X-Auth-Email}, {@code
     * X-Auth-Key}); replaces an {@link #apiToken} set before.
     */
    public Builder apiKey(String email, String globalApiKey) {
      config.email = requireNonNull(email, "email");
      config.apiKey = requireNonNull(globalApiKey, "apiKey");
      config.apiToken = null;
      return this;
    }

    /** Sets the account the overloads without an {@code accountId} use. No default. */
    public Builder accountId(String accountId) {
      config.accountId = AccountIds.check(accountId);
      return this;
    }

    /**
     * Sets the API root. Default {@value #DEFAULT_BASE_URL}. It must be {@code https}, except for a
     * loopback host (a local stub or test server); a missing final {@code /} is added.
     */
    public Builder baseUrl(String baseUrl) {
      config.baseUrl = requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Sets how many times a failed request is retried. Default 2; 0 turns retries off. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0 but was " + maxRetries);
      }
      config.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client waits for before retrying; when the server
     * asks for longer, the call fails at once with the exception for the response's status: a
     * {@code RateLimitException} for 429, an {@code InternalServerException} for a 503. Default 60
     * seconds.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      config.maxRetryAfter = ClientConfig.requireNonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the client's rate budget: it sends at most {@code requests} requests in any window of
     * length {@code per}, wherever the window starts, counting every request it sends, retries
     * included, across blocking and async calls. A request over budget waits (through the {@link
     * #sleeper} and {@link #clock}) until it fits; it never fails for lack of budget, though {@link
     * #callTimeout} still bounds it. Default Cloudflare's limit, 1,200 per 5 minutes, which counts
     * every client of the same user: lower it if other tools share the user's quota.
     *
     * <p>The client also obeys the server's {@code RateLimit}, {@code RateLimit-Policy} and {@code
     * X-RateLimit-*} headers, slowing down before the server would answer 429.
     */
    public Builder rateLimit(int requests, Duration per) {
      config.rateLimitRequests = ClientConfig.requirePositive(requests, "requests");
      config.rateLimitPer = ClientConfig.requirePositive(per, "per");
      config.rateLimited = true;
      return this;
    }

    /**
     * Turns the rate budget off, the server's rate-limit headers included: requests go as fast as
     * {@link #maxConcurrentRequests} lets them. A 429's {@code Retry-After} is still obeyed.
     */
    public Builder noRateLimit() {
      config.rateLimited = false;
      return this;
    }

    /**
     * Keeps up to {@code maxEntries} builds whose status is {@code stopped}, evicting the least
     * recently used: a stopped build never changes, so it is never fetched again, and a call sends
     * requests only for the other version IDs. Versions found to have no build are not kept (a
     * build may still appear). Default 0, no cache.
     */
    public Builder cacheTerminalBuilds(int maxEntries) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException("maxEntries must be >= 0 but was " + maxEntries);
      }
      config.cacheTerminalBuilds = maxEntries;
      return this;
    }

    /**
     * Shares the rate budget and the cache of stopped builds with every client given the same
     * {@code store}, in this process or in others (the {@code cfbuilds-redis} artifact keeps them
     * in Redis). Each request must then fit both this client's {@link #rateLimit} and the store's
     * count of every sharing client's requests in a window of the same length; a 429's block is
     * shared too; stopped builds are cached in the store, whatever {@link #cacheTerminalBuilds}
     * says. If the store cannot be reached, calls fail with a {@code SharedStoreException}: the
     * client never falls back to a budget of its own. {@link #noRateLimit} leaves the store's
     * budget unused. The client does not close the store. Default none: the budget and cache live
     * in this client.
     */
    public Builder sharedStore(SharedStore store) {
      config.sharedStore = requireNonNull(store, "store");
      return this;
    }

    /** Sets how many requests the client keeps in flight at once, across all calls. Default 4. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      config.maxConcurrentRequests =
          ClientConfig.requirePositive(maxConcurrentRequests, "maxConcurrentRequests");
      return this;
    }

    /**
     * Sets how many version IDs go into one request, at most {@value
     * CloudflareBuildsClient#MAX_VERSION_IDS_PER_REQUEST} (the API's limit, the default).
     */
    public Builder maxVersionIdsPerRequest(int maxVersionIdsPerRequest) {
      ClientConfig.requirePositive(maxVersionIdsPerRequest, "maxVersionIdsPerRequest");
      if (maxVersionIdsPerRequest > CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST) {
        throw new IllegalArgumentException(
            "maxVersionIdsPerRequest must be <= "
                + CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST
                + " (the API's limit) but was "
                + maxVersionIdsPerRequest);
      }
      config.maxVersionIdsPerRequest = maxVersionIdsPerRequest;
      return this;
    }

    /** Sets the connect timeout of each attempt. Default 10 seconds. */
    public Builder connectTimeout(Duration connectTimeout) {
      config.connectTimeout = ClientConfig.requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long one attempt may wait for the server to send or accept data (OkHttp's read and
     * write timeouts); a slower attempt fails with an I/O error and is retried. Default 60 seconds.
     */
    public Builder timeout(Duration timeout) {
      config.timeout = ClientConfig.requirePositive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the longest one request may take from start to end, its retries and their waits included
     * (OkHttp's call timeout). Bounds a server that trickles a body just fast enough to beat {@link
     * #timeout}. Default none; if set, leave room for the retries ({@link #maxRetryAfter}).
     */
    public Builder callTimeout(Duration callTimeout) {
      config.callTimeout = ClientConfig.requirePositive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Sends requests through {@code okHttpClient}, sharing its connection pool and threads. The
     * client adds its own interceptors to a derived copy, turns off the copy's {@code
     * retryOnConnectionFailure} (the client's own retries replace it), and keeps the shared
     * client's timeouts unless {@link #connectTimeout} or {@link #timeout} are set; closing the
     * client leaves it open. Its {@code Dispatcher.maxRequestsPerHost} (OkHttp's default is 5) also
     * caps concurrency.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      config.okHttpClient = requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Sets how much of each exchange to log. Default {@link LogLevel#NONE}. */
    public Builder logLevel(LogLevel logLevel) {
      config.logLevel = requireNonNull(logLevel, "logLevel");
      return this;
    }

    /**
     * Sets where log lines go. Default: {@code java.util.logging} logger {@code
     * dev.cfbuilds.client.http} at level {@code INFO}.
     */
    public Builder logger(Consumer<String> logger) {
      config.logger = requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Sets what waits: between retries, for rate budget, and between the polls of {@code
     * awaitBuilds}. Default {@link Sleeper#system()}; tests pass one that does not sleep.
     */
    public Builder sleeper(Sleeper sleeper) {
      config.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the clock that {@code Retry-After} dates, the rate budget and {@code awaitBuilds}
     * timeouts are measured against. Default UTC system clock.
     */
    public Builder clock(Clock clock) {
      config.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what hears of each finished request and each poll of {@code awaitBuilds}. Default:
     * nothing.
     */
    public Builder progressListener(ProgressListener progressListener) {
      config.progressListener = requireNonNull(progressListener, "progressListener");
      return this;
    }

    /**
     * Takes settings from {@code environment}, such as {@code System.getenv()}: the credentials
     * from {@code CLOUDFLARE_API_TOKEN}, or {@code CLOUDFLARE_EMAIL} and {@code CLOUDFLARE_API_KEY}
     * (the token wins when both are set); {@code CLOUDFLARE_ACCOUNT_ID}; {@code
     * CLOUDFLARE_BASE_URL}. Unset and empty variables change nothing.
     *
     * @throws IllegalArgumentException if only one of {@code CLOUDFLARE_EMAIL} and {@code
     *     CLOUDFLARE_API_KEY} is set, or {@code CLOUDFLARE_ACCOUNT_ID} is not valid
     */
    public Builder fromEnv(Map<String, String> environment) {
      requireNonNull(environment, "environment");
      String token = nonEmpty(environment.get(EnvironmentVariables.API_TOKEN));
      String envEmail = nonEmpty(environment.get(EnvironmentVariables.EMAIL));
      String envKey = nonEmpty(environment.get(EnvironmentVariables.API_KEY));
      if (token != null) {
        apiToken(token);
      } else if (envEmail != null && envKey != null) {
        apiKey(envEmail, envKey);
      } else if (envEmail != null || envKey != null) {
        throw new IllegalArgumentException(
            (envEmail == null ? EnvironmentVariables.EMAIL : EnvironmentVariables.API_KEY)
                + " is not set: "
                + EnvironmentVariables.EMAIL
                + " and "
                + EnvironmentVariables.API_KEY
                + " go together (or set "
                + EnvironmentVariables.API_TOKEN
                + ")");
      }
      String envAccount = nonEmpty(environment.get(EnvironmentVariables.ACCOUNT_ID));
      if (envAccount != null) {
        accountId(envAccount);
      }
      String envBaseUrl = nonEmpty(environment.get(EnvironmentVariables.BASE_URL));
      if (envBaseUrl != null) {
        baseUrl(envBaseUrl);
      }
      return this;
    }

    /**
     * Builds the client, checking the credentials and the base URL.
     *
     * @throws IllegalArgumentException if no credentials were set (the message names the
     *     environment variables), a credential is blank or holds whitespace (its value is never
     *     shown), or the base URL is not valid
     */
    public CloudflareBuildsClient build() {
      HttpUrl url = BaseUrls.parse(config.baseUrl);
      return new CloudflareBuildsClient(
          BuildsService.create(config.settings(url, "cfbuilds-java/" + VERSION)),
          config.copy(),
          config.describe("CloudflareBuildsClient", url.toString()));
    }

    /**
     * Adds an application interceptor after the client's own (retries, rate budget, auth), where it
     * may answer instead of the network. For tests that run many requests without sockets.
     */
    Builder lastInterceptor(Interceptor interceptor) {
      config.lastInterceptor = requireNonNull(interceptor, "interceptor");
      return this;
    }

    @Override
    public String toString() {
      return config.describe("CloudflareBuildsClient.Builder", ClientConfig.shown(config.baseUrl));
    }

    private static String nonEmpty(String value) {
      return value == null || value.isEmpty() ? null : value;
    }
  }
}
