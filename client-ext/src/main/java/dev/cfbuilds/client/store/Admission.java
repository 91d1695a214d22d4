package dev.cfbuilds.client.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Answers a request for admission to a {@link RateBudgetStore}: admitted now, or to ask again after
 * {@code retryIn}.
 *
 * @param retryIn how long to wait before asking again; zero if admitted
 * @param blocked how much longer a block announced by a 429 lasts; zero if none. When not zero,
 *     {@code retryIn} is at least this long.
 */
public record Admission(Duration retryIn, Duration blocked) {
  private static final Admission ADMITTED = new Admission(Duration.ZERO, Duration.ZERO);

  /** Checks that both durations are set and not negative. */
  public Admission {
    Objects.requireNonNull(retryIn, "retryIn == null");
    Objects.requireNonNull(blocked, "blocked == null");
    if (retryIn.isNegative() || blocked.isNegative()) {
      throw new IllegalArgumentException("retryIn and blocked must not be negative");
    }
  }

  /** Returns the answer for a request admitted now. */
  public static Admission admitted() {
    return ADMITTED;
  }

  /** Returns the answer for a request that must wait {@code wait} for room in the window. */
  public static Admission waitFor(Duration wait) {
    return new Admission(wait, Duration.ZERO);
  }

  /** Returns the answer for a request sent during a block that lasts {@code blocked} more. */
  public static Admission blockedFor(Duration blocked) {
    return new Admission(blocked, blocked);
  }

  /** Returns whether the request was admitted (and counted). */
  public boolean isAdmitted() {
    return retryIn.isZero();
  }
}
