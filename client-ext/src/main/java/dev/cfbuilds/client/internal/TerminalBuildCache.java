package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.store.StoppedBuildStore;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps builds whose status is {@code stopped}, which never change again, so that they are never
 * fetched twice; evicts the least recently used beyond {@code maxEntries}. Thread-safe.
 *
 * <p>Keys are the account and the lower-case version ID. "No build" answers are not kept: a build
 * may still appear for a version, and a cached absence would hide it forever.
 *
 * <p>With a {@link StoppedBuildStore} shared with other clients, the builds are kept there instead,
 * and its own bounds replace {@code maxEntries}.
 */
final class TerminalBuildCache {
  private final Map<String, Build> builds;
  private final StoppedBuildStore shared;

  private TerminalBuildCache(StoppedBuildStore shared) {
    this.builds = null;
    this.shared = shared;
  }

  private TerminalBuildCache(int maxEntries) {
    this.shared = null;
    this.builds =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Build> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** Returns a cache of at most {@code maxEntries} builds, or {@code null} for none. */
  static TerminalBuildCache ofSize(int maxEntries) {
    return maxEntries > 0 ? new TerminalBuildCache(maxEntries) : null;
  }

  /**
   * Returns a cache kept in {@code shared}, if not null, else one of at most {@code maxEntries}
   * builds, or {@code null} for none.
   */
  static TerminalBuildCache of(int maxEntries, StoppedBuildStore shared) {
    return shared != null ? new TerminalBuildCache(shared) : ofSize(maxEntries);
  }

  /** Returns the cached build of {@code versionId} in {@code accountId}, or {@code null}. */
  Build get(String accountId, String versionId) {
    if (shared != null) {
      return shared.get(accountId, versionId);
    }
    synchronized (this) {
      return builds.get(key(accountId, versionId));
    }
  }

  /** Keeps {@code build} if its status is {@code stopped}; ignores any other. */
  void putIfTerminal(String accountId, String versionId, Build build) {
    if (!isTerminal(build)) {
      return;
    }
    if (shared != null) {
      shared.put(accountId, versionId, build);
      return;
    }
    synchronized (this) {
      builds.put(key(accountId, versionId), build);
    }
  }

  /** Returns whether {@code build} can no longer change: its status is {@code stopped}. */
  static boolean isTerminal(Build build) {
    return build != null && build.getStatus() == BuildStatus.STOPPED;
  }

  private static String key(String accountId, String versionId) {
    return accountId + '/' + versionId;
  }
}
