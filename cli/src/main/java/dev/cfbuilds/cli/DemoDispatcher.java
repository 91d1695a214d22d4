package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResult;
import dev.cfbuilds.model.runtime.ApiWiring;
import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Answers like Cloudflare's "Get builds by version IDs" endpoint, for the demo.
 *
 * <p>Serves {@code GET /client/v4/accounts/{account_id}/builds/builds?version_ids=…} for any
 * account: each version ID gets the build {@link DemoBuilds} makes up for it (the demo Workers'
 * live versions, the builds {@link DemoWorkers} lists as having made them), except IDs starting
 * with {@value DemoBuilds#NO_BUILD_PREFIX}, which have none. Rejects what the real API rejects, in
 * its error envelope: no credentials (401); no {@code version_ids}, more than {@value
 * CloudflareBuildsClient#MAX_VERSION_IDS_PER_REQUEST} of them, or one that is not a UUID (400);
 * another path (404) or method (405). The error codes are illustrative.
 *
 * <p>For {@code --wait}, its builds can instead move from queued to stopped over a few seconds.
 */
final class DemoDispatcher extends Dispatcher {
  private static final List<String> PATH_BEFORE_ACCOUNT = List.of("client", "v4", "accounts");
  private static final List<String> PATH_AFTER_ACCOUNT = List.of("builds", "builds");
  private static final int CODE_NO_ROUTE = 7000;
  private static final int CODE_METHOD_NOT_ALLOWED = 10405;
  private static final int CODE_AUTHENTICATION = 10000;
  private static final int CODE_BAD_VERSION_IDS = 12001;

  private static final JsonAdapter<BuildsByVersionIdsResponse> RESPONSE_ADAPTER =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  /** Writes and reads the demo's JSON-ready maps and lists; every demo answer goes through it. */
  static final JsonAdapter<Object> JSON = ApiWiring.moshi().adapter(Object.class).serializeNulls();

  private static final JsonAdapter<Build> BUILD_ADAPTER = ApiWiring.moshi().adapter(Build.class);

  private final LongSupplier nanoTime;
  private final Map<String, Long> firstAsked = new ConcurrentHashMap<>();
  private final DemoWorkers workers;
  private final DemoReadApi readApi;
  private final DemoWriteApi writeApi;

  /** Creates a dispatcher whose builds never change. */
  DemoDispatcher() {
    this(null);
  }

  /**
   * Creates a dispatcher whose builds move from queued to stopped over a few seconds after it is
   * first asked about each (see {@link DemoBuilds#progressed}), by the time {@code nanoTime} tells;
   * {@code null} for builds that never change.
   */
  DemoDispatcher(LongSupplier nanoTime) {
    this(nanoTime, Instant.now());
  }

  /**
   * Creates a dispatcher as {@link #DemoDispatcher(LongSupplier)} does, whose clock starts at
   * {@code start}: its fixed builds and deployments are dated back from it.
   */
  DemoDispatcher(LongSupplier nanoTime, Instant start) {
    this.nanoTime = nanoTime;
    LongSupplier clockTime = nanoTime != null ? nanoTime : System::nanoTime;
    this.workers = new DemoWorkers(new DemoClock(start, clockTime));
    this.readApi = new DemoReadApi(clockTime, workers);
    this.writeApi = new DemoWriteApi(clockTime, workers);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    List<String> segments = url.pathSegments();
    if (segments.size() > 4 && segments.subList(0, 3).equals(PATH_BEFORE_ACCOUNT)) {
      MockResponse write = writeApi.dispatch(request, segments.subList(4, segments.size()));
      if (write != null) {
        return hasCredentials(request.getHeaders())
            ? write
            : error(401, CODE_AUTHENTICATION, "Authentication error");
      }
    }
    if (segments.size() > 4
        && segments.subList(0, 3).equals(PATH_BEFORE_ACCOUNT)
        && "GET".equals(request.getMethod())) {
      MockResponse read = readApi.dispatch(request, segments.subList(4, segments.size()));
      if (read != null) {
        return hasCredentials(request.getHeaders())
            ? read
            : error(401, CODE_AUTHENTICATION, "Authentication error");
      }
    }
    boolean routed =
        segments.size() == 6
            && segments.subList(0, 3).equals(PATH_BEFORE_ACCOUNT)
            && !segments.get(3).isEmpty()
            && segments.subList(4, 6).equals(PATH_AFTER_ACCOUNT);
    if (!routed) {
      return error(404, CODE_NO_ROUTE, "No route for that URI");
    }
    if (!"GET".equals(request.getMethod())) {
      return error(405, CODE_METHOD_NOT_ALLOWED, "Method not allowed");
    }
    if (!hasCredentials(request.getHeaders())) {
      return error(401, CODE_AUTHENTICATION, "Authentication error");
    }
    String versionIds = url.queryParameter("version_ids");
    if (versionIds == null || versionIds.isEmpty()) {
      return error(400, CODE_BAD_VERSION_IDS, "version_ids is required");
    }
    String[] ids = versionIds.split(",", -1);
    int limit = CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST;
    if (ids.length > limit) {
      return error(
          400,
          CODE_BAD_VERSION_IDS,
          "version_ids: at most " + limit + " version IDs per request, got " + ids.length);
    }
    Map<String, Build> builds = new LinkedHashMap<>();
    for (String id : ids) {
      if (!CanonicalUuid.matches(id)) {
        return error(400, CODE_BAD_VERSION_IDS, "version_ids: \"" + id + "\" is not a UUID");
      }
      String versionId = id.toLowerCase(Locale.ROOT);
      if (DemoBuilds.hasBuild(versionId)) {
        builds.put(versionId, build(versionId));
      }
    }
    BuildsByVersionIdsResponse body =
        BuildsByVersionIdsResponse.builder()
            .errors(List.of())
            .messages(List.of())
            .result(BuildsByVersionIdsResult.builder().builds(builds).build())
            .success(true)
            .build();
    return json(200, RESPONSE_ADAPTER.toJson(body));
  }

  private Build build(String versionId) {
    Map<String, Object> live = workers.liveBuild(versionId);
    if (live != null) {
      return BUILD_ADAPTER.fromJsonValue(live);
    }
    Instant start = workers.clock().origin();
    if (nanoTime == null) {
      return DemoBuilds.forVersion(versionId, start);
    }
    long now = nanoTime.getAsLong();
    long first = firstAsked.computeIfAbsent(versionId, id -> now);
    return DemoBuilds.progressed(versionId, TimeUnit.NANOSECONDS.toMillis(now - first), start);
  }

  private static boolean hasCredentials(Headers headers) {
    String authorization = headers.get("Authorization");
    if (authorization != null
        && authorization.startsWith("Bearer ")
        && !authorization.substring("Bearer ".length()).isBlank()) {
      return true;
    }
    String email = headers.get("X-Auth-Email");
    String key = headers.get("X-Auth-Key");
    return email != null && !email.isBlank() && key != null && !key.isBlank();
  }

  private static MockResponse error(int status, int code, String message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("errors", List.of(ApiError.builder().code(code).message(message).build()));
    envelope.put("messages", List.of());
    envelope.put("result", null);
    envelope.put("success", false);
    return json(status, JSON.toJson(envelope));
  }

  /** Returns a response of {@code status} with the JSON {@code body}. */
  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
