package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Retries a request that failed in a way a later attempt may not. A GET (or HEAD), which changes
 * nothing, is retried after statuses 408, 409, 429 and 5xx and after I/O errors.
 *
 * <p>Any other method (the POST that starts a build, the PUT that cancels one) is sent again only
 * when Cloudflare surely did nothing with it: after a 429, which refused it, and after a failure to
 * connect or to resolve the host, which happen before the request is written. After a 5xx, a 408, a
 * timeout or an I/O error once the request was written, the server may have acted on it; sending it
 * again could start a second build, so the failure is returned as it is (and {@link WriteApi} says
 * so). The API offers no idempotency key that would make a repeat safe.
 *
 * <p>It waits as long as {@code Retry-After} asks, in seconds or as an HTTP date; a longer wait
 * than {@code maxRetryAfter} is not waited for and the response is returned at once (Cloudflare
 * blocks a client for five minutes after too many requests; hammering it only extends that). The
 * {@link RateBudget} behind it then fails every later call of the client at once until that time,
 * and counts each retry against the budget like a first attempt. Without the header it backs off
 * exponentially: 0.5 s doubling to at most 8 s, less up to a quarter at random so that parallel
 * requests spread out.
 *
 * <p>Each response body is read here, within its attempt, so that a connection dropped in the
 * middle of a body is retried like any other I/O error; bodies of responses not returned are
 * closed.
 */
final class RetryInterceptor implements Interceptor {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  /** Larger bodies are cut here; a response of 20 builds is a few tens of kilobytes. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final int maxRetries;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * Creates an interceptor.
   *
   * @param maxRetries how many times to retry after the first attempt
   * @param maxRetryAfter the longest {@code Retry-After} to wait for
   * @param sleeper waits between attempts
   * @param clock reads the time for {@code Retry-After} dates
   */
  RetryInterceptor(int maxRetries, Duration maxRetryAfter, Sleeper sleeper, Clock clock) {
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean safe = isSafe(request.method());
    for (int attempt = 0; ; attempt++) {
      Duration delay;
      try {
        Response response = buffered(chain.proceed(request));
        boolean retryable = safe ? isRetryable(response.code()) : response.code() == 429;
        if (!retryable || attempt >= maxRetries) {
          return response;
        }
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
          return response;
        }
        response.close();
        delay = retryAfter != null ? retryAfter : backoff(attempt);
      } catch (IOException e) {
        if (attempt >= maxRetries
            || chain.call().isCanceled()
            || e instanceof NotSent
            || !(safe || isNotSent(e))) {
          throw e;
        }
        delay = backoff(attempt);
      }
      pause(chain, delay);
    }
  }

  /** Returns whether a request of {@code method} changes nothing, so that repeating it is safe. */
  static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  /**
   * Returns whether {@code e} happened before any byte of the request was written: the host was not
   * found, or the connection was refused.
   */
  static boolean isNotSent(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException;
  }

  static boolean isRetryable(int code) {
    return code == 408 || code == 409 || code == 429 || code >= 500;
  }

  /** Returns the wait before retry number {@code attempt + 1} when the server did not say. */
  static Duration backoff(int attempt) {
    long exponential = INITIAL_BACKOFF.toMillis() << Math.min(attempt, 10);
    long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
    double jitter = 1.0 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (capped * jitter));
  }

  private void pause(Chain chain, Duration delay) throws IOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
  }

  /** Returns {@code response} with its body read into memory, closing the network body. */
  private static Response buffered(Response response) throws IOException {
    try (response) {
      ResponseBody inMemory = response.peekBody(MAX_BODY_BYTES);
      return response.newBuilder().body(inMemory).build();
    }
  }
}
