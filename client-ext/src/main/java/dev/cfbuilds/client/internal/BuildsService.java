package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.Sleeper;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.ApiWiring;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** The engine behind the public client: checks input, then fans a call out into requests. */
public final class BuildsService {
  /** What a failed request does to the rest of its call. */
  public enum OnFailure {
    /** The first failed request fails the whole call and cancels the others. */
    FAIL_CALL,
    /** Every request runs to the end; failures are collected beside the builds found. */
    KEEP_GOING
  }

  /** Who waits for the result. */
  public enum Caller {
    /**
     * The caller blocks until the result, so a call of one request may run on its thread, which
     * skips the hand-off to an OkHttp thread and back.
     */
    BLOCKS,
    /** The caller does not wait: every request runs on OkHttp's threads. */
    ASYNC
  }

  /**
   * How the engine sends requests: the builder's settings, checked.
   *
   * @param maxRetries how many times a failed request is retried
   * @param maxRetryAfter the longest {@code Retry-After} to wait for
   * @param rateLimit the budget's size and window, or null for no budget
   * @param maxConcurrentRequests how many requests may be in flight at once, across all calls
   * @param chunkSize how many version IDs go into one request
   * @param cacheSize how many stopped builds to keep; 0 for none
   * @param userAgent the {@code User-Agent} of every request
   * @param sleeper waits between retries and for the rate budget
   * @param clock reads the time for {@code Retry-After} dates and the rate budget
   * @param progress hears of each finished request
   */
  public record Settings(
      int maxRetries,
      Duration maxRetryAfter,
      RateLimit rateLimit,
      int maxConcurrentRequests,
      int chunkSize,
      int cacheSize,
      String userAgent,
      Sleeper sleeper,
      Clock clock,
      ProgressListener progress) {}

  /**
   * A rate budget: at most {@code requests} requests in any window of length {@code per}.
   *
   * @param requests how many requests a window holds
   * @param per the window's length
   */
  public record RateLimit(int requests, Duration per) {}

  private final OkHttpClient okHttpClient;
  private final BuildsApi api;
  private final ResponseMapper mapper;
  private final RequestLimiter limiter;
  private final ProgressListener progress;
  private final int chunkSize;
  private final RateBudget budget;
  private final TerminalBuildCache cache;
  private final HttpUrl baseUrl;

  private BuildsService(OkHttpClient okHttpClient, HttpUrl baseUrl, RateBudget budget, Settings s) {
    this.okHttpClient = okHttpClient;
    this.api = ApiWiring.buildsApi(okHttpClient, baseUrl, new DecodeFailures());
    this.mapper = new ResponseMapper(s.clock());
    this.limiter = new RequestLimiter(s.maxConcurrentRequests());
    this.progress = s.progress();
    this.chunkSize = s.chunkSize();
    this.budget = budget;
    this.cache = TerminalBuildCache.ofSize(s.cacheSize());
    this.baseUrl = baseUrl;
  }

  /** Returns the API root the requests go to. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the engine sending to {@code baseUrl} through {@code http}, to which it adds its
   * interceptors, outermost first: retries, the rate budget, the {@code User-Agent}, then {@code
   * innermost} (authentication, and any a test adds), in that order.
   */
  public static BuildsService create(
      OkHttpClient.Builder http, HttpUrl baseUrl, List<Interceptor> innermost, Settings settings) {
    RateLimit rateLimit = settings.rateLimit();
    RateBudget budget =
        rateLimit != null
            ? RateBudget.of(
                rateLimit.requests(),
                rateLimit.per(),
                settings.maxRetryAfter(),
                settings.sleeper(),
                settings.clock())
            : RateBudget.off(settings.maxRetryAfter(), settings.sleeper(), settings.clock());
    http.addInterceptor(DecodeFailures.statusRecorder())
        .addInterceptor(
            new RetryInterceptor(
                settings.maxRetries(),
                settings.maxRetryAfter(),
                settings.sleeper(),
                settings.clock()))
        .addInterceptor(budget)
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()));
    innermost.forEach(http::addInterceptor);
    return new BuildsService(http.build(), baseUrl, budget, settings);
  }

  /** Returns the OkHttp client the requests go through, with the engine's interceptors. */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /** Starts fetching the builds of {@code versionIds}; checks every argument before any request. */
  public CompletableFuture<FetchOutcome> fetch(
      String accountId, Collection<String> versionIds, OnFailure onFailure, Caller caller) {
    String account = AccountIds.check(accountId);
    List<String> ids = VersionIds.normalize(versionIds);
    return fetchNormalized(account, ids, onFailure, caller);
  }

  /** Starts one request per chunk of {@code ids}, none of them looked up in the cache. */
  private CompletableFuture<FetchOutcome> fanOut(
      String account, List<String> ids, OnFailure onFailure, Caller caller) {
    return new FanOut(api, mapper, limiter, progress, account, ids, chunkSize, onFailure)
        .start(caller);
  }

  /**
   * Starts fetching the builds of {@code ids}, already checked and normalised: fails at once if a
   * 429 blocked the client; takes stopped builds from the cache and fetches only the rest.
   */
  public CompletableFuture<FetchOutcome> fetchNormalized(
      String account, List<String> ids, OnFailure onFailure, Caller caller) {
    RateLimitException blocked = ids.isEmpty() ? null : budget.blocked();
    if (blocked != null) {
      return CompletableFuture.failedFuture(blocked);
    }
    if (cache == null) {
      return fanOut(account, ids, onFailure, caller);
    }
    Map<String, Build> cached = new HashMap<>();
    List<String> toFetch = new ArrayList<>();
    for (String id : ids) {
      Build build = cache.get(account, id);
      if (build != null) {
        cached.put(id, build);
      } else {
        toFetch.add(id);
      }
    }
    CompletableFuture<FetchOutcome> fetched = fanOut(account, toFetch, onFailure, caller);
    CompletableFuture<FetchOutcome> merged =
        fetched.thenApply(outcome -> merge(ids, cached, remember(account, outcome)));
    merged.whenComplete(
        (outcome, failure) -> {
          if (merged.isCancelled()) {
            fetched.cancel(true);
          }
        });
    return merged;
  }

  private FetchOutcome remember(String account, FetchOutcome outcome) {
    outcome.builds().forEach((id, build) -> cache.putIfTerminal(account, id, build));
    return outcome;
  }

  /**
   * Merges cached and fetched builds: requested IDs in input order, then anything else the API
   * returned.
   */
  private static FetchOutcome merge(
      List<String> ids, Map<String, Build> cached, FetchOutcome fetched) {
    Map<String, Build> builds = new LinkedHashMap<>();
    for (String id : ids) {
      Build build = cached.containsKey(id) ? cached.get(id) : fetched.builds().get(id);
      if (build != null) {
        builds.put(id, build);
      }
    }
    fetched.builds().forEach(builds::putIfAbsent);
    return new FetchOutcome(
        Collections.unmodifiableMap(builds),
        fetched.missing(),
        fetched.failures(),
        fetched.mismatchedProperties());
  }
}
