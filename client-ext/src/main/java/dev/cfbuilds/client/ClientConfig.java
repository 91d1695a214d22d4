package dev.cfbuilds.client;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import dev.cfbuilds.client.auth.ApiKeyInterceptor;
import dev.cfbuilds.client.auth.ApiTokenInterceptor;
import dev.cfbuilds.client.internal.ClientSettings;
import dev.cfbuilds.client.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * What a {@link Builder} has been told, as it was told: the builder checks each value on the way
 * in, and {@link #settings} turns the whole into what the client's parts take. A client keeps a
 * {@link #copy()} for {@link CloudflareBuildsClient#newBuilder()}. Not thread-safe.
 */
final class ClientConfig {
  String apiToken;
  String email;
  String apiKey;
  String accountId;
  String baseUrl = Builder.DEFAULT_BASE_URL;
  int maxRetries = Builder.DEFAULT_MAX_RETRIES;
  Duration maxRetryAfter = Builder.DEFAULT_MAX_RETRY_AFTER;
  int maxConcurrentRequests = Builder.DEFAULT_MAX_CONCURRENT_REQUESTS;
  int maxVersionIdsPerRequest = CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST;
  Duration connectTimeout;
  Duration timeout;
  Duration callTimeout;
  OkHttpClient okHttpClient;
  LogLevel logLevel = LogLevel.NONE;
  Consumer<String> logger;
  Sleeper sleeper = Sleeper.system();
  Clock clock = Clock.systemUTC();
  ProgressListener progressListener = ProgressListener.NONE;
  int rateLimitRequests = Builder.DEFAULT_RATE_LIMIT_REQUESTS;
  Duration rateLimitPer = Builder.DEFAULT_RATE_LIMIT_PER;
  boolean rateLimited = true;
  int cacheTerminalBuilds;
  SharedStore sharedStore;
  Interceptor lastInterceptor;

  /** Returns a copy that changes independently of this one. */
  ClientConfig copy() {
    ClientConfig copy = new ClientConfig();
    copy.apiToken = apiToken;
    copy.email = email;
    copy.apiKey = apiKey;
    copy.accountId = accountId;
    copy.baseUrl = baseUrl;
    copy.maxRetries = maxRetries;
    copy.maxRetryAfter = maxRetryAfter;
    copy.maxConcurrentRequests = maxConcurrentRequests;
    copy.maxVersionIdsPerRequest = maxVersionIdsPerRequest;
    copy.connectTimeout = connectTimeout;
    copy.timeout = timeout;
    copy.callTimeout = callTimeout;
    copy.okHttpClient = okHttpClient;
    copy.logLevel = logLevel;
    copy.logger = logger;
    copy.sleeper = sleeper;
    copy.clock = clock;
    copy.progressListener = progressListener;
    copy.rateLimitRequests = rateLimitRequests;
    copy.rateLimitPer = rateLimitPer;
    copy.rateLimited = rateLimited;
    copy.cacheTerminalBuilds = cacheTerminalBuilds;
    copy.sharedStore = sharedStore;
    copy.lastInterceptor = lastInterceptor;
    return copy;
  }

  /**
   * Returns the settings the client's parts take, for the API root {@code url} (the parsed {@link
   * #baseUrl}).
   *
   * @throws IllegalArgumentException if no credentials were set, or one is blank or holds
   *     whitespace
   */
  ClientSettings settings(HttpUrl url, String userAgent) {
    return new ClientSettings(
        url,
        authInterceptor(url),
        okHttpClient,
        connectTimeout,
        timeout,
        callTimeout,
        logLevel,
        logger,
        maxRetries,
        maxRetryAfter,
        rateLimited ? new ClientSettings.RateLimit(rateLimitRequests, rateLimitPer) : null,
        maxConcurrentRequests,
        maxVersionIdsPerRequest,
        cacheTerminalBuilds,
        userAgent,
        sleeper,
        clock,
        progressListener,
        sharedStore,
        lastInterceptor);
  }

  /** Returns the interceptor for the credentials set, which it sends only to {@code url}. */
  private Interceptor authInterceptor(HttpUrl url) {
    if (apiToken != null) {
      return ApiTokenInterceptor.create(apiToken, url);
    }
    if (apiKey != null) {
      return ApiKeyInterceptor.create(email, apiKey, url);
    }
    throw new IllegalArgumentException(
        "no Cloudflare credentials: call apiToken(...) or apiKey(...),"
            + " or set "
            + EnvironmentVariables.API_TOKEN
            + ", or "
            + EnvironmentVariables.EMAIL
            + " and "
            + EnvironmentVariables.API_KEY);
  }

  /**
   * Returns the text of the builder's and the client's {@code toString()}: the settings worth
   * seeing, with the kind of credentials but never their values.
   */
  String describe(String type, String shownBaseUrl) {
    String auth =
        apiToken != null
            ? "apiToken=<redacted>"
            : apiKey != null ? "email=<redacted>, apiKey=<redacted>" : "no credentials";
    return type
        + "{"
        + auth
        + ", accountId="
        + accountId
        + ", baseUrl="
        + shownBaseUrl
        + ", maxRetries="
        + maxRetries
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + "}";
  }

  /**
   * Returns {@code baseUrl} safe to show before {@code build()} has checked it: without a user
   * name, password, query or fragment, which may hold credentials, and not at all if it does not
   * parse.
   */
  static String shown(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      return "<not an http(s) URL; not shown>";
    }
    if (url.username().isEmpty()
        && url.password().isEmpty()
        && url.query() == null
        && url.fragment() == null) {
      return url.toString();
    }
    return url.newBuilder().username("").password("").query(null).fragment(null).build()
        + " (redacted)";
  }

  static int requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
    }
    return value;
  }

  static Duration requirePositive(Duration value, String name) {
    CloudflareBuildsClient.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  static Duration requireNonNegative(Duration value, String name) {
    CloudflareBuildsClient.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
    return value;
  }
}
