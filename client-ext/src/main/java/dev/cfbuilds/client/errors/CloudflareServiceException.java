package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/**
 * Reports that the API answered but refused the request: a non-2xx status, or a 2xx whose envelope
 * says {@code "success": false}. Subclasses name the status family; this class itself is thrown
 * only for the latter.
 *
 * <p>{@link #errors()} carries Cloudflare's own {@code code} and {@code message} pairs, which say
 * more than the status (for example {@code 10000 Authentication error}).
 */
public class CloudflareServiceException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final transient List<ApiError> errors;
  private final transient Map<String, List<String>> headers;

  /**
   * Creates an exception.
   *
   * @param message what a user needs: status, Cloudflare's codes and messages, method and path
   * @param statusCode the HTTP status
   * @param errors Cloudflare's errors from the envelope; empty when the body had none
   * @param headers the response headers, names in lower case
   */
  public CloudflareServiceException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message);
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** Returns the HTTP status code of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns Cloudflare's errors from the response envelope; empty when it had none. */
  public List<ApiError> errors() {
    return errors;
  }

  /** Returns the response headers, names in lower case, values in the order received. */
  public Map<String, List<String>> headers() {
    return headers;
  }
}
