package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.BuildsLookup;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.model.Build;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

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

  private final ClientSettings settings;
  private final HttpStack stack;
  private final ResponseMapper mapper;
  private final ConcurrencyLimiter limiter;
  private final TerminalBuildCache cache;

  private BuildsService(ClientSettings settings) {
    this.settings = settings;
    this.stack = HttpStack.build(settings);
    this.mapper = new ResponseMapper(settings.clock());
    this.limiter = new ConcurrencyLimiter(settings.maxConcurrentRequests());
    this.cache = TerminalBuildCache.of(settings.cacheSize(), settings.sharedStore());
  }

  /** Returns the engine {@code settings} describe, with its own {@link HttpStack}. */
  public static BuildsService create(ClientSettings settings) {
    return new BuildsService(settings);
  }

  /** Returns the settings the engine was made with. */
  public ClientSettings settings() {
    return settings;
  }

  /** Returns the limiter every fanned-out request of the client takes a place in. */
  ConcurrencyLimiter limiter() {
    return limiter;
  }

  /**
   * Returns the exception a call fails with at once, sending nothing, while a 429's long {@code
   * Retry-After} blocks the client; null when it may send.
   */
  RateLimitException blocked() {
    return stack.budget.blocked();
  }

  /** Returns the Retrofit of the engine's one HTTP stack, for the read and write interfaces. */
  Retrofit retrofit() {
    return stack.retrofit;
  }

  /** Returns the OkHttp client the requests go through, with the engine's interceptors. */
  public OkHttpClient okHttpClient() {
    return stack.okHttpClient;
  }

  /**
   * Returns whether the OkHttp client is the engine's own, rather than derived from a shared one.
   */
  public boolean ownsOkHttpClient() {
    return stack.ownsOkHttpClient;
  }

  /** Starts fetching the builds of {@code versionIds}; checks every argument before any request. */
  public CompletableFuture<BuildsLookup> fetch(
      String accountId, Collection<String> versionIds, OnFailure onFailure, Caller caller) {
    String account = AccountIds.check(accountId);
    List<String> ids = VersionIds.normalize(versionIds);
    return fetchNormalized(account, ids, onFailure, caller);
  }

  /** Starts one request per chunk of {@code ids}, none of them looked up in the cache. */
  private CompletableFuture<BuildsLookup> fanOut(
      String account, List<String> ids, OnFailure onFailure, Caller caller) {
    return new FanOut(
            stack.api,
            mapper,
            limiter,
            settings.progress(),
            account,
            ids,
            settings.chunkSize(),
            onFailure)
        .start(caller);
  }

  /**
   * Starts fetching the builds of {@code ids}, already checked and normalised: fails at once if a
   * 429 blocked the client; takes stopped builds from the cache and fetches only the rest.
   */
  public CompletableFuture<BuildsLookup> fetchNormalized(
      String account, List<String> ids, OnFailure onFailure, Caller caller) {
    RateLimitException blocked = ids.isEmpty() ? null : blocked();
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
    CompletableFuture<BuildsLookup> fetched = fanOut(account, toFetch, onFailure, caller);
    return Futures.map(fetched, outcome -> merge(ids, cached, remember(account, outcome)));
  }

  private BuildsLookup remember(String account, BuildsLookup outcome) {
    outcome.builds().forEach((id, build) -> cache.putIfTerminal(account, id, build));
    return outcome;
  }

  /**
   * Merges cached and fetched builds: requested IDs in input order, then anything else the API
   * returned.
   */
  private static BuildsLookup merge(
      List<String> ids, Map<String, Build> cached, BuildsLookup fetched) {
    Map<String, Build> builds = new LinkedHashMap<>();
    for (String id : ids) {
      Build build = cached.containsKey(id) ? cached.get(id) : fetched.builds().get(id);
      if (build != null) {
        builds.put(id, build);
      }
    }
    fetched.builds().forEach(builds::putIfAbsent);
    return BuildsLookup.of(
        builds, fetched.missingVersionIds(), fetched.failures(), fetched.mismatchedProperties());
  }
}
