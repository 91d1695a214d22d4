package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on loopback that answers each path under the test account with a handler the test
 * sets, 404 otherwise, and remembers every path and query it was asked.
 */
final class StubApi implements AutoCloseable {
  static final JsonAdapter<Object> JSON = ApiWiring.moshi().adapter(Object.class).serializeNulls();

  private static final String PREFIX = "/client/v4/accounts/" + ApiFixture.ACCOUNT;

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Function<RecordedRequest, MockResponse>> handlers =
      new ConcurrentHashMap<>();
  private final List<String> targets = Collections.synchronizedList(new ArrayList<>());

  StubApi() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String relative = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            String query = request.getUrl().encodedQuery();
            targets.add(relative + (query == null ? "" : "?" + query));
            Function<RecordedRequest, MockResponse> handler = handlers.get(relative);
            return handler != null
                ? handler.apply(request)
                : DemoDispatcher.json(
                    404,
                    "{\"success\":false,\"errors\":[{\"code\":12000,\"message\":\"Not found\"}],"
                        + "\"messages\":[],\"result\":null}");
          }
        });
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  /** Answers every request for {@code path} (after the account) with {@code handler}. */
  StubApi on(String path, Function<RecordedRequest, MockResponse> handler) {
    handlers.put(path, handler);
    return this;
  }

  /** Answers every request for {@code path} with a 200 envelope around {@code result}. */
  StubApi ok(String path, Object result) {
    return on(path, request -> ok(result));
  }

  /** Returns the environment that sends the command here, with the token and account. */
  Map<String, String> env() {
    return ApiFixture.serverEnv(server);
  }

  /** Returns each request's path after the account, with its query, in order. */
  List<String> targets() {
    return List.copyOf(targets);
  }

  /** Returns the requests to the Builds API ({@code /builds/…}). */
  List<String> buildsRequests() {
    return targets().stream().filter(t -> t.startsWith("/builds/")).toList();
  }

  static MockResponse ok(Object result) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("errors", List.of());
    envelope.put("messages", List.of());
    envelope.put("result", result);
    envelope.put("success", true);
    return DemoDispatcher.json(200, JSON.toJson(envelope));
  }

  static MockResponse error(int status, int code, String message) {
    return DemoDispatcher.json(
        status,
        "{\"success\":false,\"errors\":[{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\"}],\"messages\":[],\"result\":null}");
  }

  /** Returns the Workers API's script entry for {@code name} and {@code tag}. */
  static Map<String, Object> script(String name, String tag) {
    return Map.of("id", name, "tag", tag);
  }

  /** Returns a build as the API sends it; see {@link DemoWorkers#build}. */
  static Map<String, Object> build(
      String uuid, String status, String outcome, String createdOn, String tag) {
    return DemoWorkers.build(uuid, status, outcome, createdOn, tag);
  }

  /** Returns a log page with {@code lines} as {@code [seconds, message]} pairs. */
  static Map<String, Object> logPage(String cursor, boolean truncated, Object... secondsThenText) {
    List<Object> lines = new ArrayList<>();
    for (int i = 0; i < secondsThenText.length; i += 2) {
      lines.add(List.of(secondsThenText[i], secondsThenText[i + 1]));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("cursor", cursor);
    page.put("lines", lines);
    page.put("truncated", truncated);
    return page;
  }

  @Override
  public void close() {
    server.close();
  }
}
