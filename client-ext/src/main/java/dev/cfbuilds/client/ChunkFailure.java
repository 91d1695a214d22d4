package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import java.util.List;

/**
 * One request of a call that failed after its retries: the version IDs it asked for, and why.
 *
 * @param versionIds the lower-case version IDs of the failed request, in input order
 * @param exception what went wrong, as the single-request call would have thrown it
 */
public record ChunkFailure(List<String> versionIds, CloudflareException exception) {
  /** Creates a failure, copying {@code versionIds}. */
  public ChunkFailure {
    versionIds = List.copyOf(versionIds);
    CloudflareBuildsClient.requireNonNull(exception, "exception");
  }
}
