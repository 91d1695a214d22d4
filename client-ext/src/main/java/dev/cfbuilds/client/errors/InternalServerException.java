package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/** Reports a 5xx status: the API failed; the client has already retried it. */
public final class InternalServerException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public InternalServerException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
