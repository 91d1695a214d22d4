package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.ApiError;
import java.util.List;
import java.util.Map;

/** Reports a status that no other subclass covers. */
public final class UnexpectedStatusCodeException extends CloudflareServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link CloudflareServiceException#CloudflareServiceException}. */
  public UnexpectedStatusCodeException(
      String message, int statusCode, List<ApiError> errors, Map<String, List<String>> headers) {
    super(message, statusCode, errors, headers);
  }
}
