package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.build;
import static dev.cfbuilds.client.ReadServer.json;
import static dev.cfbuilds.client.ReadServer.line;
import static dev.cfbuilds.client.ReadServer.logs;
import static dev.cfbuilds.client.ReadServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.LogLineItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogsTest {
  static final String UUID_1 = "b335c0af-9297-4d89-939f-1f502d372234";
  static final String LOGS = "/builds/builds/" + UUID_1 + "/logs";
  static final String BUILD = "/builds/builds/" + UUID_1;

  private final ReadServer server = new ReadServer();
  private final FakeTime time = new FakeTime();
  private final CloudflareBuildsClient client =
      server.clientBuilder().sleeper(time).clock(time).build();

  LogsTest() throws IOException {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void readsPagesLazilyFollowingTheCursorWhileTruncated() {
    server.enqueue(LOGS, ok(logs("c1", true, line(1796375523, "one"), line(1796375524, "two"))));
    server.enqueue(LOGS, ok(logs("c2", true, line(1796375525, "three"))));
    server.enqueue(LOGS, ok(logs("c3", false, line(1796375526, "four"))));

    Iterator<LogLine> lines = client.builds().logs(UUID_1).iterator();
    assertThat(server.requests()).isEmpty();
    assertThat(lines.next().message()).isEqualTo("one");
    assertThat(server.requests()).hasSize(1);
    assertThat(lines.next().message()).isEqualTo("two");
    assertThat(server.requests()).hasSize(1);
    List<String> rest = new ArrayList<>();
    lines.forEachRemaining(l -> rest.add(l.message()));

    assertThat(rest).containsExactly("three", "four");
    assertThat(server.targets()).containsExactly(LOGS, LOGS + "?cursor=c1", LOGS + "?cursor=c2");
  }

  @Test
  void aPageWithoutTruncatedOrCursorEndsTheLog() {
    server.enqueue(LOGS, ok(logs(null, null, line(1796375523, "only"))));

    assertThat(client.builds().logs(UUID_1).map(LogLine::message)).containsExactly("only");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void failsWhenTheServerRepeatsACursorWithoutNewLines() {
    server.enqueue(LOGS, ok(logs("c1", true, line(1, "a"))));
    server.on(LOGS, request -> ok(logs("c1", true)));

    Stream<LogLine> lines = client.builds().logs(UUID_1);

    assertThatThrownBy(() -> lines.collect(Collectors.toList()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage(
            "GET build "
                + UUID_1
                + " logs: the API said more lines wait (truncated: true) but gave the cursor it"
                + " was sent (\"c1\") and no new lines; stopped instead of asking for the same page"
                + " again");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void readsTheTimestampAsSecondsOrMillisecondsAndKeepsOddLines() {
    server.enqueue(
        LOGS,
        ok(
            logs(
                null,
                false,
                line(1796375523, "seconds"),
                line(1796375523123L, "millis"),
                "[1796375523.25,\"fraction\"]",
                "[\"no time\"]",
                "[1,\"a\",\"extra\"]",
                "[\"swapped\",2]",
                "[null,\"null time\"]")));

    List<LogLine> lines = client.builds().logs(UUID_1).collect(Collectors.toList());

    assertThat(lines.get(0).time()).isEqualTo(Instant.ofEpochSecond(1796375523));
    assertThat(lines.get(0).timestamp()).isEqualTo(new BigDecimal("1796375523"));
    assertThat(lines.get(0).wellFormed()).isTrue();
    assertThat(lines.get(1).time()).isEqualTo(Instant.ofEpochMilli(1796375523123L));
    assertThat(lines.get(2).time()).isEqualTo(Instant.ofEpochMilli(1796375523250L));
    assertThat(lines.get(3).wellFormed()).isFalse();
    assertThat(lines.get(3).message()).isEqualTo("no time");
    assertThat(lines.get(3).time()).isNull();
    assertThat(lines.get(4).wellFormed()).isFalse();
    assertThat(lines.get(4).raw()).hasSize(3);
    assertThat(lines.get(5).wellFormed()).isFalse();
    assertThat(lines.get(5).message()).isEqualTo("swapped");
    assertThat(lines.get(6).wellFormed()).isFalse();
    assertThat(lines.get(6).message()).isEqualTo("null time");
    assertThat(lines).hasSize(7);
  }

  @Test
  void keepsTheItemsOfEveryLineAsSentFromTheGeneratedPair() {
    server.enqueue(
        LOGS,
        ok(
            logs(
                null,
                false,
                "[1.7e12,\"exponent\"]",
                "[\"1796375523\",\"time as text\"]",
                "[1,\"a\",\"extra\",true,2.5]",
                "[\"swapped\",2]",
                "[null,\"null time\"]",
                "\"not an array\"",
                "[]")));

    List<LogLine> lines = client.builds().logs(UUID_1).collect(Collectors.toList());

    assertThat(lines.get(0).wellFormed()).isTrue();
    assertThat(lines.get(0).timestamp()).isEqualByComparingTo("1700000000000");
    assertThat(lines.get(0).time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(lines.get(1).wellFormed()).isFalse();
    assertThat(lines.get(1).raw())
        .containsExactly(LogLineItem.ofString("1796375523"), LogLineItem.ofString("time as text"));
    assertThat(lines.get(2).raw())
        .containsExactly(
            LogLineItem.ofBigDecimal(BigDecimal.ONE),
            LogLineItem.ofString("a"),
            LogLineItem.ofString("extra"),
            null,
            LogLineItem.ofBigDecimal(new BigDecimal("2.5")));
    assertThat(lines.get(3).raw())
        .containsExactly(
            LogLineItem.ofString("swapped"), LogLineItem.ofBigDecimal(BigDecimal.valueOf(2)));
    assertThat(lines.get(3).timestamp()).isEqualTo(BigDecimal.valueOf(2));
    assertThat(lines.get(4).raw()).containsExactly(null, LogLineItem.ofString("null time"));
    assertThat(lines.get(5).raw()).isEmpty();
    assertThat(lines.get(5).wellFormed()).isFalse();
    assertThat(lines.get(6).raw()).isEmpty();
    assertThat(lines).hasSize(7);
  }

  @Test
  void aRateLimitedPageIsRetriedWithinTheBudget() {
    server.enqueue(LOGS, ok(logs("c1", true, line(1, "a"))));
    server.enqueue(
        LOGS,
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "3")
            .addHeader("Content-Type", "application/json")
            .body(ReadServer.error(10429, "Too many requests"))
            .build());
    server.enqueue(LOGS, ok(logs("c2", false, line(2, "b"))));

    assertThat(client.builds().logs(UUID_1).map(LogLine::message)).containsExactly("a", "b");
    assertThat(server.targets()).containsExactly(LOGS, LOGS + "?cursor=c1", LOGS + "?cursor=c1");
    assertThat(time.sleeps()).contains(Duration.ofSeconds(3));
  }

  @Test
  void followsARunningBuildOverSeveralPollsUntilItFails() {
    AtomicInteger logReads = new AtomicInteger();
    // The log grows by one line on each read after the first, until the 4th read; no cursor is
    // sent on a page that is not truncated, so the reader must resume without repeating lines.
    server.on(
        LOGS,
        request -> {
          int n = logReads.incrementAndGet();
          String cursor = request.getUrl().queryParameter("cursor");
          if (cursor == null) {
            return ok(logs("c1", true, line(1, "l1"), line(2, "l2")));
          }
          List<String> tail = new ArrayList<>();
          for (int i = 3; i <= Math.min(n + 1, 6); i++) {
            tail.add(line(i, "l" + i));
          }
          return ok(logs(null, false, tail.toArray(String[]::new)));
        });
    AtomicInteger statusReads = new AtomicInteger();
    server.on(
        BUILD,
        request ->
            statusReads.incrementAndGet() < 5
                ? ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z"))
                : ok(build(UUID_1, "stopped", "fail", "2026-12-04T09:12:01Z")));
    List<String> seen = new ArrayList<>();

    Build last = client.builds().followLogs(UUID_1, line -> seen.add(line.message()));

    assertThat(seen).containsExactly("l1", "l2", "l3", "l4", "l5", "l6");
    assertThat(last.getBuildOutcome()).isEqualTo(BuildOutcome.FAIL);
    assertThat(statusReads.get()).isEqualTo(5);
    // Lines arrived on each of the first polls, so the wait stayed at 1 s; then it grew.
    assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(time.sleeps())
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(15)));
    assertThat(server.targets().get(1)).isEqualTo(LOGS + "?cursor=c1");
  }

  @Test
  void theProgressListenerHearsEachStatusTheFollowReads() throws IOException {
    List<String> statuses = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void onRequestDone(int done, int total) {}

          @Override
          public void onFollowPoll(Build build) {
            statuses.add(build.getStatus().value());
          }
        };
    server.on(LOGS, request -> ok(logs(null, false)));
    AtomicInteger statusReads = new AtomicInteger();
    server.on(
        BUILD,
        request ->
            switch (statusReads.incrementAndGet()) {
              case 1 -> ok(build(UUID_1, "queued", null, "2026-12-04T09:12:01Z"));
              case 2 -> ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z"));
              default -> ok(build(UUID_1, "stopped", "success", "2026-12-04T09:12:01Z"));
            });
    try (CloudflareBuildsClient listening =
        server.clientBuilder().sleeper(time).clock(time).progressListener(listener).build()) {
      listening.builds().followLogs(UUID_1, line -> {});
    }

    assertThat(statuses).containsExactly("queued", "running", "stopped");
  }

  @Test
  void readsTheLinesWrittenBetweenTheLastPageAndTheStop() {
    AtomicInteger statusReads = new AtomicInteger();
    // Nothing new on any page read while the build runs; its last lines appear as it stops.
    server.on(
        LOGS,
        request -> {
          if (request.getUrl().queryParameter("cursor") == null) {
            return ok(logs("c1", false, line(1, "first")));
          }
          return statusReads.get() < 3
              ? ok(logs("c1", false))
              : ok(logs("c2", false, line(2, "last")));
        });
    server.on(
        BUILD,
        request ->
            statusReads.incrementAndGet() < 3
                ? ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z"))
                : ok(build(UUID_1, "stopped", "fail", "2026-12-04T09:12:01Z")));
    List<String> seen = new ArrayList<>();

    client.builds().followLogs(UUID_1, line -> seen.add(line.message()));

    assertThat(seen).containsExactly("first", "last");
  }

  @Test
  void theFollowWaitGrowsByHalfUpToItsCapWhileNothingArrives() {
    server.on(LOGS, request -> ok(logs("c1", false)));
    AtomicInteger statusReads = new AtomicInteger();
    server.on(
        BUILD,
        request ->
            statusReads.incrementAndGet() < 10
                ? ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z"))
                : ok(build(UUID_1, "stopped", "success", "2026-12-04T09:12:01Z")));

    client.builds().followLogs(UUID_1, line -> {});

    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(1000),
            Duration.ofMillis(1500),
            Duration.ofMillis(2250),
            Duration.ofMillis(3375),
            Duration.ofMillis(5062),
            Duration.ofMillis(7593),
            Duration.ofMillis(11389),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15));
  }

  @Test
  void anInterruptStopsTheFollowAndKeepsTheFlag() {
    server.on(LOGS, request -> ok(logs("c1", false)));
    server.on(BUILD, request -> ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z")));
    CloudflareBuildsClient interrupted =
        server.clientBuilder().sleeper(FakeTime.INTERRUPTED).build();

    try (interrupted) {
      assertThatThrownBy(() -> interrupted.builds().followLogs(UUID_1, line -> {}))
          .isInstanceOf(CloudflareIoException.class);
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void closingTheClientStopsTheFollowAtItsNextWait() {
    server.on(LOGS, request -> ok(logs("c1", false)));
    server.on(BUILD, request -> ok(build(UUID_1, "running", null, "2026-12-04T09:12:01Z")));
    AtomicInteger waits = new AtomicInteger();
    CloudflareBuildsClient[] closing = new CloudflareBuildsClient[1];
    closing[0] =
        server
            .clientBuilder()
            .sleeper(
                duration -> {
                  if (waits.incrementAndGet() == 3) {
                    closing[0].close();
                  }
                })
            .build();

    assertThatThrownBy(() -> closing[0].builds().followLogs(UUID_1, line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("client is closed");
    assertThat(waits.get()).isEqualTo(3);
    assertThat(server.requests()).hasSize(6);
  }

  @Test
  void aNotFoundLogIsNotFound() {
    server.enqueue(LOGS, json(404, ReadServer.error(12000, "Not found")));

    assertThatThrownBy(() -> client.builds().logs(UUID_1).findFirst())
        .isInstanceOf(dev.cfbuilds.client.errors.NotFoundException.class);
  }
}
