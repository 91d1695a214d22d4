package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartialFailureTest {
  private static final String FORBIDDEN =
      "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
          + "\"messages\":[],\"result\":null,\"success\":false}";

  private final BuildsServer server = new BuildsServer();

  PartialFailureTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  /** Fails every request whose first ID is {@code firstId}; answers the others. */
  private void failChunkStartingAt(String firstId) {
    for (int i = 0; i < 15; i++) {
      server.enqueue(
          requested ->
              requested.get(0).equals(firstId)
                  ? json(403, FORBIDDEN)
                  : json(200, BuildsServer.envelope(requested)));
    }
  }

  @Test
  void reportsEachMismatchedPropertyOnceByJsonPathWithoutItsValue() {
    List<String> input = ids(40);
    String secretish = "s3cr3t-value";
    server.enqueue(
        ids ->
            json(
                200,
                BuildsServer.envelope(ids)
                    .replace("\"success\":true", "\"success\":\"" + secretish + "\"")
                    .replace("\"commit_hash\":\"", "\"commit_hash\":7,\"x\":\"")));
    server.enqueue(
        ids -> json(200, BuildsServer.envelope(ids).replace("\"success\":true", "\"success\":1")));
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);

      assertThat(lookup.isComplete()).isTrue();
      assertThat(lookup.builds()).hasSize(40);
      List<String> expected = new ArrayList<>();
      for (String id : input.subList(0, 20)) {
        expected.add("$.result.builds." + id + ".build_trigger_metadata.commit_hash");
      }
      expected.add("$.success");
      assertThat(lookup.mismatchedProperties()).containsExactlyElementsOf(expected);
      assertThat(lookup.builds().get(input.get(0)).getBuildTriggerMetadata().getCommitHash())
          .isNull();
      assertThat(lookup.toString() + lookup.mismatchedProperties()).doesNotContain(secretish);
    }
  }

  @Test
  void keepsTheOtherChunksBuildsWhenOneFails() {
    List<String> input = ids(300);
    failChunkStartingAt(input.get(100));
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);

      assertThat(lookup.isComplete()).isFalse();
      assertThat(lookup.builds()).hasSize(280);
      assertThat(lookup.failedVersionIds()).containsExactlyElementsOf(input.subList(100, 120));
      assertThat(lookup.failures())
          .singleElement()
          .satisfies(f -> assertThat(f.exception()).isInstanceOf(PermissionDeniedException.class));
      assertThat(lookup.missingVersionIds()).isEmpty();
      assertThat(lookup)
          .hasToString(
              "BuildsLookup{builds=280, missing=0, failedRequests=1, mismatchedProperties=0}");
    }
    assertThat(server.requests()).hasSize(15);
  }

  @Test
  void failsFastWithTheChunksExceptionAndStopsSendingTheRest() {
    List<String> input = ids(300);
    failChunkStartingAt(input.get(0));
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      PermissionDeniedException e =
          catchThrowableOfType(
              PermissionDeniedException.class, () -> client.getBuildsByVersionIds("acct", input));
      assertThat(e.getMessage()).endsWith("returned 403 Forbidden: [10000] Authentication error");
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void failFastStartsNoWaitingRequestAfterTheFailure() {
    List<String> input = ids(60);
    server.onChunk(input.get(0), (n, requested) -> json(403, FORBIDDEN));
    // Holds the failed request's thread for a moment, long enough for a request started by mistake
    // to arrive.
    ProgressListener pause =
        (done, total) -> {
          long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
          while (server.requests().size() < 2 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
          }
        };
    try (CloudflareBuildsClient client =
        server.clientBuilder().maxConcurrentRequests(1).progressListener(pause).build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", input))
          .isInstanceOf(PermissionDeniedException.class);
    }
    assertThat(server.requestedIds()).containsExactly(input.subList(0, 20));
  }

  @Test
  void buildsOrThrowAttachesTheOtherFailuresAsSuppressed() {
    List<String> input = ids(60);
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          requested ->
              requested.get(0).equals(input.get(20))
                  ? json(200, BuildsServer.envelope(requested))
                  : json(403, FORBIDDEN));
    }
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);

      assertThat(lookup.builds()).hasSize(20);
      CloudflareServiceException e =
          catchThrowableOfType(CloudflareServiceException.class, lookup::buildsOrThrow);
      assertThat(e).isSameAs(lookup.failures().get(0).exception());
      assertThat(e.getSuppressed()).containsExactly(lookup.failures().get(1).exception());
      assertThat(catchThrowableOfType(CloudflareServiceException.class, lookup::buildsOrThrow))
          .isSameAs(e);
      assertThat(e.getSuppressed()).hasSize(1);
    }
  }
}
