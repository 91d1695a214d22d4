package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.Sleeper;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.client.errors.SharedStoreException;
import dev.cfbuilds.client.store.Admission;
import dev.cfbuilds.client.store.RateBudgetStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Holds back requests so that one client never sends more than {@code requests} in any window of
 * length {@code per}, wherever the window starts; shared by every call of the client, blocking and
 * async, and by every retry.
 *
 * <p>It keeps the send times of the last {@code requests} requests (a sliding-window log). A
 * request may start once the oldest of them is at least {@code per} plus a margin old; the margin,
 * a sixtieth of {@code per} (5 s of 5 minutes), covers the time between this check and the request
 * reaching the server. A token bucket would not do: after a quiet spell it lets a full bucket go at
 * once and refills while it drains, up to twice the budget within one window.
 *
 * <p>It also obeys the server: the tightest "remaining until reset" of the {@code RateLimit} or
 * {@code X-RateLimit-*} headers (less the requests still in flight, which the server may not have
 * counted yet), and each quota {@code RateLimit-Policy} announces, as a further sliding window.
 *
 * <p>After a 429 whose {@code Retry-After} is longer than {@code maxRetryAfter}, every later call
 * of the client fails at once, with the {@link RateLimitException} {@link #blocked()} returns,
 * until that time has passed: sending during Cloudflare's block would only extend it. (A shorter
 * {@code Retry-After} is waited out by the retry of the request that received it.)
 *
 * <p>Waits go through the {@link Sleeper}, in slices of at most {@link #SLICE}, checking between
 * slices whether the call was cancelled (by {@code close()}, its future or OkHttp's call timeout).
 * Times come from the {@link Clock}.
 *
 * <p>With a {@link RateBudgetStore} shared with other clients, a request that this budget lets go
 * must also be admitted by the store, which counts it in the shared window, and a 429's block is
 * written to the store too. A block the store reports that is longer than {@code maxRetryAfter}
 * fails the request with a {@link RateLimitException}; a store that fails fails the request with
 * its {@link SharedStoreException}. Neither is retried.
 */
final class RateBudget implements Interceptor {
  /** The longest single sleep, so that a cancelled call stops waiting within this time. */
  static final Duration SLICE = Duration.ofSeconds(1);

  /** At most this many quotas learned from {@code RateLimit-Policy} are kept. */
  static final int MAX_POLICIES = 4;

  /** The longest duration a {@code long} of milliseconds holds. */
  private static final Duration MAX_MILLIS = Duration.ofMillis(Long.MAX_VALUE);

  private final Window window;
  private final Clock clock;
  private final Sleeper sleeper;
  private final long maxRetryAfterMillis;
  private final Map<String, Window> policies = new LinkedHashMap<>();
  private int inFlight;
  private long serverRemaining;
  private long serverResetAt;
  private long blockedUntil;
  private Map<String, List<String>> blockHeaders = Map.of();
  private Duration blockRetryAfter;
  private final RateBudgetStore shared;

  private RateBudget(
      Window window, Duration maxRetryAfter, Sleeper sleeper, Clock clock, RateBudgetStore shared) {
    this.window = window;
    this.shared = shared;
    this.maxRetryAfterMillis = maxRetryAfter.toMillis();
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** Returns a budget of {@code requests} per {@code per}, obeying the server's headers. */
  static RateBudget of(
      int requests, Duration per, Duration maxRetryAfter, Sleeper sleeper, Clock clock) {
    return of(requests, per, maxRetryAfter, sleeper, clock, null);
  }

  /**
   * Returns a budget of {@code requests} per {@code per} that {@code shared}, if not null, must
   * also admit each request to.
   */
  static RateBudget of(
      int requests,
      Duration per,
      Duration maxRetryAfter,
      Sleeper sleeper,
      Clock clock,
      RateBudgetStore shared) {
    return new RateBudget(
        new Window(requests, per.toMillis()), maxRetryAfter, sleeper, clock, shared);
  }

  /**
   * Returns a budget that counts nothing and ignores the rate-limit headers, but still sends
   * nothing during a block a 429's {@code Retry-After} announced.
   */
  static RateBudget off(Duration maxRetryAfter, Sleeper sleeper, Clock clock) {
    return new RateBudget(null, maxRetryAfter, sleeper, clock, null);
  }

  /**
   * Returns the exception for a call made while a 429 asked for a wait longer than {@code
   * maxRetryAfter} that has not yet passed, or {@code null} if requests may be sent (perhaps after
   * a wait).
   */
  synchronized RateLimitException blocked() {
    long now = clock.millis();
    long left = blockedUntil - now;
    if (left <= maxRetryAfterMillis) {
      return null;
    }
    Duration wait = Duration.ofMillis(left);
    return new RateLimitException(
        "not sent: the API answered 429 Too Many Requests with Retry-After "
            + blockRetryAfter.toSeconds()
            + " s, longer than maxRetryAfter ("
            + maxRetryAfterMillis / 1000
            + " s), so this client sends nothing until "
            + Instant.ofEpochMilli(blockedUntil)
            + " ("
            + wait.toSeconds()
            + " s from now)",
        429,
        List.of(),
        blockHeaders,
        wait);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    acquire(chain.call());
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException e) {
      sent(null);
      throw e;
    }
    sent(response);
    if (shared != null && response.code() == 429) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      if (retryAfter != null) {
        try {
          shared.block(retryAfter);
        } catch (SharedStoreException e) {
          response.close();
          throw new NotSent(e);
        }
      }
    }
    return response;
  }

  /**
   * Waits until {@code call} may send a request and counts it as sent; each call must be followed
   * by {@link #sent} once the attempt is over.
   *
   * @throws IOException if the call is cancelled or the thread interrupted while waiting
   */
  void acquire(Call call) throws IOException {
    while (true) {
      long wait;
      synchronized (this) {
        long now = clock.millis();
        wait = waitMillis(now);
        if (wait <= 0 && shared == null) {
          record(now);
          inFlight++;
          return;
        }
      }
      if (wait <= 0) {
        wait = admitShared();
        if (wait <= 0) {
          synchronized (this) {
            record(clock.millis());
            inFlight++;
          }
          return;
        }
      }
      if (call.isCanceled()) {
        throw new IOException("Canceled");
      }
      try {
        sleeper.sleep(Duration.ofMillis(Math.min(wait, SLICE.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for rate budget");
      }
    }
  }

  /**
   * Asks the shared store to admit a request; returns zero if it did, else how long to wait.
   *
   * @throws NotSent if the store fails or reports a block longer than {@code maxRetryAfter}
   */
  private long admitShared() throws NotSent {
    Admission admission;
    try {
      admission =
          shared.tryAcquire(
              window.requests, Duration.ofMillis(window.perMillis + window.marginMillis));
    } catch (SharedStoreException e) {
      throw new NotSent(e);
    }
    long blocked = admission.blocked().toMillis();
    if (blocked > maxRetryAfterMillis) {
      throw new NotSent(
          new RateLimitException(
              "not sent: a client sharing this one's rate budget was answered 429 Too Many"
                  + " Requests with a Retry-After longer than maxRetryAfter ("
                  + maxRetryAfterMillis / 1000
                  + " s), so no client sharing it sends for "
                  + admission.blocked().toSeconds()
                  + " s more",
              429,
              List.of(),
              Map.of(),
              admission.blocked()));
    }
    return admission.retryIn().toMillis();
  }

  /**
   * Ends an attempt counted by {@link #acquire}, learning from {@code response}'s headers; {@code
   * response} is null when the attempt failed without one.
   */
  synchronized void sent(Response response) {
    inFlight--;
    if (response == null) {
      return;
    }
    if (response.code() == 429) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      if (retryAfter != null) {
        long until = saturatedAdd(clock.millis(), millis(retryAfter));
        if (until > blockedUntil) {
          blockedUntil = until;
          blockRetryAfter = retryAfter;
          blockHeaders = response.headers().toMultimap();
        }
      }
    }
    if (window == null) {
      return;
    }
    RateLimitHeaders.Remaining remaining = RateLimitHeaders.remaining(response.headers(), clock);
    if (remaining != null) {
      serverRemaining = remaining.remaining() - inFlight;
      serverResetAt = remaining.resetAtMillis();
    }
    for (RateLimitHeaders.Policy policy : RateLimitHeaders.policies(response.headers())) {
      Window known = policies.get(policy.name());
      long perMillis = policy.windowSeconds() * 1000;
      if (known != null && known.requests == policy.quota() && known.perMillis == perMillis) {
        continue;
      }
      if (known == null && policies.size() >= MAX_POLICIES) {
        continue;
      }
      Window learned = new Window((int) policy.quota(), perMillis);
      for (long sentAt : window.sent) {
        learned.record(sentAt);
      }
      policies.put(policy.name(), learned);
    }
  }

  /** Returns how long a request must wait at {@code now}; zero or less if it may go. */
  private long waitMillis(long now) {
    long until = now;
    if (window != null) {
      until = Math.max(until, window.nextFree());
      for (Window policy : policies.values()) {
        until = Math.max(until, policy.nextFree());
      }
      if (serverRemaining <= 0 && serverResetAt > now) {
        until = Math.max(until, serverResetAt);
      }
    }
    return until - now;
  }

  private void record(long now) {
    if (window == null) {
      return;
    }
    window.record(now);
    for (Window policy : policies.values()) {
      policy.record(now);
    }
    if (serverResetAt > now) {
      serverRemaining--;
    }
  }

  /** Returns {@code duration} in milliseconds, {@code Long.MAX_VALUE} if it does not fit. */
  private static long millis(Duration duration) {
    return duration.compareTo(MAX_MILLIS) < 0 ? duration.toMillis() : Long.MAX_VALUE;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** A sliding-window log: the send times of the last {@code requests} requests. */
  private static final class Window {
    final int requests;
    final long perMillis;
    final long marginMillis;
    final ArrayDeque<Long> sent = new ArrayDeque<>();

    Window(int requests, long perMillis) {
      this.requests = requests;
      this.perMillis = perMillis;
      this.marginMillis = perMillis / 60;
    }

    /** Returns when the next request may start: once the oldest of the last N is old enough. */
    long nextFree() {
      return sent.size() < requests ? 0 : sent.peekFirst() + perMillis + marginMillis;
    }

    void record(long now) {
      Long last = sent.peekLast();
      sent.addLast(last != null && last > now ? last : now);
      while (sent.size() > requests || sent.peekFirst() < now - perMillis - marginMillis) {
        sent.removeFirst();
      }
    }
  }
}
