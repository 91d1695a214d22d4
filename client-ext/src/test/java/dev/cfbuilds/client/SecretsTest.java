package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfbuilds.client.auth.ApiKeyInterceptor;
import dev.cfbuilds.client.auth.ApiTokenInterceptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String TOKEN = "tok-SECRET-7f3a9c";
  private static final String EMAIL = "person@SECRET-mail.example";
  private static final String KEY = "key-SECRET-b41e2d";

  private final BuildsServer server = new BuildsServer();
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  SecretsTest() throws Exception {
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void redactsCredentialsInLogsAtEveryLevel() {
    for (LogLevel level : LogLevel.values()) {
      server.enqueue(json(401, "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
          + "\"messages\":[],\"result\":null,\"success\":false}"));
      try (CloudflareBuildsClient token = server.clientBuilder().apiToken(TOKEN).logLevel(level)
              .logger(logLines::add).build();
          CloudflareBuildsClient key = server.clientBuilder().apiKey(EMAIL, KEY).logLevel(level)
              .logger(logLines::add).build()) {
        Throwable failure = catchThrowable(() -> token.getBuildsByVersionIds("acct", ids(1)));
        key.getBuildsByVersionIds("acct", ids(1));
        assertNoSecret(stackTrace(failure));
      }
    }
    assertThat(logLines).anyMatch(line -> line.equals("Authorization: ██"));
    assertThat(logLines).anyMatch(line -> line.equals("X-Auth-Key: ██"));
    assertNoSecret(String.join("\n", logLines));
  }

  @Test
  void redactsCredentialsInToString() {
    Builder builder = server.clientBuilder().apiToken(TOKEN);
    assertNoSecret(builder.toString());
    assertNoSecret(server.clientBuilder().apiKey(EMAIL, KEY).toString());
    try (CloudflareBuildsClient client = builder.build()) {
      assertNoSecret(client.toString());
      assertNoSecret(client.async().toString());
    }
    HttpUrl url = HttpUrl.get("https://api.cloudflare.com/client/v4/");
    assertNoSecret(ApiTokenInterceptor.create(TOKEN, url).toString());
    assertNoSecret(ApiKeyInterceptor.create(EMAIL, KEY, url).toString());
  }

  @Test
  void keepsCredentialsOutOfValidationErrors() {
    assertNoSecret(stackTrace(catchThrowable(() -> server.clientBuilder().apiToken(TOKEN + " x").build())));
    assertNoSecret(stackTrace(catchThrowable(() -> server.clientBuilder().apiKey(EMAIL, KEY + "\r\n").build())));
    assertNoSecret(stackTrace(catchThrowable(() -> server.clientBuilder().apiKey("no-at-" + TOKEN, KEY).build())));
  }

  private static String stackTrace(Throwable t) {
    assertThat(t).isNotNull();
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static void assertNoSecret(String text) {
    assertThat(text).doesNotContain("SECRET");
  }
}
