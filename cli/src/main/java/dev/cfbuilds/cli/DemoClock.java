package dev.cfbuilds.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The demo stub's clock: the wall-clock second it started at ({@link #origin}), moved on by the
 * monotonic time since. The demo's fixed builds and deployments are dated back from the origin, so
 * they are minutes to days old whenever the demo runs; builds it starts are dated by {@link #now}.
 */
final class DemoClock {
  private final Instant origin;
  private final LongSupplier nanoTime;
  private final long originNanos;

  DemoClock(Instant origin, LongSupplier nanoTime) {
    this.origin = origin.truncatedTo(ChronoUnit.SECONDS);
    this.nanoTime = nanoTime;
    this.originNanos = nanoTime.getAsLong();
  }

  /** Returns when the stub started, to the second. */
  Instant origin() {
    return origin;
  }

  /** Returns the instant {@code minutes} before the stub started. */
  Instant minutesBeforeStart(long minutes) {
    return origin.minus(minutes, ChronoUnit.MINUTES);
  }

  /** Returns the demo's time now. */
  Instant now() {
    return at(nanoTime.getAsLong());
  }

  /** Returns the demo's time when {@code nanoTime} read {@code nanos}. */
  Instant at(long nanos) {
    return origin.plusMillis(TimeUnit.NANOSECONDS.toMillis(nanos - originNanos));
  }
}
