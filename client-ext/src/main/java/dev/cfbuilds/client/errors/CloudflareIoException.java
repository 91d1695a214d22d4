package dev.cfbuilds.client.errors;

import java.io.IOException;

/**
 * Reports that the API could not be reached or stopped answering: a refused or dropped connection,
 * a timeout, or an interrupted wait. The cause is the {@link IOException} of the last attempt.
 */
public final class CloudflareIoException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a request to {@code what} (method and path) that failed with {@code
   * cause}.
   */
  public CloudflareIoException(String what, IOException cause) {
    super(what + " failed: " + describe(cause), cause);
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    return message == null
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
