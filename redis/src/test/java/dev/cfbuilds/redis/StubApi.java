package dev.cfbuilds.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the builds endpoint: a {@code stopped}, successful build for every
 * version ID asked about. Records when each request arrived ({@link System#nanoTime()}) and the IDs
 * asked.
 */
final class StubApi extends Dispatcher {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

  private final MockWebServer server = new MockWebServer();
  private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
  private final Queue<String> askedIds = new ConcurrentLinkedQueue<>();

  StubApi() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  String baseUrl() {
    return server.url("/client/v4/").toString();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    arrivals.add(System.nanoTime());
    String query = request.getUrl().queryParameter("version_ids");
    StringBuilder builds = new StringBuilder();
    for (String id : query == null ? new String[0] : query.split(",")) {
      askedIds.add(id);
      if (builds.length() > 0) {
        builds.append(',');
      }
      builds.append('"').append(id).append("\":").append(build(id));
    }
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":{"
                + builds
                + "}}}")
        .build();
  }

  static String build(String versionId) {
    return "{\"build_uuid\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"status\":\"stopped\","
        + "\"build_outcome\":\"success\",\"build_trigger_metadata\":{\"commit_hash\":\""
        + versionId.substring(versionId.length() - 12)
        + "\",\"branch\":\"main\"}}";
  }

  /** Returns the arrival times in nanoseconds, in order. */
  List<Long> arrivals() {
    List<Long> sorted = new ArrayList<>(arrivals);
    sorted.sort(null);
    return sorted;
  }

  List<String> askedIds() {
    return new ArrayList<>(askedIds);
  }

  /** Returns the most requests that arrived within any {@code windowMillis}. */
  int mostInAnyWindow(long windowMillis) {
    List<Long> times = arrivals();
    int most = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (times.get(end) - times.get(start) >= windowMillis * 1_000_000) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  /** Returns {@code count} distinct version IDs, the n-th ending in n. */
  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012d", i));
    }
    return ids;
  }

  @Override
  public void close() {
    server.close();
  }
}
