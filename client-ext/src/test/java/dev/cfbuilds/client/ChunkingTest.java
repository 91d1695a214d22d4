package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.generated.model.Build;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkingTest {
  private final BuildsServer server = new BuildsServer();

  ChunkingTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void splitsFortyFiveIdsWithDuplicatesAndUpperCaseIntoRequestsOfAtMostTwenty() {
    List<String> unique = ids(40);
    List<String> input = new ArrayList<>();
    for (String id : unique) {
      input.add(id.toUpperCase(Locale.ROOT));
    }
    input.addAll(unique.subList(0, 5));
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      Map<String, Build> builds = client.getBuildsByVersionIds("acct", input);

      assertThat(builds.keySet()).containsExactlyElementsOf(unique);
      BuildsServer.assertEachBuildIsFiledUnderItsOwnId(builds);
    }
    assertThat(server.requestedIds())
        .containsExactly(unique.subList(0, 20), unique.subList(20, 40));
    assertThat(server.requests().get(0).getTarget())
        .isEqualTo(
            "/client/v4/accounts/acct/builds/builds?version_ids="
                + String.join(",", unique.subList(0, 20)));
  }

  @Test
  void splitsTwentyOneIdsIntoTwoRequests() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(21))).hasSize(21);
    }
    assertThat(server.requestedIds()).extracting(List::size).containsExactlyInAnyOrder(20, 1);
  }

  @Test
  void sendsNoRequestForNoIds() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThat(client.getBuildsByVersionIds("acct", List.of())).isEmpty();
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void mergesInInputOrderWhateverOrderRequestsFinishIn() {
    List<String> input = new ArrayList<>(ids(100));
    java.util.Collections.reverse(input);
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(5).build()) {
      assertThat(client.getBuildsByVersionIds("acct", input).keySet())
          .containsExactlyElementsOf(input);
    }
  }

  @Test
  void leavesOutVersionsWithoutABuild() {
    List<String> input = List.of(ids(1).get(0), "00000000-0000-4000-8000-000000000001");
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);

      assertThat(lookup.builds()).containsOnlyKeys(input.get(0));
      assertThat(lookup.missingVersionIds()).containsExactly(input.get(1));
      assertThat(lookup.isComplete()).isTrue();
    }
  }

  @Test
  void neverHasMoreRequestsInFlightThanTheLimit() {
    server.latency(20);
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(3).build()) {
      assertThat(client.getBuildsByVersionIds("acct", ids(200))).hasSize(200);
    }
    assertThat(server.requests()).hasSize(10);
    assertThat(server.maxInFlight()).isLessThanOrEqualTo(3);
  }

  @Test
  void sharesTheLimitBetweenConcurrentCalls() {
    server.latency(20);
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(2).build()) {
      var first = client.async().getBuildsByVersionIds("acct", ids(100));
      var second = client.async().getBuildsByVersionIds("acct", ids(100));
      assertThat(first.join()).hasSize(100);
      assertThat(second.join()).hasSize(100);
    }
    assertThat(server.maxInFlight()).isLessThanOrEqualTo(2);
  }

  @Test
  void honoursALowerChunkSize() {
    try (CloudflareBuildsClient client =
        server.clientBuilder().maxVersionIdsPerRequest(7).build()) {
      client.getBuildsByVersionIds("acct", ids(15));
    }
    assertThat(server.requestedIds()).extracting(List::size).containsExactlyInAnyOrder(7, 7, 1);
  }

  @Test
  void usesTheDefaultAccount() throws Exception {
    try (CloudflareBuildsClient client = server.clientBuilder().accountId("default-acct").build()) {
      client.getBuildsByVersionIds(ids(1));
    }
    assertThat(server.requests().get(0).getUrl().encodedPath())
        .isEqualTo("/client/v4/accounts/default-acct/builds/builds");
  }

  @Test
  void runsASingleRequestOfABlockingCallOnTheCallersThread() {
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (CloudflareBuildsClient client =
        server
            .clientBuilder()
            .progressListener((done, total) -> threads.add(Thread.currentThread()))
            .build()) {
      client.getBuildsByVersionIds("acct", ids(20));
      client.async().getBuildsByVersionIds("acct", ids(20)).join();
      client.getBuildsByVersionIds("acct", ids(21));
    }
    assertThat(threads).hasSize(4);
    assertThat(threads.get(0)).isSameAs(Thread.currentThread());
    assertThat(threads.subList(1, 4)).doesNotContain(Thread.currentThread());
  }
}
