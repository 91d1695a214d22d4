package dev.cfbuilds.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told, and a {@link Sleeper} that moves it instead of sleeping, so
 * that tests of waiting take no real time. Records every sleep.
 */
final class FakeTime extends Clock implements Sleeper {
  /** Where every fake clock starts: 2026-12-01T00:00:00Z. */
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  /** A sleeper whose every wait is interrupted. */
  static final Sleeper INTERRUPTED =
      duration -> {
        throw new InterruptedException();
      };

  private final AtomicLong millis = new AtomicLong(START.toEpochMilli());
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  /** Moves the clock forward by {@code duration}. */
  void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  /** Moves the clock forward to {@code instant}, if it is later. */
  void advanceTo(Instant instant) {
    millis.accumulateAndGet(instant.toEpochMilli(), Math::max);
  }

  /** Returns every sleep so far, in order. */
  List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  /** Returns the sum of every sleep so far. */
  Duration slept() {
    return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
  }

  /** Returns how long the clock has moved since {@link #START}. */
  Duration elapsed() {
    return Duration.ofMillis(millis.get() - START.toEpochMilli());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a fake clock has one zone");
  }
}
