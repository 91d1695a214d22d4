package dev.cfbuilds.client.internal;

import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Checks build UUIDs before any request. */
public final class BuildUuids {
  private BuildUuids() {}

  /**
   * Returns {@code buildUuid} as a UUID.
   *
   * @throws NullPointerException if it is null ({@code "buildUuid == null"})
   * @throws IllegalArgumentException if it is not a canonical UUID, naming the argument
   */
  public static UUID check(String buildUuid) {
    Objects.requireNonNull(buildUuid, "buildUuid == null");
    if (!CanonicalUuid.matches(buildUuid)) {
      throw new IllegalArgumentException(
          "buildUuid is not a UUID (expected 8-4-4-4-12 hex digits): \""
              + VersionIds.printable(buildUuid)
              + "\"");
    }
    return UUID.fromString(buildUuid);
  }
}
