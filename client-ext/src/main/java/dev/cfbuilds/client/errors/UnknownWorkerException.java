package dev.cfbuilds.client.errors;

/**
 * No Worker of the account has the name given. Thrown before any Builds API request, after the
 * Workers API's list of scripts was read.
 */
public final class UnknownWorkerException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  private final String workerName;

  /** Creates the exception for {@code workerName}, which the message names. */
  public UnknownWorkerException(String message, String workerName) {
    super(message);
    this.workerName = workerName;
  }

  /** Returns the name that no Worker has. */
  public String workerName() {
    return workerName;
  }
}
