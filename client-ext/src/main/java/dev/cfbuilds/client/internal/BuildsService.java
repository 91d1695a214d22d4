package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.ApiWiring;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** The engine behind the public client: checks input, then fans a call out into requests. */
public final class BuildsService {
  private final BuildsApi api;
  private final ResponseMapper mapper;
  private final RequestLimiter limiter;
  private final ProgressListener progress;
  private final int chunkSize;
  private final RateBudget budget;
  private final TerminalBuildCache cache;

  /**
   * Creates the engine.
   *
   * @param api the Retrofit interface, from {@link #buildsApi}
   * @param clock reads the time for {@code Retry-After} dates in exceptions
   * @param maxConcurrentRequests how many requests may be in flight at once, across all calls
   * @param chunkSize how many version IDs go into one request
   * @param progress hears of each finished request
   * @param budget the rate budget the client's requests go through, consulted before each call
   * @param cacheSize how many stopped builds to keep; 0 for none
   */
  public BuildsService(
      BuildsApi api,
      Clock clock,
      int maxConcurrentRequests,
      int chunkSize,
      ProgressListener progress,
      RateBudget budget,
      int cacheSize) {
    this.api = api;
    this.mapper = new ResponseMapper(clock);
    this.limiter = new RequestLimiter(maxConcurrentRequests);
    this.progress = progress;
    this.chunkSize = chunkSize;
    this.budget = budget;
    this.cache = TerminalBuildCache.ofSize(cacheSize);
  }

  /**
   * Returns the generated {@link BuildsApi} on {@code client}, decoding with the models' shared
   * Moshi and reporting undecodable bodies distinctly from network failures.
   */
  public static BuildsApi buildsApi(OkHttpClient client, HttpUrl baseUrl) {
    return new Retrofit.Builder()
        .client(client)
        .baseUrl(baseUrl)
        .addConverterFactory(new DecodeFailures(MoshiConverterFactory.create(ApiWiring.moshi())))
        .build()
        .create(BuildsApi.class);
  }

  /**
   * Starts fetching the builds of {@code versionIds}; checks every argument before any request.
   *
   * @param failFast whether the first failed request fails the whole call and cancels the others,
   *     or every request runs and failures are collected
   * @param onCallerThread whether a single request may run on the calling thread (for a caller that
   *     blocks until the result anyway); otherwise every request runs on OkHttp's threads
   */
  public CompletableFuture<FetchOutcome> fetch(
      String accountId, Collection<String> versionIds, boolean failFast, boolean onCallerThread) {
    String account = AccountIds.check(accountId);
    List<String> ids = VersionIds.normalize(versionIds);
    return fetchNormalized(account, ids, failFast, onCallerThread);
  }

  /**
   * Starts fetching the builds of {@code ids}, already checked and normalised: fails at once if a
   * 429 blocked the client; takes stopped builds from the cache and fetches only the rest.
   */
  public CompletableFuture<FetchOutcome> fetchNormalized(
      String account, List<String> ids, boolean failFast, boolean onCallerThread) {
    RateLimitException blocked = ids.isEmpty() ? null : budget.blocked();
    if (blocked != null) {
      return CompletableFuture.failedFuture(blocked);
    }
    if (cache == null) {
      return new FanOut(api, mapper, limiter, progress, account, ids, chunkSize, failFast)
          .start(onCallerThread);
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
    CompletableFuture<FetchOutcome> fetched =
        new FanOut(api, mapper, limiter, progress, account, toFetch, chunkSize, failFast)
            .start(onCallerThread);
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
