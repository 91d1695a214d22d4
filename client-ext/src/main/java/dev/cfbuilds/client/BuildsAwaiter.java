package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.AwaitTimeoutException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.internal.BuildsService;
import dev.cfbuilds.client.internal.BuildsService.Caller;
import dev.cfbuilds.client.internal.BuildsService.OnFailure;
import dev.cfbuilds.client.internal.Futures;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Polls the builds of some versions until each has stopped: behind {@code awaitBuilds}.
 *
 * <p>Each poll fetches only the versions whose build has not stopped yet. Polls are {@link
 * #FIRST_INTERVAL} apart at first, each interval {@link #GROWTH} times the one before, up to {@link
 * #MAX_INTERVAL}: quick for a build that is nearly done, a few requests a minute for a long one.
 * Every request goes through the client's rate budget. A version with no build is settled at the
 * first poll that finds none: it is left out of the result, as {@code getBuildsByVersionIds} leaves
 * it out, rather than polled until the timeout (a version deployed without Workers Builds never
 * gets one).
 *
 * <p>Not thread-safe: one instance runs one wait, on one thread at a time.
 */
final class BuildsAwaiter {
  static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofSeconds(30);
  static final double GROWTH = 1.5;

  /** How many pending versions a timeout's message names. */
  private static final int NAMED_IN_MESSAGE = 3;

  private final BuildsService service;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ProgressListener progress;
  private final String accountId;
  private final List<String> versionIds;
  private final Duration timeout;
  private volatile CompletableFuture<BuildsLookup> current;
  private volatile boolean cancelled;

  BuildsAwaiter(
      BuildsService service, String accountId, List<String> versionIds, Duration timeout) {
    this.service = service;
    this.sleeper = service.settings().sleeper();
    this.clock = service.settings().clock();
    this.progress = service.settings().progress();
    this.accountId = accountId;
    this.versionIds = versionIds;
    this.timeout = timeout;
  }

  /** Stops the wait: cancels the poll in flight; the loop ends at its next step. */
  void cancel() {
    cancelled = true;
    CompletableFuture<BuildsLookup> poll = current;
    if (poll != null) {
      poll.cancel(true);
    }
  }

  /**
   * Polls until every build has stopped, and returns the builds in input order.
   *
   * @param caller whether this thread waits for the result, so a poll of one request may run on it
   * @throws AwaitTimeoutException if {@code timeout} passes first
   * @throws CancellationException if {@link #cancel()} was called
   * @throws CloudflareIoException if the thread is interrupted; the interrupt flag stays set
   */
  Map<String, Build> run(Caller caller) {
    long start = clock.millis();
    Map<String, Build> lastSeen = new LinkedHashMap<>();
    List<String> pending = versionIds;
    Duration interval = FIRST_INTERVAL;
    while (true) {
      checkNotCancelled();
      current = service.fetchNormalized(accountId, pending, OnFailure.FAIL_CALL, caller);
      checkNotCancelled();
      BuildsLookup outcome = Futures.await(current);
      List<String> stillRunning = new ArrayList<>();
      for (String id : pending) {
        Build build = outcome.builds().get(id);
        if (build == null) {
          continue;
        }
        lastSeen.put(id, build);
        if (build.getStatus() != BuildStatus.STOPPED) {
          stillRunning.add(id);
        }
      }
      progress.onAwaitPoll(stillRunning.size(), versionIds.size());
      if (stillRunning.isEmpty()) {
        return inInputOrder(lastSeen);
      }
      long left = timeout.toMillis() - (clock.millis() - start);
      if (left <= 0) {
        throw timedOut(stillRunning, lastSeen);
      }
      sleep(interval.toMillis() < left ? interval : Duration.ofMillis(left));
      interval = next(interval);
      pending = stillRunning;
    }
  }

  /**
   * Starts the wait on {@code executor}, returning its result; cancelling the future stops the
   * wait. A closed client's executor refuses the task: the future then fails at once.
   */
  CompletableFuture<Map<String, Build>> start(ExecutorService executor) {
    CompletableFuture<Map<String, Build>> result = new CompletableFuture<>();
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              try {
                result.complete(run(Caller.ASYNC));
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            null);
    Futures.onCancel(
        result,
        () -> {
          cancel();
          task.cancel(true);
        });
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("client is closed", e));
    }
    return result;
  }

  /** Returns the interval after {@code interval}: {@link #GROWTH} times longer, capped. */
  static Duration next(Duration interval) {
    Duration grown = Duration.ofMillis((long) (interval.toMillis() * GROWTH));
    return grown.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : grown;
  }

  private void checkNotCancelled() {
    if (cancelled) {
      throw new CancellationException("awaitBuilds was cancelled");
    }
  }

  private void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checkNotCancelled();
      InterruptedIOException cause =
          new InterruptedIOException("interrupted while awaiting builds");
      cause.initCause(e);
      throw new CloudflareIoException("awaiting builds", cause);
    }
  }

  private Map<String, Build> inInputOrder(Map<String, Build> seen) {
    Map<String, Build> ordered = new LinkedHashMap<>();
    for (String id : versionIds) {
      Build build = seen.get(id);
      if (build != null) {
        ordered.put(id, build);
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  private AwaitTimeoutException timedOut(List<String> stillRunning, Map<String, Build> lastSeen) {
    StringBuilder named = new StringBuilder();
    for (String id : stillRunning.subList(0, Math.min(NAMED_IN_MESSAGE, stillRunning.size()))) {
      named.append(named.length() == 0 ? "" : ", ").append(id).append(' ');
      named.append(lastSeen.get(id).getStatus());
    }
    if (stillRunning.size() > NAMED_IN_MESSAGE) {
      named.append(", …");
    }
    return new AwaitTimeoutException(
        "timed out after "
            + timeout.toSeconds()
            + " s awaiting builds: "
            + stillRunning.size()
            + " of "
            + versionIds.size()
            + " not stopped yet ("
            + named
            + ")",
        inInputOrder(lastSeen));
  }
}
