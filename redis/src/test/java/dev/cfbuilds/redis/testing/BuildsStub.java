package dev.cfbuilds.redis.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the builds-by-version-IDs endpoint, for checking a shared budget where it
 * matters, at the server: it answers every version ID asked about with a build, and records when
 * each request arrived ({@link System#nanoTime()}) and the IDs it asked.
 */
public class BuildsStub extends Dispatcher {
  private final boolean stopped;
  private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
  private final Queue<String> askedIds = new ConcurrentLinkedQueue<>();

  /**
   * Returns a stub whose builds are {@code stopped} and successful (so a client may cache them), or
   * else {@code running} (so every poll asks again).
   */
  public BuildsStub(boolean stopped) {
    this.stopped = stopped;
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

  private String build(String versionId) {
    if (!stopped) {
      return "{\"build_uuid\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"status\":\"running\"}";
    }
    return "{\"build_uuid\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"status\":\"stopped\","
        + "\"build_outcome\":\"success\",\"build_trigger_metadata\":{\"commit_hash\":\""
        + versionId.substring(versionId.length() - 12)
        + "\",\"branch\":\"main\"}}";
  }

  /** Returns the arrival times in nanoseconds, in order. */
  public List<Long> arrivals() {
    List<Long> sorted = new ArrayList<>(arrivals);
    sorted.sort(null);
    return sorted;
  }

  /** Returns the version IDs asked about, in the order the requests arrived. */
  public List<String> askedIds() {
    return new ArrayList<>(askedIds);
  }

  /** Returns the most requests that arrived within any {@code windowMillis}. */
  public int mostInAnyWindow(long windowMillis) {
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
}
