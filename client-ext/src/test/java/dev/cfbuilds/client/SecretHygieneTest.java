package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.envelope;
import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import dev.cfbuilds.client.auth.ApiKeyInterceptor;
import dev.cfbuilds.client.auth.ApiTokenInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every public path with recognisable credentials — success and each kind of failure, at every
 * log level, with a token and with an email and key — while capturing everything written to {@code
 * System.out}, {@code System.err} and {@code java.util.logging}, and checks that no credential
 * appears in that output, in any {@code toString()}, or in any exception's stack trace.
 */
class SecretHygieneTest {
  private static final String TOKEN = "tok-SECRET-7f3a9c";
  private static final String EMAIL = "person@SECRET-mail.example";
  private static final String KEY = "key-SECRET-b41e2d";
  private static final String FAILURE =
      "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
          + "\"messages\":[],\"result\":null,\"success\":false}";

  private final BuildsServer server = new BuildsServer();
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  /** Everything the test turned into text itself: toString()s and stack traces. */
  private final StringBuilder rendered = new StringBuilder();

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final List<String> julRecords = new CopyOnWriteArrayList<>();
  private final Handler julHandler =
      new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          julRecords.add(format.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private PrintStream originalOut;
  private PrintStream originalErr;
  private Level originalRootLevel;

  SecretHygieneTest() throws IOException {}

  @BeforeEach
  void captureAllOutput() {
    originalOut = System.out;
    originalErr = System.err;
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    Logger root = Logger.getLogger("");
    originalRootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    julHandler.setLevel(Level.ALL);
    root.addHandler(julHandler);
  }

  @AfterEach
  void restoreOutput() {
    Logger root = Logger.getLogger("");
    root.removeHandler(julHandler);
    root.setLevel(originalRootLevel);
    System.setOut(originalOut);
    System.setErr(originalErr);
    server.close();
  }

  /** One way a request can end, set up on the server or the client. */
  private record Scenario(String name, Function<Builder, Builder> client, Runnable server) {}

  private List<Scenario> scenarios() throws IOException {
    String deadUrl = "http://127.0.0.1:" + deadPort() + "/client/v4/";
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(new Scenario("success", b -> b, () -> {}));
    for (int status : new int[] {400, 401, 403, 404, 418, 500}) {
      scenarios.add(
          new Scenario("status " + status, b -> b, () -> server.enqueue(json(status, FAILURE))));
    }
    scenarios.add(
        new Scenario(
            "429 over the cap",
            b -> b,
            () ->
                server.enqueue(
                    new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "3600")
                        .body(FAILURE)
                        .build())));
    scenarios.add(
        new Scenario(
            "HTML 502",
            b -> b,
            () ->
                server.enqueue(
                    new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body>502 Bad Gateway</body></html>")
                        .build())));
    scenarios.add(new Scenario("success:false", b -> b, () -> server.enqueue(json(200, FAILURE))));
    scenarios.add(
        new Scenario(
            "malformed",
            b -> b,
            () -> server.enqueue(json(200, "{\"success\":true,\"result\":7}"))));
    scenarios.add(
        new Scenario(
            "disconnect",
            b -> b,
            () ->
                server.enqueue(
                    new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build())));
    scenarios.add(
        new Scenario(
            "timeout",
            b -> b.timeout(Duration.ofMillis(100)),
            () ->
                server.enqueue(
                    ids ->
                        new MockResponse.Builder()
                            .code(200)
                            .body(envelope(ids))
                            .bodyDelay(400, TimeUnit.MILLISECONDS)
                            .build())));
    scenarios.add(new Scenario("connection refused", b -> b.baseUrl(deadUrl), () -> {}));
    return scenarios;
  }

  @Test
  void keepsCredentialsOutOfEveryOutputOnEveryPath() throws IOException {
    for (LogLevel level : LogLevel.values()) {
      for (boolean token : new boolean[] {true, false}) {
        for (Scenario scenario : scenarios()) {
          scenario.server().run();
          Builder builder =
              scenario
                  .client()
                  .apply(
                      server.clientBuilder().maxRetries(0).logLevel(level).logger(logLines::add));
          builder = token ? builder.apiToken(TOKEN) : builder.apiKey(EMAIL, KEY);
          render(builder);
          try (CloudflareBuildsClient client = builder.build()) {
            render(client);
            render(client.async());
            Throwable failure =
                catchThrowable(() -> render(client.getBuildsByVersionIds("acct", ids(3))));
            if (failure != null) {
              failure.printStackTrace();
              render(stackTrace(failure));
            }
          }
        }
      }
    }
    assertThat(logLines).contains("Authorization: ██", "X-Auth-Email: ██", "X-Auth-Key: ██");
    assertThat(rendered)
        .contains(
            "UnauthorizedException",
            "CloudflareIoException",
            "MalformedResponseException",
            "RateLimitException",
            "SocketTimeoutException",
            "ConnectException");
    assertNoSecretAnywhere();
  }

  @Test
  void keepsCredentialsOutOfTheDefaultJavaUtilLoggingSink() {
    try (CloudflareBuildsClient client =
        server.clientBuilder().apiKey(EMAIL, KEY).logLevel(LogLevel.HEADERS).build()) {
      client.getBuildsByVersionIds("acct", ids(1));
    }
    assertThat(julRecords).anyMatch(record -> record.contains("X-Auth-Key: ██"));
    assertNoSecretAnywhere();
  }

  @Test
  void keepsCredentialsOutOfPartialFailuresAndTheirSuppressedExceptions() {
    List<String> input = ids(60);
    server.onChunk(input.get(0), (n, ids) -> json(403, FAILURE));
    server.onChunk(
        input.get(40),
        (n, ids) ->
            new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
    try (CloudflareBuildsClient client =
        server
            .clientBuilder()
            .apiToken(TOKEN)
            .logLevel(LogLevel.BODY)
            .logger(logLines::add)
            .maxRetries(1)
            .build()) {
      BuildsLookup lookup = client.lookupBuildsByVersionIds("acct", input);
      render(lookup);
      lookup.failures().forEach(this::render);
      Throwable thrown = catchThrowable(lookup::buildsOrThrow);
      assertThat(thrown.getSuppressed()).hasSize(1);
      thrown.printStackTrace();
      render(stackTrace(thrown));
      Throwable async =
          catchThrowable(() -> client.async().getBuildsByVersionIds("acct", input).join());
      render(stackTrace(async));
    }
    assertThat(rendered).contains("Suppressed: dev.cfbuilds.client.errors.CloudflareIoException");
    assertNoSecretAnywhere();
  }

  @Test
  void redactsCredentialsInEveryToString() {
    HttpUrl url = HttpUrl.get("https://api.cloudflare.com/client/v4/");
    render(CloudflareBuildsClient.builder().apiToken(TOKEN));
    render(CloudflareBuildsClient.builder().apiKey(EMAIL, KEY));
    render(CloudflareBuildsClient.builder().fromEnv(Map.of("CLOUDFLARE_API_TOKEN", TOKEN)));
    render(
        CloudflareBuildsClient.builder()
            .fromEnv(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY)));
    render(ApiTokenInterceptor.create(TOKEN, url));
    render(ApiKeyInterceptor.create(EMAIL, KEY, url));
    try (CloudflareBuildsClient client = server.clientBuilder().apiToken(TOKEN).build()) {
      render(client);
      render(client.async());
      render(client.lookupBuildsByVersionIds("acct", ids(2)));
    }
    assertThat(rendered).contains("token=<redacted>", "apiKey=<redacted>");
    assertNoSecretAnywhere();
  }

  @Test
  void redactsAPasswordInTheBaseUrlOfTheBuildersToString() {
    Builder builder =
        CloudflareBuildsClient.builder()
            .apiToken(TOKEN)
            .baseUrl("https://gateway:" + KEY + "@proxy.example/client/v4/");

    assertThat(builder.toString())
        .isEqualTo(
            "CloudflareBuildsClient.Builder{apiToken=<redacted>, accountId=null,"
                + " baseUrl=https://proxy.example/client/v4/ (redacted), maxRetries=2,"
                + " maxConcurrentRequests=4}");
    render(stackTrace(catchThrowable(builder::build)));
    assertNoSecretAnywhere();
  }

  @Test
  void keepsCredentialsOutOfValidationErrors() {
    render(stackTrace(catchThrowable(() -> server.clientBuilder().apiToken(TOKEN + " x").build())));
    render(
        stackTrace(
            catchThrowable(() -> server.clientBuilder().apiKey(EMAIL, KEY + "\r\n").build())));
    render(
        stackTrace(
            catchThrowable(() -> server.clientBuilder().apiKey("no-at-" + TOKEN, KEY).build())));
    render(
        stackTrace(
            catchThrowable(() -> server.clientBuilder().apiToken(TOKEN).baseUrl(KEY).build())));
    assertNoSecretAnywhere();
  }

  private void render(Object value) {
    rendered.append(value).append('\n');
  }

  private static String stackTrace(Throwable t) {
    assertThat(t).isNotNull();
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private void assertNoSecretAnywhere() {
    System.out.flush();
    System.err.flush();
    String everything =
        rendered
            + "\n"
            + String.join("\n", logLines)
            + "\n"
            + String.join("\n", julRecords)
            + "\n"
            + console.toString(StandardCharsets.UTF_8);
    assertThat(everything).doesNotContain("SECRET", TOKEN, KEY, EMAIL);
  }

  private static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
