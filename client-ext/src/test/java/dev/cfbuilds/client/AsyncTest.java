package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.generated.model.Build;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncTest {
  private final BuildsServer server = new BuildsServer();

  AsyncTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void completesWithTheMergedBuilds() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      CompletableFuture<Map<String, Build>> future =
          client.async().getBuildsByVersionIds("acct", ids(45));
      assertThat(future.join()).hasSize(45);
    }
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void saysItIsAViewOfItsClient() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThat(client.async()).hasToString("async view of " + client);
    }
  }

  @Test
  void failsTheFutureWithTheTypedException() {
    server.enqueue(BuildsServer.json(404, "{}"));
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThatThrownBy(() -> client.async().getBuildsByVersionIds("acct", ids(1)).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void cancellingTheFutureCancelsItsHttpCalls() throws Exception {
    CountDownLatch arrived = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          requested -> {
            arrived.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return BuildsServer.json(200, BuildsServer.envelope(requested));
          });
    }
    OkHttpClient http = new OkHttpClient();
    try (CloudflareBuildsClient client =
        server.clientBuilder().okHttpClient(http).maxConcurrentRequests(2).build()) {
      CompletableFuture<Map<String, Build>> future =
          client.async().getBuildsByVersionIds("acct", ids(100));
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(http.dispatcher().runningCallsCount()).isEqualTo(2);

      assertThat(future.cancel(true)).isTrue();

      // Cancelling closes the calls' sockets; their threads then end within moments, not after the
      // server answers.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(http.dispatcher().runningCallsCount()).isZero();
      assertThat(release.getCount()).isEqualTo(1);
      assertThat(future).isCancelled();
    } finally {
      release.countDown();
      http.dispatcher().executorService().shutdown();
    }
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void closingAClientLeavesASharedOkHttpClientOpen() {
    OkHttpClient http = new OkHttpClient();
    server.clientBuilder().okHttpClient(http).build().close();
    assertThat(http.dispatcher().executorService().isShutdown()).isFalse();
    http.dispatcher().executorService().shutdown();
  }

  @Test
  void everyOverloadWithoutAnAccountAsksTheDefaultOne() {
    String id = ids(1).get(0);
    try (CloudflareBuildsClient client = server.clientBuilder().accountId("dflt").build()) {
      assertThat(client.getBuildsByVersionIds(ids(1))).containsOnlyKeys(id);
      assertThat(client.lookupBuildsByVersionIds(ids(1)).builds()).containsOnlyKeys(id);
      assertThat(client.async().getBuildsByVersionIds(ids(1)).join()).containsOnlyKeys(id);
      assertThat(client.async().lookupBuildsByVersionIds(ids(1)).join().builds())
          .containsOnlyKeys(id);
    }
    assertThat(server.requests())
        .hasSize(4)
        .allSatisfy(
            request ->
                assertThat(request.getUrl().encodedPath())
                    .isEqualTo("/client/v4/accounts/dflt/builds/builds"));
  }
}
