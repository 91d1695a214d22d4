package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.internal.BuildsService;
import dev.cfbuilds.client.internal.FetchOutcome;
import dev.cfbuilds.generated.model.Build;
import java.io.InterruptedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * sent in requests of at most {@value #MAX_VERSION_IDS_PER_REQUEST}, up to
 * {@code maxConcurrentRequests} at once, and the results merged in input order.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #async()} is a view of the same client.
 * Close it when done to release its connections and threads (unless it was built on a shared
 * {@link OkHttpClient}, which stays open).
 */
public final class CloudflareBuildsClient implements AutoCloseable {
  /** The most version IDs the API accepts in one request. */
  public static final int MAX_VERSION_IDS_PER_REQUEST = 20;

  private final BuildsService service;
  private final OkHttpClient okHttpClient;
  private final boolean ownsOkHttpClient;
  private final String defaultAccountId;
  private final String description;
  private final AsyncCloudflareBuildsClient async;
  private volatile boolean closed;

  CloudflareBuildsClient(BuildsService service, OkHttpClient okHttpClient, boolean ownsOkHttpClient,
      String defaultAccountId, String description) {
    this.service = service;
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.defaultAccountId = defaultAccountId;
    this.description = description;
    this.async = new AsyncCloudflareBuildsClient(this);
  }

  /** Returns a builder; call {@code apiToken} or {@code apiKey} on it before {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: {@code CLOUDFLARE_API_TOKEN}, or
   * {@code CLOUDFLARE_EMAIL} with {@code CLOUDFLARE_API_KEY}; {@code CLOUDFLARE_ACCOUNT_ID} and
   * {@code CLOUDFLARE_BASE_URL} if set. The token wins when both kinds of credentials are set.
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
   * @param accountId the Cloudflare account identifier
   * @param versionIds Worker version IDs (UUIDs), any number, either case; duplicates are ignored
   * @throws NullPointerException if an argument or an ID is null
   * @throws IllegalArgumentException if the account ID or an ID is not valid; nothing is sent
   * @throws CloudflareException if a request fails; see the subclasses in
   *     {@code dev.cfbuilds.client.errors}
   */
  public Map<String, Build> getBuildsByVersionIds(String accountId, Collection<String> versionIds) {
    return await(fetch(accountId, versionIds, true)).builds();
  }

  /**
   * Returns the builds of {@code versionIds} in the builder's default account; see
   * {@link #getBuildsByVersionIds(String, Collection)}.
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
    return toLookup(await(fetch(accountId, versionIds, false)));
  }

  /**
   * Looks up the builds of {@code versionIds} in the builder's default account; see
   * {@link #lookupBuildsByVersionIds(String, Collection)}.
   *
   * @throws IllegalStateException if the client has no default account
   */
  public BuildsLookup lookupBuildsByVersionIds(Collection<String> versionIds) {
    return lookupBuildsByVersionIds(defaultAccountId(), versionIds);
  }

  /** Returns the asynchronous view of this client, which shares its connections and limits. */
  public AsyncCloudflareBuildsClient async() {
    return async;
  }

  /**
   * Closes the client: cancels its requests, ends their waits before retries, and releases its
   * connections and threads. Does nothing to an {@code OkHttpClient} that was passed in, and nothing
   * when called again.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsOkHttpClient) {
      okHttpClient.dispatcher().cancelAll();
      // shutdownNow() interrupts the threads: a request waiting to be retried (up to maxRetryAfter)
      // ends now instead of keeping its non-daemon thread, and the JVM, alive until the wait is over.
      okHttpClient.dispatcher().executorService().shutdownNow();
      okHttpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  CompletableFuture<FetchOutcome> fetch(String accountId, Collection<String> versionIds, boolean failFast) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    return service.fetch(accountId, versionIds, failFast);
  }

  String defaultAccountId() {
    if (defaultAccountId == null) {
      throw new IllegalStateException("no default account: pass an accountId, or set one with"
          + " Builder.accountId(...) or CLOUDFLARE_ACCOUNT_ID");
    }
    return defaultAccountId;
  }

  static BuildsLookup toLookup(FetchOutcome outcome) {
    return new BuildsLookup(outcome.builds(), outcome.missing(), outcome.failures());
  }

  /** Waits for {@code future}; on interrupt cancels its requests and keeps the interrupt flag set. */
  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted while waiting for builds");
      cause.initCause(e);
      throw new CloudflareIoException("GET builds by version IDs", cause);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new CloudflareException("GET builds by version IDs failed: " + cause, cause);
    }
  }
}
