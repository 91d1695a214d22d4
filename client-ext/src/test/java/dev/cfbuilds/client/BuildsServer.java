package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import dev.cfbuilds.client.testing.NoDelayServerSockets;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResult;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the API: answers each request with a build for every requested version ID
 * except those starting {@code 00000000}, unless a chunk rule or a scripted response comes first.
 * Records what it saw, including the most requests it had in flight at once.
 */
final class BuildsServer extends Dispatcher implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  private final Queue<Function<List<String>, MockResponse>> script = new ConcurrentLinkedQueue<>();
  private final Map<String, BiFunction<Integer, List<String>, MockResponse>> chunkRules =
      new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> chunkAttempts = new ConcurrentHashMap<>();
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
  private volatile Clock clock;
  private volatile BiFunction<String, Integer, BuildStatus> statuses;
  private final Map<String, AtomicInteger> askedFor = new ConcurrentHashMap<>();
  private volatile long latencyMillis;
  private volatile long maxLatencyMillis;

  BuildsServer() throws IOException {
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(this);
    server.start();
  }

  /**
   * Returns a client builder pointed at this server with a test token and a sleeper that never
   * sleeps.
   */
  Builder clientBuilder() {
    return CloudflareBuildsClient.builder()
        .apiToken("test-token")
        .baseUrl(server.url("/client/v4/").toString())
        .sleeper(duration -> {});
  }

  /** Answers the next request with {@code response} instead of builds. */
  BuildsServer enqueue(MockResponse response) {
    script.add(ids -> response);
    return this;
  }

  /** Answers the next request by calling {@code responder} with its version IDs. */
  BuildsServer enqueue(Function<List<String>, MockResponse> responder) {
    script.add(responder);
    return this;
  }

  /**
   * Answers every request whose first version ID is {@code firstId} by calling {@code responder}
   * with the number of such requests before it (0 for the first) and its IDs. Unlike the script, it
   * does not depend on which request arrives first, so it can pick out one chunk of many.
   */
  BuildsServer onChunk(String firstId, BiFunction<Integer, List<String>, MockResponse> responder) {
    chunkRules.put(firstId, responder);
    chunkAttempts.put(firstId, new AtomicInteger());
    return this;
  }

  /** Makes every answer wait {@code millis} first, so that requests overlap. */
  BuildsServer latency(long millis) {
    return latency(millis, millis);
  }

  /** Makes every answer wait between {@code minMillis} and {@code maxMillis}, at random. */
  BuildsServer latency(long minMillis, long maxMillis) {
    this.latencyMillis = minMillis;
    this.maxLatencyMillis = maxMillis;
    return this;
  }

  /**
   * Gives each build the status {@code statuses} returns for its version ID and the number of
   * earlier requests that asked for it (0 the first time); a null status means no build.
   */
  BuildsServer statuses(BiFunction<String, Integer, BuildStatus> statuses) {
    this.statuses = statuses;
    return this;
  }

  /** Records, from now on, the time on {@code clock} at which each request arrives. */
  BuildsServer recordArrivals(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Returns the times requests arrived at, in epoch milliseconds of the recording clock. */
  List<Long> arrivals() {
    return new ArrayList<>(arrivals);
  }

  List<RecordedRequest> requests() {
    return new ArrayList<>(requests);
  }

  /** Returns the version IDs of each request, in arrival order. */
  List<List<String>> requestedIds() {
    List<List<String>> ids = new ArrayList<>();
    for (RecordedRequest request : requests) {
      ids.add(versionIds(request));
    }
    return ids;
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    requests.add(request);
    Clock arrivalClock = clock;
    if (arrivalClock != null) {
      arrivals.add(arrivalClock.millis());
    }
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      long latency =
          maxLatencyMillis > latencyMillis
              ? ThreadLocalRandom.current().nextLong(latencyMillis, maxLatencyMillis + 1)
              : latencyMillis;
      if (latency > 0) {
        Thread.sleep(latency);
      }
      List<String> ids = versionIds(request);
      BiFunction<Integer, List<String>, MockResponse> rule =
          ids.isEmpty() ? null : chunkRules.get(ids.get(0));
      if (rule != null) {
        return rule.apply(chunkAttempts.get(ids.get(0)).getAndIncrement(), ids);
      }
      Function<List<String>, MockResponse> scripted = script.poll();
      if (scripted != null) {
        return scripted.apply(ids);
      }
      BiFunction<String, Integer, BuildStatus> statusOf = statuses;
      if (statusOf == null) {
        return json(200, envelope(ids));
      }
      Map<String, Build> builds = new LinkedHashMap<>();
      for (String id : ids) {
        int asked = askedFor.computeIfAbsent(id, key -> new AtomicInteger()).getAndIncrement();
        BuildStatus status = statusOf.apply(id, asked);
        if (status != null) {
          builds.put(id, buildFor(id).toBuilder().status(status).build());
        }
      }
      return json(200, envelope(builds));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** Checks that each build carries the commit hash this server gives its version ID's build. */
  static void assertEachBuildIsFiledUnderItsOwnId(Map<String, Build> builds) {
    builds.forEach(
        (id, build) ->
            assertThat(build.getBuildTriggerMetadata().getCommitHash())
                .as(id)
                .isEqualTo(commitHashFor(id)));
  }

  static List<String> versionIds(RecordedRequest request) {
    String csv = request.getUrl().queryParameter("version_ids");
    return csv == null ? List.of() : Arrays.asList(csv.split(",", -1));
  }

  /**
   * Returns a successful envelope with a build for each ID that does not start {@code 00000000}.
   */
  static String envelope(List<String> ids) {
    Map<String, Build> builds = new LinkedHashMap<>();
    for (String id : ids) {
      if (!id.startsWith("00000000")) {
        builds.put(id, buildFor(id));
      }
    }
    return envelope(builds);
  }

  /** Returns a successful envelope holding {@code builds}. */
  static String envelope(Map<String, Build> builds) {
    return ApiWiring.moshi()
        .adapter(BuildsByVersionIdsResponse.class)
        .toJson(
            BuildsByVersionIdsResponse.builder()
                .success(true)
                .errors(List.of())
                .messages(List.of())
                .result(BuildsByVersionIdsResult.builder().builds(builds).build())
                .build());
  }

  /**
   * Returns the build the server gives {@code versionId}, whose commit hash is {@link
   * #commitHashFor}: a build filed under another ID shows by its hash.
   */
  static Build buildFor(String versionId) {
    return Build.builder()
        .buildTriggerMetadata(
            BuildTriggerMetadata.builder().commitHash(commitHashFor(versionId)).build())
        .build();
  }

  /**
   * Returns the commit hash of {@code versionId}'s build: the ID's last 12 characters, the part in
   * which the IDs of {@link #ids} differ.
   */
  static String commitHashFor(String versionId) {
    return versionId.substring(versionId.length() - 12);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Returns {@code count} distinct version IDs, the n-th ending in n. */
  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(String.format("8e5e3a2a-1d7e-4a1b-9c7d-%012d", i));
    }
    return ids;
  }
}
