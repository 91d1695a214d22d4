package dev.cfbuilds.client;

import dev.cfbuilds.client.internal.BuildsService.Caller;
import dev.cfbuilds.client.internal.BuildsService.OnFailure;
import dev.cfbuilds.client.internal.Futures;
import dev.cfbuilds.generated.model.Build;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link CloudflareBuildsClient}: the same calls, returning {@link
 * CompletableFuture}s that complete on OkHttp's threads. It shares the client's connections and its
 * limit on concurrent requests. Cancelling a returned future cancels its HTTP requests.
 *
 * <p>Arguments are checked before any request, so a bad one throws at once rather than failing the
 * future. A failed request completes the future exceptionally with a {@code
 * dev.cfbuilds.client.errors.CloudflareException}.
 */
public final class AsyncCloudflareBuildsClient {
  private final CloudflareBuildsClient client;

  AsyncCloudflareBuildsClient(CloudflareBuildsClient client) {
    this.client = client;
  }

  /** Starts {@link CloudflareBuildsClient#getBuildsByVersionIds(String, Collection)}. */
  public CompletableFuture<Map<String, Build>> getBuildsByVersionIds(
      String accountId, Collection<String> versionIds) {
    return Futures.map(
        client.fetch(accountId, versionIds, OnFailure.FAIL_CALL, Caller.ASYNC),
        BuildsLookup::builds);
  }

  /**
   * Starts {@link CloudflareBuildsClient#getBuildsByVersionIds(Collection)} in the default account.
   */
  public CompletableFuture<Map<String, Build>> getBuildsByVersionIds(
      Collection<String> versionIds) {
    return getBuildsByVersionIds(client.defaultAccountId(), versionIds);
  }

  /** Starts {@link CloudflareBuildsClient#lookupBuildsByVersionIds(String, Collection)}. */
  public CompletableFuture<BuildsLookup> lookupBuildsByVersionIds(
      String accountId, Collection<String> versionIds) {
    return client.fetch(accountId, versionIds, OnFailure.KEEP_GOING, Caller.ASYNC);
  }

  /**
   * Starts {@link CloudflareBuildsClient#lookupBuildsByVersionIds(Collection)} in the default
   * account.
   */
  public CompletableFuture<BuildsLookup> lookupBuildsByVersionIds(Collection<String> versionIds) {
    return lookupBuildsByVersionIds(client.defaultAccountId(), versionIds);
  }

  /**
   * Starts {@link CloudflareBuildsClient#awaitBuilds(String, Collection, Duration)} on the client's
   * threads. Cancelling the returned future stops the polling. Arguments are checked at once.
   */
  public CompletableFuture<Map<String, Build>> awaitBuilds(
      String accountId, Collection<String> versionIds, Duration timeout) {
    return client.startAwait(client.awaiter(accountId, versionIds, timeout));
  }

  /**
   * Starts {@link CloudflareBuildsClient#awaitBuilds(Collection, Duration)} in the default account.
   */
  public CompletableFuture<Map<String, Build>> awaitBuilds(
      Collection<String> versionIds, Duration timeout) {
    return awaitBuilds(client.defaultAccountId(), versionIds, timeout);
  }

  @Override
  public String toString() {
    return "async view of " + client;
  }
}
