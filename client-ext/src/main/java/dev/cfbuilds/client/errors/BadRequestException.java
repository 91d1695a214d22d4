package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/** Reports 400 Bad Request: the request was malformed, for example a version ID the API rejects. */
public final class BadRequestException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public BadRequestException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
