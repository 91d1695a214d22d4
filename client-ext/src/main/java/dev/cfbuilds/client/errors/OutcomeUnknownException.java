package dev.cfbuilds.client.errors;

/**
 * Reports a request that changes something (starting or cancelling a build) which failed in a way
 * that leaves open whether Cloudflare acted on it: the connection failed or timed out after the
 * request was written, or the server answered 5xx or 408. The request was not sent again, since a
 * second one could start a second build; its message says how to check what happened. The cause is
 * the failure itself.
 */
public final class OutcomeUnknownException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message}, which says how to check, and its {@code cause}. */
  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
