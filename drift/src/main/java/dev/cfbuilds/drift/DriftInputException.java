package dev.cfbuilds.drift;

/**
 * Signals input that drift cannot check: a document that is not OpenAPI or has none of our paths,
 * an operationId our spec lacks, or a body that is not JSON. Its message says which and never
 * quotes a body.
 */
public final class DriftInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DriftInputException(String message) {
    super(message);
  }

  DriftInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
