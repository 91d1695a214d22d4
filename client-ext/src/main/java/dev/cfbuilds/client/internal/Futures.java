package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Waits for the client's futures, and passes a cancel from a derived future back to its source. */
public final class Futures {
  private Futures() {}

  /**
   * Runs {@code onCancel} when {@code future} is cancelled; {@code thenApply} and the like do not
   * pass a cancel back to the future they started from.
   */
  public static void onCancel(CompletableFuture<?> future, Runnable onCancel) {
    future.whenComplete(
        (value, failure) -> {
          if (future.isCancelled()) {
            onCancel.run();
          }
        });
  }

  /**
   * Returns {@code source} mapped by {@code mapping}; cancelling the result cancels {@code source}.
   */
  public static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> mapping) {
    CompletableFuture<R> result = source.thenApply(mapping);
    onCancel(result, () -> source.cancel(true));
    return result;
  }

  /**
   * Waits for {@code future}; on interrupt cancels it and keeps the interrupt flag set. Rethrows
   * the failure of the future as it is if unchecked, or else in a {@link CloudflareException}.
   *
   * @throws CloudflareIoException if the thread is interrupted while waiting
   */
  public static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      InterruptedIOException cause =
          new InterruptedIOException("interrupted while waiting for builds");
      cause.initCause(e);
      throw new CloudflareIoException("GET builds by version IDs", cause);
    } catch (ExecutionException e) {
      // Requests fail only with a CloudflareException (ResponseMapper.failure maps the rest), but
      // code around them (the cache merge, a listener) may throw anything: let it through as it is.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new CloudflareException(
          "GET builds by version IDs failed unexpectedly: " + cause, cause);
    }
  }
}
