package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/**
 * Reports 403 Forbidden: the credentials lack the Workers CI Read or Workers CI Write permission
 * for the account.
 */
public final class PermissionDeniedException extends CloudflareServiceException {
  /**
   * The line a 403's message ends with when the request would change something (start or cancel a
   * build): those calls need a token with Workers CI Write, which a token for reading lacks.
   */
  public static final String WRITE_TOKEN_HINT =
      "Starting or cancelling a build needs a user API token with the Workers CI Write permission;"
          + " Workers CI Read is not enough.";

  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public PermissionDeniedException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
