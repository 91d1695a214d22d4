package dev.cfbuilds.benchmarks;

import dev.cfbuilds.benchmarks.peer.ApiClient;
import dev.cfbuilds.benchmarks.peer.ApiException;
import dev.cfbuilds.benchmarks.peer.api.BuildsApi;
import dev.cfbuilds.benchmarks.peer.model.Build;
import dev.cfbuilds.benchmarks.peer.model.BuildsByVersionIdsResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;

/**
 * What a user of openapi-generator's stock Java client (okhttp-gson) writes to look up many version
 * IDs: a loop over chunks of 20, in turn or on a thread pool.
 */
public final class Peer {
  private final ApiClient apiClient;
  private final BuildsApi api;

  private Peer(ApiClient apiClient) {
    this.apiClient = apiClient;
    this.api = new BuildsApi(apiClient);
  }

  /**
   * Returns the peer client pointed at {@code baseUrl}, with its default settings and a bearer
   * token.
   */
  public static Peer create(HttpUrl baseUrl) {
    ApiClient apiClient = new ApiClient();
    String root = baseUrl.toString();
    apiClient.setBasePath(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    apiClient.setBearerToken(Fixtures.API_TOKEN);
    return new Peer(apiClient);
  }

  /** Returns the builds of one chunk of at most 20 IDs: one request. */
  public Map<String, Build> chunk(List<String> ids) {
    try {
      BuildsByVersionIdsResponse response =
          api.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, Fixtures.uuids(ids));
      return response.getResult().getBuilds();
    } catch (ApiException e) {
      throw new IllegalStateException("peer request failed: " + e.getCode(), e);
    }
  }

  /** Returns the builds of {@code ids}, one chunk after another. */
  public Map<String, Build> sequential(List<String> ids) {
    Map<String, Build> builds = new LinkedHashMap<>();
    for (List<String> chunk : Fixtures.chunks(ids)) {
      builds.putAll(chunk(chunk));
    }
    return builds;
  }

  /** Returns the builds of {@code ids}, the chunks run on {@code pool}, merged in input order. */
  public Map<String, Build> onPool(List<String> ids, ExecutorService pool) {
    List<Future<Map<String, Build>>> futures = new ArrayList<>();
    for (List<String> chunk : Fixtures.chunks(ids)) {
      futures.add(pool.submit(() -> chunk(chunk)));
    }
    Map<String, Build> builds = new LinkedHashMap<>();
    try {
      for (Future<Map<String, Build>> future : futures) {
        builds.putAll(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("peer request failed", e.getCause());
    }
    return builds;
  }

  /** Releases the peer's connections and threads. */
  public void close() {
    apiClient.getHttpClient().dispatcher().executorService().shutdown();
    apiClient.getHttpClient().connectionPool().evictAll();
  }
}
