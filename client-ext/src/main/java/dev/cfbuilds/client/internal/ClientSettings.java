package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.LogLevel;
import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.Sleeper;
import dev.cfbuilds.client.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The builder's settings, checked, as the client's parts take them: made once by {@code build()}.
 *
 * @param baseUrl the API root
 * @param auth adds the credentials to requests for {@code baseUrl}'s origin
 * @param sharedOkHttpClient the user's OkHttp client to derive from, or null for one of our own
 * @param connectTimeout the connect timeout, or null for the shared client's (or our default)
 * @param timeout the read and write timeout, or null for the shared client's (or our default)
 * @param callTimeout the call timeout, or null for none
 * @param logLevel how much to log
 * @param logger where log lines go, or null for {@code java.util.logging}
 * @param maxRetries how many times a failed request is retried
 * @param maxRetryAfter the longest {@code Retry-After} to wait for
 * @param rateLimit the budget's size and window, or null for no budget
 * @param maxConcurrentRequests how many requests may be in flight at once, across all calls
 * @param chunkSize how many version IDs go into one request
 * @param cacheSize how many stopped builds to keep; 0 for none
 * @param userAgent the {@code User-Agent} of every request
 * @param sleeper waits between retries, for the rate budget and between polls
 * @param clock reads the time for {@code Retry-After} dates, the rate budget and polling
 * @param progress hears of each finished request and each poll
 * @param sharedStore the rate budget and build cache shared with other clients, or null for none
 * @param lastInterceptor an interceptor after the client's own, or null (tests)
 */
public record ClientSettings(
    HttpUrl baseUrl,
    Interceptor auth,
    OkHttpClient sharedOkHttpClient,
    Duration connectTimeout,
    Duration timeout,
    Duration callTimeout,
    LogLevel logLevel,
    Consumer<String> logger,
    int maxRetries,
    Duration maxRetryAfter,
    RateLimit rateLimit,
    int maxConcurrentRequests,
    int chunkSize,
    int cacheSize,
    String userAgent,
    Sleeper sleeper,
    Clock clock,
    ProgressListener progress,
    SharedStore sharedStore,
    Interceptor lastInterceptor) {

  /**
   * A rate budget: at most {@code requests} requests in any window of length {@code per}.
   *
   * @param requests how many requests a window holds
   * @param per the window's length
   */
  public record RateLimit(int requests, Duration per) {}

  /** Returns the settings worth seeing; the credentials only through {@code auth}'s redaction. */
  @Override
  public String toString() {
    return "ClientSettings{baseUrl=" + baseUrl + ", auth=" + auth + "}";
  }
}
