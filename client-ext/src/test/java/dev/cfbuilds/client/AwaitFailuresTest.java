package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.internal.Futures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What a blocking call throws when its future fails: a {@link CloudflareException} as is, and any
 * other cause (a bug in the client, or in code it calls back) as itself or, if checked, wrapped;
 * never a {@code ClassCastException} that hides it.
 */
class AwaitFailuresTest {
  @Test
  void rethrowsACloudflareExceptionAsIs() {
    CloudflareException notFound = new NotFoundException("not found", 404, List.of(), Map.of());

    assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(notFound)))
        .isSameAs(notFound);
  }

  @Test
  void rethrowsARuntimeExceptionAsIs() {
    IllegalStateException bug = new IllegalStateException("merge failed");

    assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(bug))).isSameAs(bug);
  }

  @Test
  void rethrowsAnErrorAsIs() {
    AssertionError error = new AssertionError("listener failed");

    assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(error))).isSameAs(error);
  }

  @Test
  void wrapsACheckedExceptionInACloudflareException() {
    TimeoutException checked = new TimeoutException("took too long");

    assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(checked)))
        .isExactlyInstanceOf(CloudflareException.class)
        .hasMessage(
            "GET builds by version IDs failed unexpectedly:"
                + " java.util.concurrent.TimeoutException: took too long")
        .hasCause(checked);
  }

  @Test
  void returnsTheValueOfACompletedFuture() {
    assertThat(Futures.await(CompletableFuture.completedFuture("done"))).isEqualTo("done");
  }
}
