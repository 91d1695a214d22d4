package dev.cfbuilds.client;

import static dev.cfbuilds.client.BuildsServer.ids;
import static dev.cfbuilds.client.BuildsServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfbuilds.client.errors.BadRequestException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.client.errors.UnauthorizedException;
import dev.cfbuilds.client.errors.UnexpectedStatusCodeException;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorsTest {
  private static final String PATH = "GET /client/v4/accounts/acct/builds/builds";
  private static final String NOT_FOUND_ENVELOPE =
      "{\"errors\":[{\"code\":12000,\"message\":\"Not found\"}],\"messages\":[],\"result\":null,\"success\":false}";

  private final BuildsServer server = new BuildsServer();
  private final CloudflareBuildsClient client = server.clientBuilder().maxRetries(0).build();

  ErrorsTest() throws Exception {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class, " Bad Request"),
        Arguments.of(401, UnauthorizedException.class, " Unauthorized"),
        Arguments.of(403, PermissionDeniedException.class, " Forbidden"),
        Arguments.of(404, NotFoundException.class, " Not Found"),
        Arguments.of(429, RateLimitException.class, " Too Many Requests"),
        Arguments.of(500, InternalServerException.class, " Internal Server Error"),
        Arguments.of(502, InternalServerException.class, " Bad Gateway"),
        Arguments.of(503, InternalServerException.class, " Service Unavailable"),
        Arguments.of(504, InternalServerException.class, " Gateway Timeout"),
        Arguments.of(418, UnexpectedStatusCodeException.class, ""));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void mapsEachStatusToItsException(
      int status, Class<? extends CloudflareServiceException> type, String text) {
    server.enqueue(json(status, NOT_FOUND_ENVELOPE));

    CloudflareServiceException e = failureOf(type);

    String hint = status == 401 ? "\n" + UnauthorizedException.TOKEN_HINT : "";
    assertThat(e).hasMessage(PATH + " returned " + status + text + ": [12000] Not found" + hint);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errors())
        .extracting(ApiError::getCode, ApiError::getMessage)
        .containsExactly(tuple(12000, "Not found"));
    assertThat(e.headers()).containsEntry("content-type", List.of("application/json"));
  }

  @Test
  void a401NamesTheKindOfTokenTheApiNeedsOnALineOfItsOwn() {
    server.enqueue(json(401, NOT_FOUND_ENVELOPE));

    UnauthorizedException e = failureOf(UnauthorizedException.class);

    assertThat(e.getMessage().lines())
        .containsExactly(
            PATH + " returned 401 Unauthorized: [12000] Not found",
            "The Workers Builds API needs a user API token with the Workers CI Read permission;"
                + " it refuses account-owned API tokens.");
  }

  @Test
  void treatsSuccessFalseOnA200AsAServiceError() {
    server.enqueue(json(200, NOT_FOUND_ENVELOPE));

    CloudflareServiceException e = failureOf(CloudflareServiceException.class);

    assertThat(e).hasMessage(PATH + " returned 200 with \"success\": false: [12000] Not found");
    assertThat(e.statusCode()).isEqualTo(200);
  }

  @Test
  void givesAnHtmlErrorPageAsAShortExcerptNotAParseError() {
    String page =
        "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>"
            + "x".repeat(5000)
            + "</body></html>";
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body(page)
            .build());

    InternalServerException e = failureOf(InternalServerException.class);

    assertThat(e.getMessage())
        .startsWith(
            PATH
                + " returned 502 Bad Gateway: <html> <head><title>502 Bad Gateway</title></head> <body>xxx")
        .hasSizeLessThan(PATH.length() + 250);
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void keepsCloudflaresErrorMessagesOnOneBoundedLine() {
    String hostile = "bad\r\nX-Forged: 1\u2028" + "x".repeat(5000);
    server.enqueue(
        json(
            403,
            "{\"errors\":[{\"code\":10000,\"message\":\""
                + hostile.replace("\r", "\\r").replace("\n", "\\n")
                + "\"}],\"messages\":[],\"result\":null,\"success\":false}"));

    PermissionDeniedException e = failureOf(PermissionDeniedException.class);

    assertThat(e.getMessage())
        .isEqualTo(
            PATH
                + " returned 403 Forbidden: [10000] bad X-Forged: 1 "
                + "x".repeat(500 - ": [10000] bad X-Forged: 1 ".length())
                + "…(5026 chars)");
    assertThat(e.errors().get(0).getMessage()).isEqualTo(hostile);
  }

  static Stream<Arguments> malformedBodies() {
    String truncated = "{\"success\":true,\"errors\":[";
    return Stream.of(
        Arguments.of(
            200,
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":\"x\"}}",
            "$.result.builds is not an object"),
        Arguments.of(
            200,
            "{\"success\":\"false\",\"errors\":[],\"messages\":[],\"result\":null}",
            "'success' is not a boolean and there is no result"),
        Arguments.of(200, "{\"hello\":\"world\"}", "required value 'success' missing at path $"),
        Arguments.of(
            200,
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}",
            "$.result is not an object"),
        Arguments.of(200, truncated, "End of input"),
        Arguments.of(201, truncated, "End of input"),
        Arguments.of(203, truncated, "End of input"),
        Arguments.of(203, "<html>OK</html>", "Use JsonReader.setLenient(true)"),
        Arguments.of(206, "{\"hello\":\"world\"}", "required value 'success' missing at path $"));
  }

  /**
   * A body that is not the envelope, truncated JSON included, is malformed (not a network error),
   * says why, and keeps the response's own 2xx status.
   */
  @ParameterizedTest
  @MethodSource("malformedBodies")
  void reportsABodyThatIsNotTheEnvelopeAsMalformedWithItsStatus(
      int status, String body, String why) {
    server.enqueue(json(status, body));

    MalformedResponseException e = failureOf(MalformedResponseException.class);

    assertThat(e.getMessage())
        .startsWith(PATH + " returned a body that is not the expected JSON: " + why);
    assertThat(e.statusCode()).isEqualTo(status);
  }

  /**
   * The status of a body that does not decode reaches the exception from an OkHttp thread too, and
   * from each of several requests of one call: the status belongs to the request, not the thread.
   */
  @Test
  void reportsTheStatusOfEachMalformedBodyOfAnAsyncCall() {
    server.enqueue(json(201, "{\"success\":true,")).enqueue(json(203, "{\"success\":true,"));

    BuildsLookup lookup;
    try (CloudflareBuildsClient twoAtOnce =
        server.clientBuilder().maxRetries(0).maxConcurrentRequests(1).build()) {
      lookup = twoAtOnce.async().lookupBuildsByVersionIds("acct", ids(40)).join();
    }

    assertThat(lookup.failures())
        .extracting(
            failure -> ((MalformedResponseException) failure.exception()).statusCode(),
            failure -> failure.exception().getMessage())
        .containsExactly(
            tuple(201, PATH + " returned a body that is not the expected JSON: End of input"),
            tuple(203, PATH + " returned a body that is not the expected JSON: End of input"));
  }

  @Test
  void returnsTheBuildsWhenAValueHasTheWrongType() {
    server.enqueue(
        json(
            200,
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":"
                + "{\""
                + ids(1).get(0)
                + "\":{\"status\":42}}}}"));

    Map<String, Build> builds = client.getBuildsByVersionIds("acct", ids(1));

    Build build = builds.get(ids(1).get(0));
    assertThat(build.getStatus()).isNull();
    assertThat(build._status().rawJson()).contains(42.0);
    assertThat(build._mismatchedPaths()).containsExactly("$.status");
  }

  @Test
  void reportsADroppedConnectionAsAnIoError() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    CloudflareIoException e = failureOf(CloudflareIoException.class);

    assertThat(e.getMessage()).startsWith(PATH + " failed: ");
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  /** Returns what a lookup of one version ID throws, which must be a {@code type}. */
  private <T extends Throwable> T failureOf(Class<T> type) {
    return catchThrowableOfType(type, () -> client.getBuildsByVersionIds("acct", ids(1)));
  }
}
