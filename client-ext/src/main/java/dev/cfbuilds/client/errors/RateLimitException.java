package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports 429 Too Many Requests after the client's retries, or at once when the server asked for a
 * longer wait than the client's {@code maxRetryAfter}. Cloudflare blocks a client for five minutes
 * after 1,200 requests in five minutes.
 */
public final class RateLimitException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}.
   *
   * @param retryAfter the wait the server asked for in {@code Retry-After}, or {@code null}
   */
  public RateLimitException(
      String message,
      int statusCode,
      List<ApiError> errors,
      Map<String, List<String>> headers,
      Duration retryAfter) {
    super(message, statusCode, errors, headers);
    this.retryAfter = retryAfter;
  }

  /** Returns how long the server asked the client to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
