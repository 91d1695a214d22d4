package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.generated.model.Build;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Looks up 10,000 version IDs against a loopback server that answers each request after 0 to 5 ms,
 * and checks the result and the server's view of it. Prints its figures; asserts no timing.
 */
class LoadTest {
  private static final int IDS = 10_000;
  private static final int MAX_CONCURRENT_REQUESTS = 8;

  private final BuildsServer server = new BuildsServer().latency(0, 5);

  LoadTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void findsEachOfTenThousandBuildsOnceWithoutExceedingTheConcurrencyLimit() {
    List<String> input = ids(IDS);
    long start = System.nanoTime();
    Map<String, Build> builds;
    try (CloudflareBuildsClient client =
        server.clientBuilder().maxConcurrentRequests(MAX_CONCURRENT_REQUESTS).build()) {
      builds = client.getBuildsByVersionIds("acct", input);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(builds.keySet()).containsExactlyElementsOf(input);
    BuildsServer.assertEachBuildIsFiledUnderItsOwnId(builds);
    List<String> requested = new ArrayList<>();
    server.requestedIds().forEach(requested::addAll);
    assertThat(requested).hasSize(IDS).containsExactlyInAnyOrderElementsOf(input);
    assertThat(server.requests()).hasSize(IDS / CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST);
    assertThat(server.maxInFlight()).isBetween(2, MAX_CONCURRENT_REQUESTS);

    System.out.println(
        "load: "
            + IDS
            + " IDs, "
            + server.requests().size()
            + " requests, at most "
            + server.maxInFlight()
            + " in flight (limit "
            + MAX_CONCURRENT_REQUESTS
            + "), "
            + builds.size()
            + " builds, each once; server latency 0-5 ms; "
            + millis
            + " ms");
  }
}
