package dev.cfbuilds.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lets at most a fixed number of requests run at once across all calls of one client; the rest wait
 * in arrival order. Holds no thread: a request is started by whoever frees its place.
 */
final class ConcurrencyLimiter {
  private final int maxInFlight;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  /** Creates a limiter that lets {@code maxInFlight} requests run at once. */
  ConcurrencyLimiter(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /**
   * Runs {@code start} now if a place is free, or later when one is; it must end in {@link
   * #release}.
   */
  void submit(Runnable start) {
    synchronized (this) {
      if (inFlight >= maxInFlight) {
        waiting.add(start);
        return;
      }
      inFlight++;
    }
    start.run();
  }

  /** Takes a place if one is free and nobody is waiting for one; returns whether it did. */
  synchronized boolean tryAcquire() {
    if (inFlight >= maxInFlight || !waiting.isEmpty()) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** Frees the place of a finished request, starting the next waiting one in it. */
  void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inFlight--;
        return;
      }
    }
    next.run();
  }

  /** Withdraws a request that has not started; returns false if it already has. */
  synchronized boolean withdraw(Runnable start) {
    return waiting.remove(start);
  }
}
