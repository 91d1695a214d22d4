package dev.cfbuilds.client;

import dev.cfbuilds.generated.model.Build;

/**
 * Hears of each request of a call as it finishes, for showing progress when a call with many
 * version IDs fans out into many requests, and of each poll of {@code awaitBuilds}. Called on the
 * thread that finished the request: an OkHttp thread, or the caller's own for a blocking call of
 * one request. Return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that does nothing, the default. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports that {@code done} of a call's {@code total} requests have finished, successfully or
   * not.
   */
  void onRequestDone(int done, int total);

  /**
   * Reports, after each poll of {@code awaitBuilds}, that {@code pending} of the {@code total}
   * versions awaited have a build that has not stopped yet (queued, initializing or running). Does
   * nothing by default.
   */
  default void onAwaitPoll(int pending, int total) {}

  /**
   * Reports the build as {@link BuildsResource#followLogs} read it after each round of log pages,
   * while it follows; the last report is the build as it stopped. Does nothing by default.
   */
  default void onFollowPoll(Build build) {}
}
