package dev.cfbuilds.client.errors;

/**
 * Reports that the shared store holding the rate budget and the build cache (such as Redis) could
 * not be reached or failed; the request that needed it was not sent. The message names the store.
 *
 * <p>The client never falls back to a budget of its own when the store fails: other processes count
 * on it to keep within the shared budget.
 */
public class SharedStoreException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message}, which names the store, and its {@code cause}. */
  public SharedStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
