package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalBuildCacheTest {
  private final BuildsServer server = new BuildsServer();

  TerminalBuildCacheTest() throws Exception {
    // Odd-numbered versions are stopped; even ones are running; those starting 00000000 have none.
    server.statuses(
        (id, asked) ->
            id.startsWith("00000000") ? null : odd(id) ? BuildStatus.STOPPED : BuildStatus.RUNNING);
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void fetchesOnlyTheBuildsThatAreNotStoppedAndMergesInInputOrder() {
    List<String> input = ids(30);
    try (CloudflareBuildsClient client = server.clientBuilder().cacheTerminalBuilds(100).build()) {
      Map<String, Build> first = client.getBuildsByVersionIds("acct", input);
      Map<String, Build> second = client.getBuildsByVersionIds("acct", input);

      assertThat(second.keySet()).containsExactlyElementsOf(input);
      assertThat(second).isEqualTo(first);
    }
    List<List<String>> requested = server.requestedIds();
    assertThat(requested).hasSize(3);
    assertThat(requested.get(2))
        .containsExactlyElementsOf(input.stream().filter(id -> !odd(id)).toList());
  }

  @Test
  void isOffByDefault() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      client.getBuildsByVersionIds("acct", ids(10));
      client.getBuildsByVersionIds("acct", ids(10));
    }
    assertThat(server.requestedIds()).containsExactly(ids(10), ids(10));
  }

  @Test
  void asksAgainForVersionsThatHadNoBuild() {
    List<String> input = List.of("00000000-1d7e-4a1b-9c7d-000000000001", ids(1).get(0));
    try (CloudflareBuildsClient client = server.clientBuilder().cacheTerminalBuilds(100).build()) {
      assertThat(client.getBuildsByVersionIds("acct", input)).containsOnlyKeys(input.get(1));
      assertThat(client.getBuildsByVersionIds("acct", input)).containsOnlyKeys(input.get(1));
    }
    assertThat(server.requestedIds()).containsExactly(input, List.of(input.get(0)));
  }

  @Test
  void evictsTheLeastRecentlyUsedBuild() {
    List<String> stopped = List.of(ids(5).get(0), ids(5).get(2), ids(5).get(4));
    try (CloudflareBuildsClient client = server.clientBuilder().cacheTerminalBuilds(2).build()) {
      client.getBuildsByVersionIds("acct", stopped.subList(0, 2)); // caches 1 and 3
      client.getBuildsByVersionIds("acct", stopped.subList(0, 1)); // uses 1: 3 is now eldest
      client.getBuildsByVersionIds("acct", stopped.subList(2, 3)); // caches 5, evicts 3
      client.getBuildsByVersionIds("acct", stopped);
    }
    assertThat(server.requestedIds())
        .containsExactly(stopped.subList(0, 2), stopped.subList(2, 3), stopped.subList(1, 2));
  }

  @Test
  void keepsBuildsPerAccount() {
    try (CloudflareBuildsClient client = server.clientBuilder().cacheTerminalBuilds(10).build()) {
      client.getBuildsByVersionIds("acct", ids(1));
      client.getBuildsByVersionIds("other", ids(1));
    }
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void staysCorrectUnderConcurrentCalls() throws Exception {
    List<String> input = ids(200);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (CloudflareBuildsClient client =
        server.clientBuilder().cacheTerminalBuilds(50).maxConcurrentRequests(8).build()) {
      List<CompletableFuture<Map<String, Build>>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        List<String> slice = input.subList((i * 7) % 150, (i * 7) % 150 + 50);
        calls.add(
            CompletableFuture.supplyAsync(() -> client.getBuildsByVersionIds("acct", slice), pool));
      }
      for (int i = 0; i < calls.size(); i++) {
        List<String> slice = input.subList((i * 7) % 150, (i * 7) % 150 + 50);
        Map<String, Build> builds = calls.get(i).get(30, TimeUnit.SECONDS);
        assertThat(builds.keySet()).containsExactlyElementsOf(slice);
        builds.forEach(
            (id, build) ->
                assertThat(build.getStatus())
                    .isEqualTo(odd(id) ? BuildStatus.STOPPED : BuildStatus.RUNNING));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rejectsANegativeSize() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().cacheTerminalBuilds(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntries must be >= 0 but was -1");
  }

  private static boolean odd(String id) {
    return (id.charAt(id.length() - 1) - '0') % 2 == 1;
  }
}
