package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.Sleeper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails every wait a benchmark's client asks for, and counts it. The client waits through its
 * {@link Sleeper} and nowhere else: for rate budget (in slices of at most a second) and before a
 * retry. Either would time the wait rather than the client, so a benchmark's client must never
 * sleep. Throwing, rather than returning at once, also stops the budget's wait loop, which would
 * otherwise spin until the window passed.
 */
final class NoWaitSleeper implements Sleeper {
  /** The one instance; its count covers every benchmark client in this JVM. */
  static final NoWaitSleeper INSTANCE = new NoWaitSleeper();

  private final AtomicInteger waits = new AtomicInteger();

  private NoWaitSleeper() {}

  /** Returns how many waits have been asked for (and refused) in this JVM. */
  int waits() {
    return waits.get();
  }

  @Override
  public void sleep(Duration duration) {
    int count = waits.incrementAndGet();
    throw new IllegalStateException(
        "a benchmark's client asked to wait "
            + duration.toMillis()
            + " ms (for rate budget, or before a retry; wait number "
            + count
            + " in this JVM): the figures would time the wait, not the client. Build it with"
            + " noRateLimit(), or with a budget it cannot use up");
  }
}
