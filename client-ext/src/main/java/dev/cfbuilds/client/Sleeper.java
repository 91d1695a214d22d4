package dev.cfbuilds.client;

import java.time.Duration;

/**
 * Waits between retries. The default is {@link Thread#sleep}; tests pass one that records the
 * durations and returns at once, so that no test ever sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits for {@code duration}, or less if interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the sleeper that blocks the calling thread for real. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
