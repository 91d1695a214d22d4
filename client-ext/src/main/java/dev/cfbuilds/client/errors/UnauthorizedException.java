package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/** Reports 401 Unauthorized: the credentials are missing, wrong or expired. */
public final class UnauthorizedException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public UnauthorizedException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
