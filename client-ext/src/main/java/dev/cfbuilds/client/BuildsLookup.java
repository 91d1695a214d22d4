package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.generated.model.Build;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a lookup of many version IDs found, even when some of its requests failed: the builds of
 * every request that succeeded, the versions those requests found no build for, and the requests
 * that failed, with their exceptions. Nothing has to be fetched again to retry only what failed:
 * pass {@link #failedVersionIds()} to another lookup.
 *
 * <p>Returned by {@link CloudflareBuildsClient#lookupBuildsByVersionIds}; immutable.
 */
public final class BuildsLookup {
  private final Map<String, Build> builds;
  private final List<String> missingVersionIds;
  private final List<ChunkFailure> failures;

  BuildsLookup(
      Map<String, Build> builds, List<String> missingVersionIds, List<ChunkFailure> failures) {
    this.builds = builds;
    this.missingVersionIds = List.copyOf(missingVersionIds);
    this.failures = List.copyOf(failures);
  }

  /**
   * Returns the builds found, keyed by lower-case version ID, in the order the IDs were given;
   * builds the API returned under a key that was not asked for follow at the end.
   */
  public Map<String, Build> builds() {
    return builds;
  }

  /**
   * Returns the version IDs that successful requests asked for and found no build for, in input
   * order.
   */
  public List<String> missingVersionIds() {
    return missingVersionIds;
  }

  /** Returns the failed requests, in input order; empty when every request succeeded. */
  public List<ChunkFailure> failures() {
    return failures;
  }

  /** Returns the version IDs of all failed requests, in input order. */
  public List<String> failedVersionIds() {
    List<String> ids = new ArrayList<>();
    for (ChunkFailure failure : failures) {
      ids.addAll(failure.versionIds());
    }
    return ids;
  }

  /** Returns true if every request succeeded. */
  public boolean isComplete() {
    return failures.isEmpty();
  }

  /**
   * Returns {@link #builds()} if every request succeeded; otherwise throws the first failure's
   * exception, with the other failures' exceptions attached as suppressed.
   */
  public Map<String, Build> buildsOrThrow() {
    if (failures.isEmpty()) {
      return builds;
    }
    CloudflareException first = failures.get(0).exception();
    for (int i = 1; i < failures.size(); i++) {
      CloudflareException other = failures.get(i).exception();
      if (other != first && !Arrays.asList(first.getSuppressed()).contains(other)) {
        first.addSuppressed(other);
      }
    }
    throw first;
  }

  @Override
  public String toString() {
    return "BuildsLookup{builds="
        + builds.size()
        + ", missing="
        + missingVersionIds.size()
        + ", failedRequests="
        + failures.size()
        + "}";
  }
}
