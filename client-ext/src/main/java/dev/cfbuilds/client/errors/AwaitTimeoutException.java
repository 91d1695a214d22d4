package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.Build;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports that {@code awaitBuilds} timed out before every build had stopped. {@link #lastSeen()}
 * holds what the last polls found, so that a caller can still show it.
 */
public final class AwaitTimeoutException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Build> lastSeen;

  /**
   * Creates an exception.
   *
   * @param message what timed out, and which versions were still pending
   * @param lastSeen the last build seen of each version that has one, keyed by lower-case version
   *     ID in input order
   */
  public AwaitTimeoutException(String message, Map<String, Build> lastSeen) {
    super(message);
    this.lastSeen = Collections.unmodifiableMap(new LinkedHashMap<>(lastSeen));
  }

  /**
   * Returns the last build seen of each version that has one, stopped or not, keyed by lower-case
   * version ID in input order; versions with no build are absent.
   */
  public Map<String, Build> lastSeen() {
    return lastSeen != null ? lastSeen : Map.of();
  }
}
