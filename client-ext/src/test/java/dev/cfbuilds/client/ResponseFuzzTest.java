package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes response decoding: whatever bytes come as the body of a 200, a call returns builds or
 * throws {@link MalformedResponseException} (or, for a well-formed {@code "success": false}, {@link
 * CloudflareServiceException}) with a message of one bounded line — never another exception, never
 * a hang.
 *
 * <p>The bytes reach the client without a socket: an interceptor of the {@link OkHttpClient} the
 * client is built on answers every request with them. From there on the path is the client's own:
 * Retrofit's response handling, {@code DecodeFailures}, Moshi with the generated models' adapters,
 * {@code ResponseMapper}, and the merge in {@code FanOut}. What it skips is OkHttp's HTTP/1 framing
 * and the client's own interceptors (retry, which only buffers a 200; user agent; auth); {@link
 * #seedsEndTheSameOverARealSocket} checks that the seeds end the same way over a socket.
 *
 * <p>{@code mvn verify} runs the seeds in {@code ResponseFuzzTestInputs/} (regression mode). To
 * fuzz for 60 seconds: {@code JAZZER_FUZZ=1 mvn -B test -f client-ext/pom.xml
 * -Dtest=ResponseFuzzTest -Djazzer.hooks=true
 * -Djazzer.instrument='dev.cfbuilds.**,com.squareup.moshi.**'}; findings are written to that
 * directory.
 */
class ResponseFuzzTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<String> IDS = BuildsServer.ids(3);

  /**
   * Messages are read by people and written to logs: one line, of bounded length, whatever the
   * body.
   */
  private static final int MAX_MESSAGE = 1000;

  private static final Path SEEDS = seedsDirectory();

  /** JSON as a tree, nulls kept: what a round trip must give back. */
  private static final JsonAdapter<Object> TREE =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  private static volatile byte[] body = new byte[0];
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().addInterceptor(ResponseFuzzTest::answer).build();
  private static final CloudflareBuildsClient CLIENT =
      CloudflareBuildsClient.builder()
          .apiToken("fuzz-token")
          .okHttpClient(HTTP)
          .maxRetries(0)
          .build();

  @AfterAll
  static void close() {
    CLIENT.close();
    HTTP.dispatcher().executorService().shutdown();
  }

  @FuzzTest(maxDuration = "60s")
  void decodesAnyBodyOfA200IntoBuildsOrATypedException(byte[] input) throws Exception {
    body = input;
    outcome(CLIENT);
    assertRoundTripWhenRead(input);
  }

  /**
   * For a body the models read, asserts that writing the models back gives the same JSON tree: the
   * decoding loses nothing.
   */
  private static void assertRoundTripWhenRead(byte[] input) throws IOException {
    String text = new String(input, StandardCharsets.UTF_8);
    Object tree;
    BuildsByVersionIdsResponse models;
    try {
      tree = TREE.fromJson(text);
      models = ENVELOPE.fromJson(text);
    } catch (IOException | RuntimeException notRead) {
      return;
    }
    assertThat(TREE.fromJson(ENVELOPE.toJson(models))).as("read and written back").isEqualTo(tree);
  }

  @Test
  void roundTripCheckFailsWhenTheModelsLoseSomething() {
    String withNull = "{\"success\":true,\"result\":null}";
    JsonAdapter<Object> dropsNulls = new Moshi.Builder().build().adapter(Object.class);

    assertThatThrownBy(
            () ->
                assertThat(TREE.fromJson(dropsNulls.toJson(TREE.fromJson(withNull))))
                    .isEqualTo(TREE.fromJson(withNull)))
        .isInstanceOf(AssertionError.class);
    assertThatCode(() -> assertRoundTripWhenRead(withNull.getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @Test
  void seedsEndTheSameOverARealSocket() throws Exception {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(SEEDS)) {
      seeds = files.sorted().collect(Collectors.toList());
    }
    assertThat(seeds).hasSizeGreaterThan(10);
    try (BuildsServer server = new BuildsServer();
        CloudflareBuildsClient overSocket = server.clientBuilder().maxRetries(0).build()) {
      for (Path seed : seeds) {
        byte[] bytes = Files.readAllBytes(seed);
        body = bytes;
        server.enqueue(
            BuildsServer.json(200, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(outcome(overSocket))
            .as(seed.getFileName().toString())
            .isEqualTo(outcome(CLIENT));
      }
    }
  }

  @Test
  void theSampleSeedIsTheSpecsSample() throws IOException {
    try (InputStream sample =
        getClass()
            .getResourceAsStream(
                "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json")) {
      assertThat(Files.readAllBytes(SEEDS.resolve("sample-200.json")))
          .isEqualTo(sample.readAllBytes());
    }
  }

  /**
   * Calls {@code client} once and returns what it came to, as text: the builds' keys, or the
   * exception's type and message.
   *
   * @throws AssertionError if the call hangs, throws an exception of another type or with a message
   *     that is not one bounded line, or returns a result with a null key or build
   */
  private static String outcome(CloudflareBuildsClient client) throws InterruptedException {
    try {
      Map<String, Build> builds =
          client.async().getBuildsByVersionIds("acct", IDS).get(10, TimeUnit.SECONDS);
      builds.forEach(
          (key, build) -> {
            if (key == null || build == null) {
              throw new AssertionError("null key or build in " + builds.keySet());
            }
          });
      return "builds " + builds.keySet();
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not end within 10 s", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      boolean documented =
          cause instanceof MalformedResponseException
              ? ((MalformedResponseException) cause).statusCode() == 200
              : cause.getClass() == CloudflareServiceException.class
                  && ((CloudflareServiceException) cause).statusCode() == 200;
      if (!documented || cause.getMessage() == null) {
        throw new AssertionError("undocumented failure: " + cause, cause);
      }
      String message = cause.getMessage();
      if (message.length() > MAX_MESSAGE || message.chars().anyMatch(Character::isISOControl)) {
        throw new AssertionError(
            "the message is not one line of at most "
                + MAX_MESSAGE
                + " characters: "
                + message.length()
                + " characters, starting "
                + message.substring(0, Math.min(300, message.length())));
      }
      return ((CloudflareException) cause).getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private static Response answer(Interceptor.Chain chain) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(body, JSON))
        .build();
  }

  private static Path seedsDirectory() {
    try {
      return Paths.get(
          ResponseFuzzTest.class
              .getResource("ResponseFuzzTestInputs/decodesAnyBodyOfA200IntoBuildsOrATypedException")
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
