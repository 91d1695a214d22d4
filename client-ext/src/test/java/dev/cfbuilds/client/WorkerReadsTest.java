package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.build;
import static dev.cfbuilds.client.ReadServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerReadsTest {
  static final String TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String LIST = "/builds/workers/" + TAG + "/builds";

  private final ReadServer server = new ReadServer();
  private final CloudflareBuildsClient client = server.clientBuilder().build();

  WorkerReadsTest() throws IOException {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  /** Returns build {@code n}'s UUID; its {@code created_on} is day {@code n} of December. */
  static String uuid(int n) {
    return String.format(Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012d", n);
  }

  static String builds(int... days) {
    List<String> out = new ArrayList<>();
    for (int day : days) {
      out.add(
          build(
              uuid(day),
              "stopped",
              "success",
              String.format(Locale.ROOT, "2026-12-%02dT10:00:00Z", day)));
    }
    return "[" + String.join(",", out) + "]";
  }

  static MockResponse page(String result, int page, int totalPages) {
    return ReadServer.json(
        200,
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":"
            + result
            + ",\"result_info\":{\"page\":"
            + page
            + ",\"per_page\":200,\"total_pages\":"
            + totalPages
            + "}}");
  }

  @Test
  void listsNewestFirstAcrossPagesWhateverTheApisOrder() {
    int[] first = new int[200];
    for (int i = 0; i < 200; i++) {
      first[i] = 1 + (i % 9); // days 1..9, the old ones
    }
    server.enqueue(LIST, page(builds(first), 1, 2));
    server.enqueue(LIST, page(builds(20, 28, 25), 2, 2)); // the newest builds on the last page

    List<Build> newest = client.builds().list(TAG, 3);

    assertThat(newest.stream().map(b -> b.getCreatedOn().getDayOfMonth()))
        .containsExactly(28, 25, 20);
    assertThat(server.targets())
        .containsExactly(LIST + "?page=1&per_page=200", LIST + "?page=2&per_page=200");
  }

  @Test
  void listStopsAtAShortPageWhenThereIsNoResultInfo() {
    server.enqueue(LIST, ok(builds(3, 1, 2)));

    assertThat(client.builds().list(TAG, 2).stream().map(b -> b.getCreatedOn().getDayOfMonth()))
        .containsExactly(3, 2);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aNameIsResolvedToItsTagOnceEvenUnderConcurrentFirstCalls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger lists = new AtomicInteger();
    server.on(
        "/workers/scripts",
        request -> {
          lists.incrementAndGet();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ok(ReadServer.scripts("checkout-api", TAG.toUpperCase(Locale.ROOT)));
        });
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> client.workers().resolve("checkout-api")));
    }
    Thread.sleep(200);
    release.countDown();

    for (CompletableFuture<String> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(TAG);
    }
    assertThat(client.workers().resolve("checkout-api")).isEqualTo(TAG);
    assertThat(lists.get()).isEqualTo(1);
  }

  @Test
  void listsEveryWorkerByNameFromTheOneScriptsListTheLookupsShare() {
    AtomicInteger lists = new AtomicInteger();
    server.on(
        "/workers/scripts",
        request -> {
          lists.incrementAndGet();
          return ok(
              ReadServer.scripts(
                  "zeta",
                  TAG.toUpperCase(Locale.ROOT),
                  "alpha",
                  "0123456789abcdef0123456789abcdef"));
        });

    assertThat(client.workers().list())
        .containsExactly(
            Map.entry("alpha", "0123456789abcdef0123456789abcdef"), Map.entry("zeta", TAG));
    assertThat(client.workers().resolve("zeta")).isEqualTo(TAG);
    assertThat(lists.get()).isEqualTo(1);
  }

  @Test
  void latestSendsTwentyTagsARequestAndNamesTheWorkersWithoutBuilds() {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      tags.add(String.format(Locale.ROOT, "%032x", i + 1));
    }
    server.on(
        "/builds/builds/latest",
        request -> {
          List<String> asked =
              List.of(request.getUrl().queryParameter("external_script_ids").split(","));
          String result =
              asked.stream()
                  .filter(tag -> !tag.endsWith("7"))
                  .map(
                      tag ->
                          "\""
                              + tag
                              + "\":"
                              + build(
                                  uuid(Integer.parseInt(tag, 16)),
                                  "running",
                                  null,
                                  "2026-12-04T10:00:00Z"))
                  .collect(Collectors.joining(",", "{\"builds\":{", "}}"));
          return ok(result);
        });

    LatestBuilds latest = client.builds().latest(tags);

    List<String> asked =
        server.requests().stream()
            .map(r -> r.getUrl().queryParameter("external_script_ids"))
            .sorted()
            .collect(Collectors.toList());
    assertThat(asked).hasSize(3);
    assertThat(asked.stream().map(csv -> csv.split(",").length).sorted())
        .containsExactly(5, 20, 20);
    assertThat(latest.withoutBuild()).containsExactly(tags.get(6), tags.get(22), tags.get(38));
    assertThat(new ArrayList<>(latest.builds().keySet()))
        .isEqualTo(tags.stream().filter(t -> !t.endsWith("7")).collect(Collectors.toList()));
    latest
        .builds()
        .forEach(
            (tag, b) -> assertThat(b.getBuildUuid()).hasToString(uuid(Integer.parseInt(tag, 16))));
  }

  @Test
  void deploymentsNewestFirstAndWhatIsLiveWithItsBuilds() {
    String v90 = "8a1c2e4f-6b3d-4c5e-9f70-1a2b3c4d5e6f";
    String v10 = "0f3e2d1c-5b4a-4978-8e6f-a1b2c3d4e5f6";
    String deployments =
        "{\"deployments\":[{\"id\":\"3e9d6b52-0c71-4f0a-9a8e-5d2b7c4f1e60\","
            + "\"strategy\":\"percentage\",\"versions\":["
            + "{\"percentage\":90,\"version_id\":\""
            + v90
            + "\"},{\"percentage\":10,\"version_id\":\""
            + v10
            + "\"}]},{\"id\":\"c41f0a8b-7d2e-4b6c-8f13-2e9a5d7c0b48\",\"versions\":["
            + "{\"percentage\":100,\"version_id\":\""
            + v90
            + "\"}]}]}";
    server.on("/workers/scripts/checkout-api/deployments", request -> ok(deployments));
    server.on(
        "/builds/builds",
        request ->
            ok(
                "{\"builds\":{\""
                    + v90
                    + "\":"
                    + build(uuid(1), "stopped", "success", "2026-12-01T10:00:00Z")
                    + "}}"));

    List<Deployment> all = client.workers().deployments("checkout-api");
    LiveDeployment live = client.workers().live("checkout-api");

    assertThat(all).hasSize(2);
    assertThat(live.deployment().getId()).isEqualTo(all.get(0).getId());
    assertThat(live.versions()).hasSize(2);
    assertThat(live.versions().get(0).percentage()).isEqualTo(90.0);
    assertThat(live.versions().get(0).build().getBuildUuid()).hasToString(uuid(1));
    assertThat(live.versions().get(1).percentage()).isEqualTo(10.0);
    assertThat(live.versions().get(1).build()).isNull();
    RecordedRequest buildsRequest = server.requests().get(2);
    assertThat(buildsRequest.getUrl().queryParameter("version_ids")).isEqualTo(v90 + "," + v10);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void whatIsLiveOnManyWorkersLooksUpAllTheirBuildsInChunks() {
    server.on(
        "/workers/scripts",
        request -> ok(ReadServer.scripts("w-by-tag", "ffffffffffffffffffffffffffffffff")));
    for (int w = 0; w < 30; w++) {
      String name = w == 0 ? "w-by-tag" : "w" + w;
      String result =
          "{\"deployments\":[{\"versions\":[{\"percentage\":100,\"version_id\":\""
              + uuid(w + 1)
              + "\"}]}]}";
      server.on("/workers/scripts/" + name + "/deployments", request -> ok(result));
    }
    server.on("/builds/builds", request -> ok("{\"builds\":{}}"));
    List<String> workers = new ArrayList<>();
    workers.add("ffffffffffffffffffffffffffffffff");
    for (int w = 1; w < 30; w++) {
      workers.add("w" + w);
    }

    Map<String, LiveDeployment> live = client.workers().live(workers);

    assertThat(new ArrayList<>(live.keySet())).isEqualTo(workers);
    assertThat(live.get("w7").versions().get(0).versionId()).hasToString(uuid(8));
    // 1 scripts list (one Worker given by tag) + 30 deployments + ceil(30 / 20) builds requests.
    assertThat(server.requests()).hasSize(1 + 30 + 2);
  }
}
