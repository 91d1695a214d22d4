package dev.cfbuilds.cli;

import dev.cfbuilds.client.BuildsResource;
import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers the read API's endpoints for the demo, from {@link DemoWorkers} and {@link DemoLogs}:
 * builds by UUID, their logs, a Worker's builds (paged), the latest builds of Workers by tag, and
 * the Workers API's scripts and deployments (in its own error envelope). Error codes are
 * illustrative.
 */
final class DemoReadApi {
  static final int CODE_NOT_FOUND = 12000;
  static final int CODE_BAD_REQUEST = 12001;
  private static final int CODE_NO_WORKER = 10007;

  private final DemoWorkers workers;
  private final DemoLogs logs;

  DemoReadApi(LongSupplier nanoTime, DemoWorkers workers) {
    this.workers = workers;
    this.logs = new DemoLogs(nanoTime, workers.clock());
  }

  /**
   * Returns the answer to {@code request} if it is one of the read API's paths (segments after the
   * account), or null to leave it to the caller. Credentials and method are checked by the caller.
   */
  MockResponse dispatch(RecordedRequest request, List<String> path) {
    HttpUrl url = request.getUrl();
    if (path.equals(List.of("workers", "scripts"))) {
      return ok(DemoWorkers.scripts(), null);
    }
    if (path.size() == 4
        && path.subList(0, 2).equals(List.of("workers", "scripts"))
        && path.get(3).equals("deployments")) {
      List<Object> deployments = workers.deployments(path.get(2));
      if (deployments == null) {
        return workersError(404, CODE_NO_WORKER, "This Worker does not exist on your account.");
      }
      return ok(Map.of("deployments", deployments), null);
    }
    if (path.equals(List.of("builds", "builds", "latest"))) {
      return latest(url.queryParameter("external_script_ids"));
    }
    if (path.size() >= 3 && path.subList(0, 2).equals(List.of("builds", "builds"))) {
      String uuid = path.get(2).toLowerCase(Locale.ROOT);
      if (!CanonicalUuid.matches(uuid) || path.size() > 4) {
        return null;
      }
      Map<String, Object> build = buildByUuid(uuid);
      if (build == null) {
        return buildsError(404, CODE_NOT_FOUND, "Not found");
      }
      if (path.size() == 3) {
        return ok(build, null);
      }
      if (!path.get(3).equals("logs")) {
        return null;
      }
      Map<String, Object> page = logs.page(build, url.queryParameter("cursor"));
      return page == null ? buildsError(400, CODE_BAD_REQUEST, "invalid cursor") : ok(page, null);
    }
    if (path.size() == 4
        && path.get(0).equals("builds")
        && path.get(1).equals("workers")
        && path.get(3).equals("builds")) {
      return list(path.get(2), url.queryParameter("page"), url.queryParameter("per_page"));
    }
    return null;
  }

  /** Returns build {@code uuid} of the demo's lists, or null. */
  private Map<String, Object> buildByUuid(String uuid) {
    if (DemoWorkers.GROWING_BUILD.equals(uuid)) {
      return logs.growingBuild();
    }
    return workers.byUuid(uuid);
  }

  private MockResponse latest(String tags) {
    if (tags == null || tags.isEmpty()) {
      return buildsError(400, CODE_BAD_REQUEST, "external_script_ids is required");
    }
    String[] asked = tags.split(",", -1);
    if (asked.length > BuildsResource.MAX_WORKERS_PER_REQUEST) {
      return buildsError(
          400,
          CODE_BAD_REQUEST,
          "external_script_ids: at most "
              + BuildsResource.MAX_WORKERS_PER_REQUEST
              + " per request");
    }
    Map<String, Object> builds = new LinkedHashMap<>();
    for (String tag : asked) {
      List<Map<String, Object>> all = workers.builds(tag, logs.growingBuild());
      if (!all.isEmpty()) {
        builds.put(tag, all.get(0));
      }
    }
    return ok(Map.of("builds", builds), null);
  }

  private MockResponse list(String tag, String pageText, String perPageText) {
    if (!DemoWorkers.isTag(tag)) {
      return buildsError(404, CODE_NOT_FOUND, "Not found");
    }
    int page;
    int perPage;
    try {
      page = pageText == null ? 1 : Integer.parseInt(pageText);
      perPage = perPageText == null ? 50 : Integer.parseInt(perPageText);
    } catch (NumberFormatException e) {
      return buildsError(400, CODE_BAD_REQUEST, "page and per_page must be numbers");
    }
    if (page < 1 || perPage < 1 || perPage > BuildsResource.MAX_PER_PAGE) {
      return buildsError(400, CODE_BAD_REQUEST, "page >= 1, per_page 1 to 200");
    }
    List<Map<String, Object>> all = workers.builds(tag, logs.growingBuild());
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("count", to - from);
    info.put("page", page);
    info.put("per_page", perPage);
    info.put("total_count", all.size());
    info.put("total_pages", (all.size() + perPage - 1) / perPage);
    return ok(all.subList(from, to), info);
  }

  /** Returns a 200 in the Builds API's envelope; {@code resultInfo} may be null. */
  static MockResponse ok(Object result, Map<String, Object> resultInfo) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("errors", List.of());
    envelope.put("messages", List.of());
    envelope.put("result", result);
    envelope.put("success", true);
    if (resultInfo != null) {
      envelope.put("result_info", resultInfo);
    }
    return DemoDispatcher.json(200, DemoDispatcher.JSON.toJson(envelope));
  }

  /** Returns an error in the Builds API's envelope. */
  static MockResponse buildsError(int status, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    return envelopeError(status, error);
  }

  private static MockResponse workersError(int status, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("documentation_url", "https://developers.cloudflare.com/api/");
    return envelopeError(status, error);
  }

  private static MockResponse envelopeError(int status, Map<String, Object> error) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("errors", List.of(error));
    envelope.put("messages", List.of());
    envelope.put("result", null);
    envelope.put("success", false);
    return DemoDispatcher.json(status, DemoDispatcher.JSON.toJson(envelope));
  }
}
