package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.errors.CloudflareException;
import java.io.IOException;

/**
 * Carries, through OkHttp's interceptor chain (which passes on only {@link IOException}s cleanly),
 * the exception for a request the rate budget refused to send: the shared store failed, or reported
 * a long block. {@link RetryInterceptor} does not retry it; {@link ResponseMapper} unwraps it.
 */
final class NotSent extends IOException {
  private static final long serialVersionUID = 1L;

  /** The exception the caller gets. */
  final CloudflareException exception;

  NotSent(CloudflareException exception) {
    super(exception.getMessage(), exception);
    this.exception = exception;
  }
}
