package dev.cfbuilds.cli;

import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers the demo's triggers and the calls that change something: a Worker's triggers ({@link
 * DemoTriggers}), starting a stub build from a trigger, and cancelling a build. A started build
 * runs for {@value #RUN_MILLIS} ms, writing {@value #LINES_PER_SECOND} log lines a second, then
 * stops: with {@code success}, or {@code fail} if its branch name contains {@code fail}. Its build
 * and log are served here too. Cancelling a started build that has not stopped stops it as {@code
 * cancelled}; cancelling one of {@link DemoWorkers}'s fixed builds that has not stopped stops it as
 * {@code cancelled} too (it reads so from then on), and one that stopped answers as it ended. Error
 * codes are illustrative.
 */
final class DemoWriteApi {
  static final long RUN_MILLIS = 3000;
  static final int LINES_PER_SECOND = 10;

  private static final long QUEUED_MILLIS = 300;
  private static final long INITIALIZING_MILLIS = 800;

  private final LongSupplier nanoTime;
  private final DemoWorkers workers;
  private final Map<String, StubBuild> started = new ConcurrentHashMap<>();

  DemoWriteApi(LongSupplier nanoTime, DemoWorkers workers) {
    this.nanoTime = nanoTime;
    this.workers = workers;
  }

  /**
   * Returns the answer to {@code request} if it is for triggers, a started build, or a cancel
   * (segments after the account), or null to leave it to the caller. Credentials are checked by the
   * caller.
   */
  MockResponse dispatch(RecordedRequest request, List<String> path) {
    String method = request.getMethod();
    if ("GET".equals(method)
        && path.size() == 4
        && path.subList(0, 2).equals(List.of("builds", "workers"))
        && path.get(3).equals("triggers")) {
      List<Object> triggers = DemoTriggers.of(path.get(2));
      return triggers == null
          ? DemoReadApi.buildsError(404, DemoReadApi.CODE_NOT_FOUND, "Not found")
          : DemoReadApi.ok(triggers, null);
    }
    if ("POST".equals(method)
        && path.size() == 4
        && path.subList(0, 2).equals(List.of("builds", "triggers"))
        && path.get(3).equals("builds")) {
      return start(path.get(2).toLowerCase(Locale.ROOT), request);
    }
    if (path.size() >= 3
        && path.subList(0, 2).equals(List.of("builds", "builds"))
        && CanonicalUuid.matches(path.get(2))) {
      String uuid = path.get(2).toLowerCase(Locale.ROOT);
      if ("PUT".equals(method) && path.size() == 4 && path.get(3).equals("cancel")) {
        return cancel(uuid);
      }
      StubBuild build = started.get(uuid);
      if (build != null && "GET".equals(method)) {
        if (path.size() == 3) {
          return DemoReadApi.ok(build.json(), null);
        }
        if (path.size() == 4 && path.get(3).equals("logs")) {
          Map<String, Object> page = build.page(request.getUrl().queryParameter("cursor"));
          return page == null
              ? DemoReadApi.buildsError(400, DemoReadApi.CODE_BAD_REQUEST, "invalid cursor")
              : DemoReadApi.ok(page, null);
        }
      }
    }
    return null;
  }

  private MockResponse start(String triggerUuid, RecordedRequest request) {
    Map<String, Object> trigger = DemoTriggers.byUuid(triggerUuid);
    if (trigger == null) {
      return DemoReadApi.buildsError(404, DemoReadApi.CODE_NOT_FOUND, "Not found");
    }
    Map<?, ?> body;
    try {
      Object parsed =
          DemoDispatcher.JSON.fromJson(request.getBody() == null ? "" : request.getBody().utf8());
      body = parsed instanceof Map<?, ?> map ? map : Map.of();
    } catch (IOException | RuntimeException e) {
      body = Map.of();
    }
    Object branch = body.get("branch");
    Object commit = body.get("commit_hash");
    if (!(branch instanceof String) && !(commit instanceof String)) {
      return DemoReadApi.buildsError(
          400, DemoReadApi.CODE_BAD_REQUEST, "branch or commit_hash is required");
    }
    StubBuild build =
        new StubBuild(
            UUID.randomUUID().toString(),
            trigger,
            branch instanceof String b ? b : null,
            commit instanceof String c ? c : null,
            nanoTime.getAsLong());
    started.put(build.uuid, build);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("build_uuid", build.uuid);
    result.put("created_on", build.createdOn().toString());
    return DemoReadApi.ok(result, null);
  }

  private MockResponse cancel(String uuid) {
    StubBuild build = started.get(uuid);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("build_uuid", uuid);
    if (build != null) {
      build.cancel();
      Map<String, Object> now = build.json();
      result.put("build_outcome", now.get("build_outcome"));
      result.put("stopped_on", now.get("stopped_on"));
      return DemoReadApi.ok(result, null);
    }
    Map<String, Object> fixed = workers.byUuid(uuid);
    if (fixed == null) {
      return DemoReadApi.buildsError(404, DemoReadApi.CODE_NOT_FOUND, "Not found");
    }
    if (!"stopped".equals(fixed.get("status"))) {
      workers.cancel(uuid, workers.clock().now());
      fixed = workers.byUuid(uuid);
    }
    result.put("build_outcome", fixed.get("build_outcome"));
    result.put("stopped_on", fixed.get("stopped_on"));
    return DemoReadApi.ok(result, null);
  }

  /** A build started from a trigger, whose state follows from the time since it started. */
  private final class StubBuild {
    final String uuid;
    final Map<String, Object> trigger;
    final String branch;
    final String commit;
    final long startedNanos;
    volatile Long cancelledAtMillis;

    StubBuild(
        String uuid, Map<String, Object> trigger, String branch, String commit, long startedNanos) {
      this.uuid = uuid;
      this.trigger = trigger;
      this.branch = branch;
      this.commit = commit;
      this.startedNanos = startedNanos;
    }

    long elapsedMillis() {
      long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - startedNanos);
      Long cancelled = cancelledAtMillis;
      return cancelled != null ? Math.min(millis, cancelled) : millis;
    }

    synchronized void cancel() {
      if (cancelledAtMillis == null && elapsedMillis() < RUN_MILLIS) {
        cancelledAtMillis = elapsedMillis();
      }
    }

    Instant createdOn() {
      return workers.clock().at(startedNanos);
    }

    boolean fails() {
      return branch != null && branch.toLowerCase(Locale.ROOT).contains("fail");
    }

    Map<String, Object> json() {
      long millis = elapsedMillis();
      boolean stopped = cancelledAtMillis != null || millis >= RUN_MILLIS;
      String status =
          stopped
              ? "stopped"
              : millis < QUEUED_MILLIS
                  ? "queued"
                  : millis < INITIALIZING_MILLIS ? "initializing" : "running";
      String outcome =
          !stopped ? null : cancelledAtMillis != null ? "cancelled" : fails() ? "fail" : "success";
      String tag = (String) trigger.get("external_script_id");
      Map<String, Object> build =
          DemoWorkers.build(uuid, status, outcome, createdOn().toString(), tag);
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) build.get("build_trigger_metadata");
      metadata.put("branch", branch);
      metadata.put("build_trigger_source", "api");
      if (commit != null) {
        metadata.put("commit_hash", commit);
      }
      metadata.put("commit_message", "Manual build from the cfbuilds demo");
      build.put("trigger", trigger);
      return build;
    }

    /** Returns the log page from {@code cursor}, or null if the cursor is not one given here. */
    Map<String, Object> page(String cursor) {
      List<String> all = lines();
      long first = createdOn().getEpochSecond();
      return DemoLogs.pageOf(
          cursor, all.size(), i -> List.of(first + i / LINES_PER_SECOND, all.get(i)));
    }

    /** Returns the log lines written by now. */
    private List<String> lines() {
      long millis = elapsedMillis();
      int total = (int) (RUN_MILLIS * LINES_PER_SECOND / 1000);
      int written = (int) Math.min(total, millis * LINES_PER_SECOND / 1000);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < written; i++) {
        out.add(line(i, total));
      }
      if (cancelledAtMillis != null) {
        out.add("Build cancelled");
      }
      return out;
    }

    private String line(int i, int total) {
      if (i == 0) {
        return "Initializing build environment...";
      }
      if (i == 1) {
        return "Cloning repository acme-shop/"
            + (DemoWorkers.CHECKOUT_TAG.equals(trigger.get("external_script_id"))
                ? DemoWorkers.CHECKOUT
                : DemoWorkers.RESIZER)
            + " at "
            + (branch != null ? branch : commit);
      }
      if (i == 2) {
        return "Running build command: npm ci && npm run build";
      }
      if (i == total - 1) {
        return fails()
            ? "✘ [ERROR] Could not resolve \"./payment-fail\" (src/index.ts:4:21); build failed"
            : "Success: deployed to the demo account";
      }
      return "transforming src/module-" + i + ".ts";
    }
  }
}
