package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.RateLimitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reads that fan out into many requests ({@code builds().latest}, {@code workers().live}) go
 * through the client's one limiter and its rate budget's block, as {@code getBuildsByVersionIds}
 * does.
 */
class ReadConcurrencyTest {
  private static final int MAX_IN_FLIGHT = 2;

  private final ReadServer server = new ReadServer();
  private final CloudflareBuildsClient client =
      server.clientBuilder().maxConcurrentRequests(MAX_IN_FLIGHT).build();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  ReadConcurrencyTest() throws IOException {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  /** Returns a rule that holds each request a while, counting how many the server holds at once. */
  private Function<RecordedRequest, MockResponse> held(Supplier<MockResponse> answer) {
    return request -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return answer.get();
    };
  }

  private static List<String> tags(int count) {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tags.add(String.format(Locale.ROOT, "%032x", i + 1));
    }
    return tags;
  }

  @Test
  void latestNeverHasMoreRequestsInFlightThanMaxConcurrentRequests() {
    server.on("/builds/builds/latest", held(() -> ok("{\"builds\":{}}")));
    List<String> tags = tags(100);

    LatestBuilds latest = client.builds().latest(tags);

    assertThat(server.requests()).hasSize(5);
    assertThat(mostInFlight.get()).isEqualTo(MAX_IN_FLIGHT);
    assertThat(latest.withoutBuild()).isEqualTo(tags);
  }

  @Test
  void liveNeverHasMoreRequestsInFlightThanMaxConcurrentRequests() {
    List<String> workers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      workers.add("w" + w);
      server.on("/workers/scripts/w" + w + "/deployments", held(() -> ok("{\"deployments\":[]}")));
    }

    assertThat(client.workers().live(workers).keySet()).containsExactlyElementsOf(workers);
    assertThat(server.requests()).hasSize(6);
    assertThat(mostInFlight.get()).isEqualTo(MAX_IN_FLIGHT);
  }

  @Test
  void aFailedRequestWithdrawsTheOnesStillWaitingForAPlace() {
    server.on(
        "/builds/builds/latest",
        held(() -> ReadServer.json(400, ReadServer.error(10000, "Bad request"))));

    assertThatThrownBy(() -> client.builds().latest(tags(100)))
        .isInstanceOf(CloudflareException.class)
        .hasMessageContaining("returned 400");
    // The first two took both places; the first failure withdrew the three waiting.
    assertThat(server.requests()).hasSize(MAX_IN_FLIGHT);
  }

  @Test
  void aLongRetryAfterFailsLatestAndLiveAtOnceWithNothingSent() {
    server.enqueue(
        "/builds/builds/latest",
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "300")
            .addHeader("Content-Type", "application/json")
            .body(ReadServer.error(10429, "Too many requests"))
            .build());
    assertThatThrownBy(() -> client.builds().latest(tags(1)))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("returned 429 Too Many Requests");

    assertThatThrownBy(() -> client.builds().latest(tags(45)))
        .isInstanceOf(RateLimitException.class)
        .hasMessageStartingWith(
            "not sent: the API answered 429 Too Many Requests with Retry-After 300 s");
    assertThatThrownBy(() -> client.workers().live(List.of("w0", "w1")))
        .isInstanceOf(RateLimitException.class)
        .hasMessageStartingWith("not sent: the API answered 429");
    assertThat(server.requests()).hasSize(1);
  }
}
