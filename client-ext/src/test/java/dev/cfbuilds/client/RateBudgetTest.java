package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateBudgetTest {
  private static final String ERROR =
      "{\"errors\":[{\"code\":971,\"message\":\"Please wait and consider throttling your request"
          + " speed\"}],\"messages\":[],\"result\":null,\"success\":false}";

  private final BuildsServer server = new BuildsServer();
  private final FakeTime time = new FakeTime();

  RateBudgetTest() throws Exception {
    server.recordArrivals(time);
  }

  @AfterEach
  void close() {
    server.close();
  }

  private CloudflareBuildsClient.Builder builder() {
    return server.clientBuilder().sleeper(time).clock(time);
  }

  @Test
  void neverSendsMoreThanTheBudgetInAnyWindow() {
    try (CloudflareBuildsClient client =
        builder().rateLimit(5, Duration.ofSeconds(60)).maxConcurrentRequests(1).build()) {
      for (int i = 0; i < 4; i++) {
        client.getBuildsByVersionIds("acct", ids(80));
      }
    }
    List<Long> arrivals = server.arrivals();
    assertThat(arrivals).hasSize(16);
    assertAtMostPerWindow(arrivals, 5, Duration.ofSeconds(60));
    // 16 requests at 5 per window of 60 s plus a 1 s margin: the 6th, 11th and 16th each wait one.
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(3 * 61));
  }

  @Test
  void theWindowCheckFailsWithoutTheBudget() {
    try (CloudflareBuildsClient client = builder().noRateLimit().build()) {
      client.getBuildsByVersionIds("acct", ids(200));
    }
    assertThatThrownBy(() -> assertAtMostPerWindow(server.arrivals(), 5, Duration.ofSeconds(60)))
        .isInstanceOf(AssertionError.class);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void countsRetriesAgainstTheBudget() {
    server.enqueue(json(503, ERROR));
    try (CloudflareBuildsClient client =
        builder().rateLimit(2, Duration.ofSeconds(60)).maxRetries(1).build()) {
      client.getBuildsByVersionIds("acct", ids(1)); // 503, then the retry: two requests
      Duration afterRetry = time.elapsed();
      client.getBuildsByVersionIds("acct", ids(1)); // waits for the first to leave the window
      assertThat(time.elapsed().minus(afterRetry)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }
    assertThat(server.requests()).hasSize(3);
    assertAtMostPerWindow(server.arrivals(), 2, Duration.ofSeconds(60));
  }

  @Test
  void sharesOneBudgetBetweenBlockingAndAsyncCalls() throws Exception {
    try (CloudflareBuildsClient client =
        builder().rateLimit(3, Duration.ofSeconds(60)).maxConcurrentRequests(1).build()) {
      client.getBuildsByVersionIds("acct", ids(40));
      client.async().getBuildsByVersionIds("acct", ids(40)).get();
    }
    assertThat(server.arrivals()).hasSize(4);
    assertAtMostPerWindow(server.arrivals(), 3, Duration.ofSeconds(60));
  }

  @Test
  void waitsInSlicesSoThatCallTimeoutStillBoundsTheCall() {
    try (CloudflareBuildsClient client =
        server
            .clientBuilder()
            .rateLimit(1, Duration.ofHours(1))
            .callTimeout(Duration.ofMillis(200))
            .build()) {
      client.getBuildsByVersionIds("acct", ids(1));
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(CloudflareIoException.class)
          .hasMessageContaining("timeout");
    }
    assertThat(server.requests()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RateLimit: \"default\";r=0;t=30",
        "RateLimit: default;r=0;t=30",
        "RateLimit: \"burst\";r=7;t=5, \"default\";r=0;t=30",
        "X-RateLimit-Remaining: 0|X-RateLimit-Reset: 30",
        "X-RateLimit-Limit: 1200|X-RateLimit-Remaining: 0|X-RateLimit-Reset: EPOCH+30"
      })
  void waitsForTheResetWhenTheServerSaysNothingRemains(String headers) {
    answerWithHeaders(headers);
    try (CloudflareBuildsClient client = builder().build()) {
      client.getBuildsByVersionIds("acct", ids(1));
      assertThat(time.sleeps()).isEmpty();
      client.getBuildsByVersionIds("acct", ids(1));
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void keepsToAQuotaTheServerAnnounces() {
    answerWithHeaders("RateLimit-Policy: \"burst\";q=2;w=60");
    try (CloudflareBuildsClient client = builder().maxConcurrentRequests(1).build()) {
      for (int i = 0; i < 5; i++) {
        client.getBuildsByVersionIds("acct", ids(1));
      }
    }
    assertThat(server.arrivals()).hasSize(5);
    assertAtMostPerWindow(server.arrivals(), 2, Duration.ofSeconds(60));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RateLimit: \"default\";r=zero;t=30",
        "RateLimit: \"default\";r=-1;t=30",
        "RateLimit: \"default;r=0;t=30",
        "RateLimit: \"default\";r=0;t=99999999999999999999",
        "RateLimit: ;;;,,,",
        "RateLimit: \"default\";r=0",
        "RateLimit-Policy: \"x\";q=0;w=60",
        "RateLimit-Policy: \"x\";q=1;w=0",
        "RateLimit-Policy: \"x\";q=1",
        "X-RateLimit-Remaining: 0|X-RateLimit-Reset: soon",
        "X-RateLimit-Remaining: none|X-RateLimit-Reset: 30",
        "X-RateLimit-Remaining: 0|X-RateLimit-Reset: 99999999"
      })
  void ignoresRateLimitHeadersItCannotRead(String headers) {
    answerWithHeaders(headers);
    try (CloudflareBuildsClient client = builder().build()) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
      }
    }
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void failsEveryCallAtOnceWhileALongRetryAfterLasts() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "300").body(ERROR).build());
    try (CloudflareBuildsClient client = builder().build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(RateLimitException.class)
          .hasMessageContaining("returned 429 Too Many Requests");
      time.advance(Duration.ofSeconds(100));

      RateLimitException blocked =
          catchThrowableOfType(
              RateLimitException.class, () -> client.getBuildsByVersionIds("acct", ids(1)));
      assertThat(blocked)
          .hasMessage(
              "not sent: the API answered 429 Too Many Requests with Retry-After 300 s, longer"
                  + " than maxRetryAfter (60 s), so this client sends nothing until"
                  + " 2026-12-01T00:05:00Z (200 s from now)");
      assertThat(blocked.retryAfter()).contains(Duration.ofSeconds(200));
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThatThrownBy(() -> client.lookupBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(RateLimitException.class);
      CompletableFuture<?> async = client.async().getBuildsByVersionIds("acct", ids(1));
      assertThatThrownBy(async::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RateLimitException.class);
      assertThat(server.requests()).hasSize(1);

      time.advance(Duration.ofSeconds(200));
      assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void rejectsABudgetOfNothing() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().rateLimit(0, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requests must be >= 1 but was 0");
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().rateLimit(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("per must be positive but was PT0S");
  }

  /** Fails unless no window of length {@code per} holds more than {@code max} of {@code times}. */
  static void assertAtMostPerWindow(List<Long> times, int max, Duration per) {
    for (int i = 0; i + max < times.size(); i++) {
      long gap = times.get(i + max) - times.get(i);
      if (gap < per.toMillis()) {
        throw new AssertionError(
            (max + 1) + " requests within " + gap + " ms, from request " + i + ": " + times);
      }
    }
  }

  /**
   * Answers each request with its builds and the headers "Name: value|Name: value"; EPOCH is the
   * fake now.
   */
  private void answerWithHeaders(String headers) {
    server.enqueue(
        ids -> {
          MockResponse.Builder builder = json(200, BuildsServer.envelope(ids)).newBuilder();
          for (String header : headers.split("\\|")) {
            int colon = header.indexOf(':');
            String value = header.substring(colon + 1).trim();
            if (value.startsWith("EPOCH+")) {
              value = String.valueOf(time.millis() / 1000 + Long.parseLong(value.substring(6)));
            }
            builder.addHeader(header.substring(0, colon), value);
          }
          return builder.build();
        });
  }
}
