package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.LogLevel;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Builds the client's one HTTP stack from its settings: the OkHttp client with its interceptors,
 * and the Retrofit API on top of it. The only place where either is put together.
 *
 * <p>The application interceptors, outermost first (each sees the request as the ones before it
 * left it):
 *
 * <ol>
 *   <li>{@link DecodeFailures#statusRecorder()}: notes the status of the response the call ends
 *       with, which a body that does not decode is reported with;
 *   <li>{@link RetryInterceptor}: retries, so that everything below runs once per attempt;
 *   <li>{@link RateBudget}: waits until the attempt fits the budget, and reads the server's
 *       rate-limit headers;
 *   <li>{@link UserAgentInterceptor};
 *   <li>authentication, which adds the credentials only to requests for the API's origin;
 *   <li>a test's last interceptor, if any, which may answer instead of the network.
 * </ol>
 *
 * <p>Then, as a network interceptor, logging if on, with the credential headers redacted.
 */
final class HttpStack {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  final OkHttpClient okHttpClient;
  final boolean ownsOkHttpClient;
  final RateBudget budget;

  /** Makes every generated Retrofit interface the client calls, reads and writes alike. */
  final Retrofit retrofit;

  final BuildsApi api;

  private HttpStack(
      OkHttpClient okHttpClient, boolean ownsOkHttpClient, RateBudget budget, Retrofit retrofit) {
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.budget = budget;
    this.retrofit = retrofit;
    this.api = retrofit.create(BuildsApi.class);
  }

  /** Returns the stack {@code settings} describe. */
  static HttpStack build(ClientSettings settings) {
    boolean owned = settings.sharedOkHttpClient() == null;
    OkHttpClient.Builder http =
        owned
            ? new OkHttpClient.Builder().dispatcher(dispatcher(settings.maxConcurrentRequests()))
            : settings.sharedOkHttpClient().newBuilder();
    setTimeouts(http, settings, owned);
    // The RetryInterceptor is the one retry policy. OkHttp's own retry of a failed connection would
    // repeat a request silently, uncounted by maxRetries and without backoff: a request that failed
    // on a reused connection reached the server 3 times with maxRetries(0).
    http.retryOnConnectionFailure(false);

    RateBudget budget = budget(settings);
    http.addInterceptor(DecodeFailures.statusRecorder())
        .addInterceptor(
            new RetryInterceptor(
                settings.maxRetries(),
                settings.maxRetryAfter(),
                settings.sleeper(),
                settings.clock()))
        .addInterceptor(budget)
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
        .addInterceptor(settings.auth());
    if (settings.lastInterceptor() != null) {
      http.addInterceptor(settings.lastInterceptor());
    }
    if (settings.logLevel() != LogLevel.NONE) {
      http.addNetworkInterceptor(logging(settings.logLevel(), settings.logger()));
    }
    OkHttpClient client = http.build();

    Retrofit retrofit =
        new Retrofit.Builder()
            .callFactory(request -> client.newCall(DecodeFailures.withStatusSlot(request)))
            .baseUrl(settings.baseUrl())
            .addConverterFactory(new DecodeFailures())
            .addConverterFactory(MoshiConverterFactory.create(ApiWiring.moshi()))
            .build();
    return new HttpStack(client, owned, budget, retrofit);
  }

  /**
   * Sets the timeouts that were given, and on a client of our own the defaults of the others; a
   * shared client keeps its own.
   */
  private static void setTimeouts(
      OkHttpClient.Builder http, ClientSettings settings, boolean owned) {
    if (settings.connectTimeout() != null || owned) {
      http.connectTimeout(
          settings.connectTimeout() != null ? settings.connectTimeout() : DEFAULT_CONNECT_TIMEOUT);
    }
    if (settings.timeout() != null || owned) {
      Duration perAttempt = settings.timeout() != null ? settings.timeout() : DEFAULT_TIMEOUT;
      http.readTimeout(perAttempt).writeTimeout(perAttempt);
    }
    if (settings.callTimeout() != null) {
      http.callTimeout(settings.callTimeout());
    }
  }

  /** Returns a dispatcher that lets at least {@code maxConcurrentRequests} requests run at once. */
  private static Dispatcher dispatcher(int maxConcurrentRequests) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(
        Math.max(dispatcher.getMaxRequestsPerHost(), maxConcurrentRequests));
    dispatcher.setMaxRequests(Math.max(dispatcher.getMaxRequests(), maxConcurrentRequests));
    return dispatcher;
  }

  private static RateBudget budget(ClientSettings settings) {
    ClientSettings.RateLimit rateLimit = settings.rateLimit();
    return rateLimit != null
        ? RateBudget.of(
            rateLimit.requests(),
            rateLimit.per(),
            settings.maxRetryAfter(),
            settings.sleeper(),
            settings.clock(),
            settings.sharedStore())
        : RateBudget.off(settings.maxRetryAfter(), settings.sleeper(), settings.clock());
  }

  private static HttpLoggingInterceptor logging(LogLevel level, Consumer<String> logger) {
    Consumer<String> sink =
        logger != null ? logger : Logger.getLogger("dev.cfbuilds.client.http")::info;
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(sink::accept);
    logging.redactHeader("Authorization");
    logging.redactHeader("X-Auth-Email");
    logging.redactHeader("X-Auth-Key");
    logging.setLevel(HttpLoggingInterceptor.Level.valueOf(level.name()));
    return logging;
  }
}
