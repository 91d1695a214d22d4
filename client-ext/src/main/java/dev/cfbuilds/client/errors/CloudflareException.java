package dev.cfbuilds.client.errors;

/**
 * The root of every exception the cfbuilds client throws.
 *
 * <p>Unchecked, like the exceptions of OkHttp's and Stainless's clients. Messages are meant to be
 * shown to people and logged: they never contain credentials.
 */
public class CloudflareException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message} and an optional {@code cause}. */
  public CloudflareException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with {@code message}. */
  public CloudflareException(String message) {
    super(message);
  }
}
