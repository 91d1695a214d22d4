package dev.cfbuilds.client;

import dev.cfbuilds.client.testing.NoDelayServerSockets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the read API: answers each request by the first scripted response for its
 * path (queued with {@link #enqueue}), else by its path's rule (set with {@link #on}), else 404.
 * Payloads are JSON text, so the tests do not depend on how models are built. Records every
 * request.
 */
final class ReadServer extends Dispatcher implements AutoCloseable {
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  static final String PREFIX = "/client/v4/accounts/" + ACCOUNT;

  final MockWebServer server = new MockWebServer();
  private final Map<String, Queue<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Function<RecordedRequest, MockResponse>> rules =
      new ConcurrentHashMap<>();
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

  ReadServer() throws IOException {
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(this);
    server.start();
  }

  /** Returns a builder pointed here, with a test token, the test account and no real sleeping. */
  CloudflareBuildsClient.Builder clientBuilder() {
    return CloudflareBuildsClient.builder()
        .apiToken("test-token")
        .accountId(ACCOUNT)
        .baseUrl(server.url("/client/v4/").toString())
        .sleeper(duration -> {});
  }

  /** Answers the next request for {@code path} (after the account prefix) with {@code response}. */
  ReadServer enqueue(String path, MockResponse response) {
    scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(response);
    return this;
  }

  /** Answers every request for {@code path} (after the account prefix) through {@code rule}. */
  ReadServer on(String path, Function<RecordedRequest, MockResponse> rule) {
    rules.put(path, rule);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String local = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    Queue<MockResponse> queue = scripted.get(local);
    MockResponse next = queue == null ? null : queue.poll();
    if (next != null) {
      return next;
    }
    Function<RecordedRequest, MockResponse> rule = rules.get(local);
    if (rule != null) {
      return rule.apply(request);
    }
    return json(404, error(12000, "Not found"));
  }

  List<RecordedRequest> requests() {
    return new ArrayList<>(requests);
  }

  /** Returns each request's path after the account prefix, with its query, in arrival order. */
  List<String> targets() {
    return requests.stream()
        .map(r -> r.getTarget().replace(PREFIX, ""))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    server.close();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse ok(String result) {
    return json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}");
  }

  static String error(int code, String message) {
    return "{\"success\":false,\"errors\":[{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\"}],\"messages\":[],\"result\":null}";
  }

  /** Returns a build's JSON: the fields these tests read, and an outcome only once stopped. */
  static String build(String uuid, String status, String outcome, String createdOn) {
    return "{\"build_uuid\":\""
        + uuid
        + "\",\"status\":\""
        + status
        + "\",\"build_outcome\":"
        + (outcome == null ? "null" : "\"" + outcome + "\"")
        + ",\"created_on\":\""
        + createdOn
        + "\",\"build_trigger_metadata\":{\"commit_hash\":\"c0ffee"
        + uuid.substring(0, 8)
        + "\",\"branch\":\"main\"}}";
  }

  /** Returns a log page's result JSON; {@code cursor} and {@code truncated} left out when null. */
  static String logs(String cursor, Boolean truncated, String... lines) {
    StringBuilder out = new StringBuilder("{\"lines\":[");
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : ",").append(lines[i]);
    }
    out.append(']');
    if (cursor != null) {
      out.append(",\"cursor\":\"").append(cursor).append('"');
    }
    if (truncated != null) {
      out.append(",\"truncated\":").append(truncated);
    }
    return out.append('}').toString();
  }

  /** Returns a well-formed log line's JSON. */
  static String line(long timestamp, String message) {
    return "[" + timestamp + ",\"" + message + "\"]";
  }

  /** Returns the Workers API's scripts list with each name mapped to its tag. */
  static String scripts(String... nameThenTag) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < nameThenTag.length; i += 2) {
      out.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(nameThenTag[i])
          .append("\",\"tag\":\"")
          .append(nameThenTag[i + 1])
          .append("\"}");
    }
    return out.append(']').toString();
  }
}
