package dev.cfbuilds.client.store;

import java.time.Duration;

/**
 * Admits requests to a rate budget shared by every client that uses this store: at most {@code
 * requests} in any window of the given length, wherever the window starts, and none while a block a
 * 429 announced lasts.
 *
 * <p>Times are the store's own, so that the clocks of the machines sharing it do not matter. Each
 * call is atomic in the store and holds nothing after it returns: a process that dies between calls
 * leaves nothing behind that the others would wait for.
 */
public interface RateBudgetStore {
  /**
   * Counts one request and returns {@link Admission#admitted()} if fewer than {@code requests} were
   * counted in the last {@code window} and no block is in force; otherwise counts nothing and
   * returns how long to wait before asking again.
   *
   * @param requests how many requests any window may hold, at least 1
   * @param window the window's length, at least 1 ms
   * @throws dev.cfbuilds.client.errors.SharedStoreException if the store cannot be reached
   */
  Admission tryAcquire(int requests, Duration window);

  /**
   * Remembers that no request may be sent for {@code retryAfter} from now, unless a block known
   * already lasts longer.
   *
   * @throws dev.cfbuilds.client.errors.SharedStoreException if the store cannot be reached
   */
  void block(Duration retryAfter);
}
