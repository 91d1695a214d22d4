package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.auth.ApiKeyInterceptor;
import dev.cfbuilds.client.auth.ApiTokenInterceptor;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private final BuildsServer server = new BuildsServer();

  AuthTest() throws Exception {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void apiKeyInterceptorChecksTheEmailItselfAndHidesBothValues() {
    HttpUrl api = HttpUrl.get("https://api.cloudflare.com/client/v4/");

    assertThatThrownBy(() -> ApiKeyInterceptor.create(" ", "key-456", api))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email is blank");
    assertThat(ApiKeyInterceptor.create("a@example.com", "key-456", api))
        .hasToString(
            "ApiKeyInterceptor{origin=https://api.cloudflare.com:443, email=<redacted>,"
                + " key=<redacted>}");
  }

  @Test
  void sendsTheApiTokenAsBearer() {
    try (CloudflareBuildsClient client = server.clientBuilder().apiToken("tok-123").build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    RecordedRequest request = server.requests().get(0);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(request.getHeaders().get("X-Auth-Key")).isNull();
  }

  @Test
  void sendsTheLegacyEmailAndKey() {
    try (CloudflareBuildsClient client =
        server.clientBuilder().apiKey("user@example.com", "key-456").build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    RecordedRequest request = server.requests().get(0);
    assertThat(request.getHeaders().get("X-Auth-Email")).isEqualTo("user@example.com");
    assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo("key-456");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void sendsItsUserAgent() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    assertThat(server.requests().get(0).getHeaders().get("User-Agent"))
        .isEqualTo("cfbuilds-java/" + CloudflareBuildsClient.version())
        .matches("cfbuilds-java/\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void sendsTheTokenOnlyToTheConfiguredOrigin() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(new MockResponse.Builder().build());
      OkHttpClient http =
          new OkHttpClient.Builder()
              .addInterceptor(
                  ApiTokenInterceptor.create("tok-123", server.server.url("/client/v4/")))
              .build();
      try (Response response =
          http.newCall(new Request.Builder().url(other.url("/elsewhere")).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
      assertThat(other.takeRequest().getHeaders().get("Authorization")).isNull();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
