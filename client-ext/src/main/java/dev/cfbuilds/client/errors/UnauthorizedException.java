package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/**
 * Reports 401 Unauthorized: the credentials are missing, wrong or expired, or of a kind the Workers
 * Builds API refuses. Its message ends with {@link #TOKEN_HINT} on a line of its own.
 */
public final class UnauthorizedException extends CloudflareServiceException {
  /**
   * The line a 401's message ends with: the Workers Builds endpoints refuse account-owned API
   * tokens with 401, which otherwise looks like a wrong token.
   */
  public static final String TOKEN_HINT =
      "The Workers Builds API needs a user API token with the Workers CI Read permission;"
          + " it refuses account-owned API tokens.";

  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public UnauthorizedException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
