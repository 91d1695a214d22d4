package dev.cfbuilds.client.errors;

/**
 * Reports a successful HTTP response whose body is not the JSON the spec describes: truncated,
 * empty, not JSON, or JSON of the wrong shape. The message names the JSON path where reading
 * stopped, as Moshi reports it ({@code at path $.result.builds}).
 */
public final class MalformedResponseException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /** Creates an exception for a response with {@code statusCode} that could not be decoded. */
  public MalformedResponseException(String message, int statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** Returns the HTTP status of the response whose body could not be decoded. */
  public int statusCode() {
    return statusCode;
  }
}
