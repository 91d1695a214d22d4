package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.generated.ApiWiring;
import dev.cfbuilds.generated.api.BuildsApi;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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

  /**
   * Creates the engine.
   *
   * @param api the Retrofit interface, from {@link #buildsApi}
   * @param clock reads the time for {@code Retry-After} dates in exceptions
   * @param maxConcurrentRequests how many requests may be in flight at once, across all calls
   * @param chunkSize how many version IDs go into one request
   * @param progress hears of each finished request
   */
  public BuildsService(
      BuildsApi api,
      Clock clock,
      int maxConcurrentRequests,
      int chunkSize,
      ProgressListener progress) {
    this.api = api;
    this.mapper = new ResponseMapper(clock);
    this.limiter = new RequestLimiter(maxConcurrentRequests);
    this.progress = progress;
    this.chunkSize = chunkSize;
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
    return new FanOut(api, mapper, limiter, progress, account, ids, chunkSize, failFast)
        .start(onCallerThread);
  }
}
