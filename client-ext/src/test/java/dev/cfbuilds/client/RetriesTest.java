package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetriesTest {
  private static final String ERROR =
      "{\"errors\":[{\"code\":10000,\"message\":\"busy\"}],\"messages\":[],"
          + "\"result\":null,\"success\":false}";

  private final BuildsServer server = new BuildsServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  RetriesTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  private CloudflareBuildsClient client() {
    return server.clientBuilder().sleeper(sleeps::add).build();
  }

  @Test
  void honorsRetryAfterSeconds() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body(ERROR).build());
    try (CloudflareBuildsClient client = client()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(3))).hasSize(3);
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void honorsRetryAfterHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "Sat, 28 Nov 2026 12:00:07 GMT")
            .body(ERROR)
            .build());
    try (CloudflareBuildsClient client =
        server.clientBuilder().sleeper(sleeps::add).clock(clock).build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void failsAtOnceWhenRetryAfterExceedsTheCap() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "300").body(ERROR).build());
    try (CloudflareBuildsClient client = client()) {
      RateLimitException e =
          catchThrowableOfType(
              RateLimitException.class, () -> client.getBuildsByVersionIds("acct", ids(1)));
      assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
    }
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retriesRetryableStatusesThenRecovers(int status) {
    server.enqueue(json(status, ERROR));
    try (CloudflareBuildsClient client = client()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
    }
    assertThat(server.requests()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void doesNotRetryClientErrors(int status) {
    server.enqueue(json(status, ERROR));
    try (CloudflareBuildsClient client = client()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOfSatisfying(
              CloudflareServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void boundsRetriesAndBacksOffExponentially() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, ERROR));
    }
    try (CloudflareBuildsClient client = client()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(InternalServerException.class);
    }
    assertThat(server.requests()).hasSize(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
  }

  @Test
  void capsBackoffAtEightSeconds() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(500, ERROR));
    }
    try (CloudflareBuildsClient client =
        server.clientBuilder().sleeper(sleeps::add).maxRetries(6).build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    assertThat(sleeps).hasSize(6);
    assertThat(sleeps.get(5)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
  }

  @Test
  void retriesAConnectionDroppedMidBody() {
    server.enqueue(
        ids ->
            new MockResponse.Builder()
                .code(200)
                .body(BuildsServer.envelope(ids))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
    try (CloudflareBuildsClient client = client()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(2))).hasSize(2);
    }
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void countsARequestThatFailsOnAReusedConnectionAsOneAttempt() {
    List<String> second = ids(2).subList(1, 2);
    server.onChunk(
        second.get(0),
        (n, requested) ->
            new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
    try (CloudflareBuildsClient client = server.clientBuilder().maxRetries(0).build()) {
      client.getBuildsByVersionIds("acct", ids(1));
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", second))
          .isInstanceOf(CloudflareIoException.class);
    }
    // OkHttp's own retryOnConnectionFailure made it 1 + 3: it silently repeats a request whose
    // pooled connection dies.
    assertThat(server.requests()).hasSize(1 + 1);
  }

  @Test
  void doesNotRetryWhenMaxRetriesIsZero() {
    server.enqueue(json(503, ERROR));
    try (CloudflareBuildsClient client = server.clientBuilder().maxRetries(0).build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(InternalServerException.class);
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void callTimeoutBoundsABodyTrickledFasterThanTheReadTimeout() {
    server.enqueue(
        ids ->
            new MockResponse.Builder()
                .code(200)
                .body(BuildsServer.envelope(ids))
                .throttleBody(64, 50, TimeUnit.MILLISECONDS)
                .build());
    try (CloudflareBuildsClient client =
        server
            .clientBuilder()
            .sleeper(sleeps::add)
            .maxRetries(0)
            .timeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofMillis(300))
            .build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(20)))
          .isInstanceOf(CloudflareIoException.class)
          .hasMessageContaining("timeout");
    }
  }

  @Test
  void waitsForARetryAfterOfExactlyTheCap() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "5").body(ERROR).build());
    try (CloudflareBuildsClient client =
        server.clientBuilder().sleeper(sleeps::add).maxRetryAfter(Duration.ofSeconds(5)).build()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void anInterruptedWaitBeforeARetryFailsTheCallAndKeepsTheInterrupt() {
    server.enqueue(json(503, ERROR));
    try (CloudflareBuildsClient client =
        server.clientBuilder().sleeper(FakeTime.INTERRUPTED).build()) {
      CloudflareIoException e =
          catchThrowableOfType(
              CloudflareIoException.class, () -> client.getBuildsByVersionIds("acct", ids(1)));

      assertThat(e).hasRootCauseInstanceOf(java.io.InterruptedIOException.class);
      assertThat(Thread.interrupted()).as("interrupt flag of the calling thread").isTrue();
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aRetryAfterTooLongForAnyClockFailsAsARateLimitWithoutARetry() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "99999999999999999999")
            .body(ERROR)
            .build());
    try (CloudflareBuildsClient client = client()) {
      RateLimitException e =
          catchThrowableOfType(
              RateLimitException.class, () -> client.getBuildsByVersionIds("acct", ids(1)));

      assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(Long.MAX_VALUE));
    }
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }
}
