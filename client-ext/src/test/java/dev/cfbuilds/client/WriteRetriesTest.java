package dev.cfbuilds.client;

import static dev.cfbuilds.client.ReadServer.error;
import static dev.cfbuilds.client.ReadServer.json;
import static dev.cfbuilds.client.ReadServer.ok;
import static dev.cfbuilds.client.ReadServer.scripts;
import static dev.cfbuilds.client.TriggersTest.PRODUCTION;
import static dev.cfbuilds.client.TriggersTest.SCRIPTS;
import static dev.cfbuilds.client.TriggersTest.TRIGGERS;
import static dev.cfbuilds.client.TriggersTest.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.OutcomeUnknownException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.WorkerTrigger;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests that change something are sent again only when Cloudflare surely did nothing with
 * them; after any other failure the caller learns that the build may have started.
 */
class WriteRetriesTest {
  private static final String BUILDS = TriggersTest.buildsPath(PRODUCTION);
  private static final String CREATED =
      "{\"build_uuid\":\"" + TriggersTest.NEW_BUILD + "\",\"created_on\":\"2026-12-04T11:20:07Z\"}";

  private final ReadServer server = new ReadServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  WriteRetriesTest() throws IOException {
    server.on(SCRIPTS, r -> ok(scripts(WORKER, TriggersTest.TAG)));
    server.on(
        TRIGGERS,
        r ->
            ok(
                "["
                    + TriggersTest.trigger(PRODUCTION, "Deploy production", "[\"main\"]", "[]")
                    + "]"));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private List<RecordedRequest> posts() {
    return server.requests().stream().filter(r -> r.getMethod().equals("POST")).toList();
  }

  private Build start(CloudflareBuildsClient client) {
    return client.triggers().startBuild(WORKER, BuildSource.branch("main"));
  }

  @Test
  void aPostWhoseConnectionDropsAfterTheServerReadItIsSentOnce() {
    // The triggers were listed on the same connection, so the POST goes out on a pooled one: the
    // case in which OkHttp's own retryOnConnectionFailure would send it again.
    server.enqueue(
        BUILDS,
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.on(BUILDS, r -> ok(CREATED));

    OutcomeUnknownException e;
    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      e = catchThrowableOfType(OutcomeUnknownException.class, () -> start(client));
    }

    assertThat(posts()).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(e.getCause()).isInstanceOf(CloudflareIoException.class);
    assertThat(e.getMessage())
        .startsWith("POST /client/v4/accounts/" + ReadServer.ACCOUNT + BUILDS + " failed:")
        .endsWith(
            "\nThe request may have started a build of checkout-api (branch main) from trigger"
                + " \"Deploy production\". It was not sent again, since a second request could do"
                + " it twice. Check with `cfbuilds list checkout-api` or"
                + " client.builds().list(\"checkout-api\", 5) before trying again.");
  }

  @Test
  void aSharedOkHttpClientThatRetriesConnectionFailuresStillSendsThePostOnce() {
    server.enqueue(
        BUILDS,
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.on(BUILDS, r -> ok(CREATED));
    OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();

    try (CloudflareBuildsClient client =
        server.clientBuilder().okHttpClient(shared).sleeper(sleeps::add).build()) {
      assertThat(catchThrowableOfType(OutcomeUnknownException.class, () -> start(client)))
          .isNotNull();
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }

    assertThat(posts()).hasSize(1);
  }

  @Test
  void a429ThenA200SendsThePostTwiceAndStartsOneBuild() {
    server.enqueue(
        BUILDS,
        json(429, error(971, "Please wait and consider throttling your request speed"))
            .newBuilder()
            .addHeader("Retry-After", "3")
            .build());
    server.on(BUILDS, r -> ok(CREATED));

    Build build;
    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      build = start(client);
    }

    assertThat(build.getBuildUuid()).isEqualTo(UUID.fromString(TriggersTest.NEW_BUILD));
    assertThat(posts()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a5xxAfterThePostIsNotRetriedAndLeavesTheOutcomeOpen() {
    server.enqueue(BUILDS, json(503, error(10013, "Service unavailable")));
    server.on(BUILDS, r -> ok(CREATED));

    OutcomeUnknownException e;
    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      e = catchThrowableOfType(OutcomeUnknownException.class, () -> start(client));
    }

    assertThat(posts()).hasSize(1);
    assertThat(e.getCause()).isInstanceOf(InternalServerException.class);
    assertThat(e.getMessage()).contains("returned 503").contains("Check with `cfbuilds list");
  }

  @Test
  void aTimeoutAfterThePostIsNotRetried() {
    server.enqueue(BUILDS, ok(CREATED).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    server.on(BUILDS, r -> ok(CREATED));

    try (CloudflareBuildsClient client =
        server.clientBuilder().sleeper(sleeps::add).timeout(Duration.ofMillis(200)).build()) {
      OutcomeUnknownException e =
          catchThrowableOfType(OutcomeUnknownException.class, () -> start(client));
      assertThat(e.getCause()).hasCauseInstanceOf(SocketTimeoutException.class);
    }

    assertThat(posts()).hasSize(1);
  }

  @Test
  void anAnswerThatCannotBeReadSaysTheBuildMayHaveStarted() {
    server.on(BUILDS, r -> json(200, "<html>OK</html>"));

    OutcomeUnknownException e;
    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      e = catchThrowableOfType(OutcomeUnknownException.class, () -> start(client));
    }

    assertThat(posts()).hasSize(1);
    assertThat(e.getCause()).isInstanceOf(MalformedResponseException.class);
    assertThat(e.getMessage()).contains("Check with `cfbuilds list checkout-api`");
  }

  @Test
  void aCancelAnswered502IsNotSentAgain() {
    String uuid = "b335c0af-9297-4d89-939f-1f502d372234";
    server.on("/builds/builds/" + uuid + "/cancel", r -> json(502, "<html>Bad gateway</html>"));

    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      OutcomeUnknownException e =
          catchThrowableOfType(OutcomeUnknownException.class, () -> client.builds().cancel(uuid));
      assertThat(e.getMessage())
          .contains("may have cancelled build " + uuid)
          .contains("client.builds().get(\"" + uuid + "\")");
    }

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetriedAndReportedAsNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkerTrigger trigger =
        WorkerTrigger.builder()
            .triggerUuid(UUID.fromString(PRODUCTION))
            .triggerName("Deploy production")
            .build();

    try (CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiToken("test-token")
            .accountId(ReadServer.ACCOUNT)
            .baseUrl("http://127.0.0.1:" + closedPort + "/client/v4/")
            .sleeper(sleeps::add)
            .build()) {
      CloudflareIoException e =
          catchThrowableOfType(
              CloudflareIoException.class,
              () -> client.triggers().startBuild(trigger, BuildSource.branch("main")));
      assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    }

    // Two retries, each after a backoff: nothing reached a server, so repeating was safe.
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void getsKeepRetryingA5xx() {
    server.enqueue(TRIGGERS, json(503, error(10013, "Service unavailable")));

    try (CloudflareBuildsClient client = server.clientBuilder().sleeper(sleeps::add).build()) {
      assertThat(client.triggers().list(WORKER)).hasSize(1);
    }

    assertThat(server.targets()).containsExactly(SCRIPTS, TRIGGERS, TRIGGERS);
  }
}
