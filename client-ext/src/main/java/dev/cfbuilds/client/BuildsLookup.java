package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.generated.model.Build;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a lookup of many version IDs found, even when some of its requests failed: the builds of
 * every request that succeeded, the versions those requests found no build for, and the requests
 * that failed, with their exceptions. Nothing has to be fetched again to retry only what failed:
 * pass {@link #failedVersionIds()} to another lookup.
 *
 * <p>Returned by {@link CloudflareBuildsClient#lookupBuildsByVersionIds}; immutable. Within the
 * client it also carries each step's result, from the requests through the cache to the caller.
 */
public final class BuildsLookup {
  private final Map<String, Build> builds;
  private final List<String> missingVersionIds;
  private final List<ChunkFailure> failures;
  private final List<String> mismatchedProperties;

  private BuildsLookup(
      Map<String, Build> builds,
      List<String> missingVersionIds,
      List<ChunkFailure> failures,
      List<String> mismatchedProperties) {
    this.builds = Collections.unmodifiableMap(new LinkedHashMap<>(builds));
    this.missingVersionIds = List.copyOf(missingVersionIds);
    this.failures = List.copyOf(failures);
    this.mismatchedProperties = List.copyOf(mismatchedProperties);
  }

  /**
   * Returns a lookup of the given parts, each copied: what the client returns, and what a test
   * double of it may return.
   *
   * @param builds the builds found, keyed by lower-case version ID, in the order to keep
   * @param missingVersionIds the version IDs that successful requests found no build for
   * @param failures the requests that failed
   * @param mismatchedProperties the JSON paths, each once, of values that did not fit their type
   * @throws NullPointerException if an argument or an element of a list is null
   */
  public static BuildsLookup of(
      Map<String, Build> builds,
      List<String> missingVersionIds,
      List<ChunkFailure> failures,
      List<String> mismatchedProperties) {
    return new BuildsLookup(
        Objects.requireNonNull(builds, "builds == null"),
        missingVersionIds,
        failures,
        mismatchedProperties);
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

  /**
   * Returns the JSON path, each once, of every property the API sent a value for that did not fit
   * the spec's type, such as a string where a boolean belongs or {@code "yesterday"} for a
   * date-time; empty when every value fit. Paths are those of the responses, such as {@code
   * $.result.builds.<version ID>.trigger.build_caching_enabled}; values are never shown (they may
   * be secrets). The builds are still returned: the typed getter of such a property returns {@code
   * null}, and its raw value is in the model's {@code _rawProperties()}.
   */
  public List<String> mismatchedProperties() {
    return mismatchedProperties;
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
        + ", mismatchedProperties="
        + mismatchedProperties.size()
        + "}";
  }
}
