package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/**
 * Reports 403 Forbidden: the credentials lack the Workers CI Read or Workers CI Write permission
 * for the account.
 */
public final class PermissionDeniedException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public PermissionDeniedException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
