package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.errors.InternalServerException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewBuilderTest {
  private static final String TOKEN = "secret-token-value";

  private final BuildsServer server = new BuildsServer();

  NewBuilderTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void newBuilderStartsFromEverySettingOfTheClient() {
    List<Integer> progress = new ArrayList<>();
    try (CloudflareBuildsClient client =
            CloudflareBuildsClient.builder()
                .apiToken(TOKEN)
                .accountId("acct")
                .baseUrl(server.server.url("/client/v4/").toString())
                .sleeper(duration -> {})
                .maxRetries(0)
                .maxVersionIdsPerRequest(10)
                .progressListener((done, total) -> progress.add(done))
                .build();
        CloudflareBuildsClient copy = client.newBuilder().build()) {
      server.enqueue(json(503, "{}"));

      // The default account, the chunk size, the listener and maxRetries(0) all came along.
      assertThatThrownBy(() -> copy.getBuildsByVersionIds(ids(10)))
          .isInstanceOf(InternalServerException.class);
      assertThat(copy.getBuildsByVersionIds(ids(15))).hasSize(15);
    }
    List<RecordedRequest> requests = server.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests)
        .allSatisfy(
            request -> {
              assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
              assertThat(request.getUrl().encodedPath())
                  .isEqualTo("/client/v4/accounts/acct/builds/builds");
            });
    assertThat(progress).containsExactly(1, 1, 2);
  }

  @Test
  void aSettingChangedOnTheNewBuilderLeavesTheClientAsItWas() {
    server.enqueue(json(503, "{}"));
    try (CloudflareBuildsClient client = server.clientBuilder().maxRetries(0).build();
        CloudflareBuildsClient retrying = client.newBuilder().maxRetries(1).build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(InternalServerException.class);
      assertThat(server.requests()).hasSize(1);

      server.enqueue(json(503, "{}"));
      assertThat(retrying.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
      assertThat(server.requests()).hasSize(3);

      server.enqueue(json(503, "{}"));
      assertThatThrownBy(() -> client.getBuildsByVersionIds("acct", ids(1)))
          .isInstanceOf(InternalServerException.class);
      assertThat(server.requests()).hasSize(4);
    }
  }

  @Test
  void newBuilderToStringShowsTheKindOfCredentialsButNeverTheirValues() {
    try (CloudflareBuildsClient token = server.clientBuilder().apiToken(TOKEN).build();
        CloudflareBuildsClient key =
            server.clientBuilder().apiKey("someone@example.com", TOKEN).build()) {
      assertThat(token.newBuilder().toString())
          .startsWith("CloudflareBuildsClient.Builder{apiToken=<redacted>,")
          .doesNotContain(TOKEN);
      assertThat(key.newBuilder().toString())
          .startsWith("CloudflareBuildsClient.Builder{email=<redacted>, apiKey=<redacted>,")
          .doesNotContain(TOKEN)
          .doesNotContain("someone");
    }
  }

  @Test
  void closingTheNewClientLeavesTheClientOpen() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      client.newBuilder().build().close();

      assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
    }
  }

  @Test
  void aSharedOkHttpClientStaysSharedAndOpen() {
    OkHttpClient shared = new OkHttpClient();
    try (CloudflareBuildsClient client = server.clientBuilder().okHttpClient(shared).build()) {
      client.newBuilder().build().close();

      assertThat(client.getBuildsByVersionIds("acct", ids(1))).hasSize(1);
      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }
}
