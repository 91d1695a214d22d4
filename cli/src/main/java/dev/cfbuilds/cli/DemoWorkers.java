package dev.cfbuilds.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's Workers and their builds, as JSON-ready maps: {@code checkout-api} with a gradual
 * deployment (90/10) and a build in every state, {@code image-resizer} whose latest build runs and
 * writes its log for {@value DemoLogs#RUN_SECONDS} seconds and then fails, and {@code docs-site},
 * uploaded from a laptop, with no builds. Every live version was made by a build that succeeded.
 * Dates are counted back from the {@link DemoClock}'s start; a fixed build cancelled through the
 * stub reads as stopped and cancelled from then on.
 */
final class DemoWorkers {
  static final String CHECKOUT = "checkout-api";
  static final String CHECKOUT_TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String RESIZER = "image-resizer";
  static final String RESIZER_TAG = "4a5ca2fd183bc107529ff66eb6de9576";
  static final String DOCS = "docs-site";
  static final String DOCS_TAG = "9b2f0c4e7a1d4e6f8c3b5a7d9e1f2a4c";

  /** The live versions of {@code checkout-api}: 90 % and 10 %. */
  static final String CHECKOUT_V90 = "8a1c2e4f-6b3d-4c5e-9f70-1a2b3c4d5e6f";

  static final String CHECKOUT_V10 = "0f3e2d1c-5b4a-4978-8e6f-a1b2c3d4e5f6";
  static final String RESIZER_VERSION = "5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a";

  /** A version with no build (its ID starts as {@link DemoBuilds#NO_BUILD_PREFIX}). */
  static final String DOCS_VERSION = "00000000-3c4d-4e5f-8a6b-7c8d9e0f1a2b";

  /** The build of {@code image-resizer} that grows while it runs. */
  static final String GROWING_BUILD = "b6dc7ef7-d754-4e8e-aaa1-1980f79562f6";

  /** The build of {@code checkout-api} that made its 90 % version, a week ago. */
  static final String CHECKOUT_V90_BUILD = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

  /** The build of {@code checkout-api} that made its 10 % version: its latest success. */
  static final String CHECKOUT_V10_BUILD = "b335c0af-9297-4d89-939f-1f502d372234";

  /** The build of {@code image-resizer} that made its live version. */
  static final String RESIZER_VERSION_BUILD = "7c5e1a3b-9d8f-4e4a-8b2c-6d7e8f9a0b1c";

  /**
   * {@code checkout-api}'s builds, newest first: one per status and outcome, then the build of its
   * older live version. Each is UUID, status, outcome and minutes before the demo started.
   */
  static final List<String[]> CHECKOUT_BUILDS =
      List.of(
          new String[] {"1c9e5a7b-3d2f-4e8a-9b6c-0d1e2f3a4b5c", "queued", null, "1"},
          new String[] {"2d0f6b8c-4e3a-4f9b-8c7d-1e2f3a4b5c6d", "initializing", null, "2"},
          new String[] {"3e1a7c9d-5f4b-4a0c-9d8e-2f3a4b5c6d7e", "running", null, "6"},
          new String[] {CHECKOUT_V10_BUILD, "stopped", "success", "180"},
          new String[] {"f8d36d4b-e4cd-423c-951b-267c9cf61f4c", "stopped", "fail", "300"},
          new String[] {"4f2b8d0e-6a5c-4b1d-8e9f-3a4b5c6d7e8f", "stopped", "cancelled", "1440"},
          new String[] {"5a3c9e1f-7b6d-4c2e-9f0a-4b5c6d7e8f9a", "stopped", "skipped", "2880"},
          new String[] {"6b4d0f2a-8c7e-4d3f-8a1b-5c6d7e8f9a0b", "stopped", "terminated", "5760"},
          new String[] {CHECKOUT_V90_BUILD, "stopped", "success", "10080"});

  private static final long RESIZER_SUCCESS_MINUTES = 4320;
  private static final long RUNNING_AFTER_SECONDS = 8;
  private static final long STOPPED_AFTER_SECONDS = 133;

  private final DemoClock clock;
  private final Map<String, Instant> cancelled = new ConcurrentHashMap<>();

  DemoWorkers(DemoClock clock) {
    this.clock = clock;
  }

  /** Returns the demo's clock. */
  DemoClock clock() {
    return clock;
  }

  /** Returns the account's Workers, as the Workers API lists them. */
  static List<Object> scripts() {
    return List.of(
        script(CHECKOUT, CHECKOUT_TAG), script(RESIZER, RESIZER_TAG), script(DOCS, DOCS_TAG));
  }

  /** Returns the tag of the Worker named {@code name}, or null. */
  static String tagOf(String name) {
    switch (name) {
      case CHECKOUT:
        return CHECKOUT_TAG;
      case RESIZER:
        return RESIZER_TAG;
      case DOCS:
        return DOCS_TAG;
      default:
        return null;
    }
  }

  /** Returns the deployments of {@code name}, newest first, or null for an unknown Worker. */
  List<Object> deployments(String name) {
    switch (name) {
      case CHECKOUT:
        return List.of(
            deployment(
                "3e9d6b52-0c71-4f0a-9a8e-5d2b7c4f1e60",
                ago(150),
                version(90, CHECKOUT_V90),
                version(10, CHECKOUT_V10)),
            deployment(
                "c41f0a8b-7d2e-4b6c-8f13-2e9a5d7c0b48",
                ago(10080 - 30),
                version(100, CHECKOUT_V90)));
      case RESIZER:
        return List.of(
            deployment(
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                ago(RESIZER_SUCCESS_MINUTES - 10),
                version(100, RESIZER_VERSION)));
      case DOCS:
        return List.of(
            deployment(
                "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e",
                ago(20 * 1440),
                version(100, DOCS_VERSION)));
      default:
        return null;
    }
  }

  /** Returns the builds of the Worker tagged {@code tag}, newest first ({@code growing} first). */
  List<Map<String, Object>> builds(String tag, Map<String, Object> growing) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (CHECKOUT_TAG.equals(tag)) {
      for (String[] b : CHECKOUT_BUILDS) {
        out.add(fixedBuild(b[0], b[1], b[2], Long.parseLong(b[3]), CHECKOUT_TAG));
      }
    } else if (RESIZER_TAG.equals(tag)) {
      out.add(growing);
      out.add(
          fixedBuild(
              RESIZER_VERSION_BUILD, "stopped", "success", RESIZER_SUCCESS_MINUTES, RESIZER_TAG));
    }
    return out;
  }

  /**
   * Returns the build that made {@code versionId}, one of the demo's live versions, or null for
   * another version.
   */
  Map<String, Object> liveBuild(String versionId) {
    switch (versionId) {
      case CHECKOUT_V90:
        return byUuid(CHECKOUT_V90_BUILD);
      case CHECKOUT_V10:
        return byUuid(CHECKOUT_V10_BUILD);
      case RESIZER_VERSION:
        return byUuid(RESIZER_VERSION_BUILD);
      default:
        return null;
    }
  }

  /**
   * Records that fixed build {@code uuid}, which had not stopped, was cancelled at {@code when};
   * later reads show it stopped and cancelled.
   */
  void cancel(String uuid, Instant when) {
    cancelled.putIfAbsent(uuid, when);
  }

  /** Returns whether {@code tag} is a Worker of the demo account. */
  static boolean isTag(String tag) {
    return CHECKOUT_TAG.equals(tag) || RESIZER_TAG.equals(tag) || DOCS_TAG.equals(tag);
  }

  /** Returns a build's JSON-ready map. */
  static Map<String, Object> build(
      String uuid, String status, String outcome, String createdOn, String tag) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("author", "maria.lopez@acme-shop.example");
    metadata.put("branch", "main");
    metadata.put("build_trigger_source", "push");
    metadata.put("commit_hash", uuid.replace("-", "").substring(0, 32) + "c0de0f1d");
    metadata.put("commit_message", "Demo commit for build " + uuid.substring(0, 8));
    metadata.put("provider_type", "github");
    metadata.put("repo_name", CHECKOUT_TAG.equals(tag) ? CHECKOUT : RESIZER);
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("external_script_id", tag);
    trigger.put("trigger_name", "Deploy production");
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("build_uuid", uuid);
    build.put("status", status);
    build.put("build_outcome", outcome);
    build.put("created_on", createdOn);
    build.put("modified_on", createdOn);
    build.put("stopped_on", "stopped".equals(status) ? createdOn : null);
    build.put("build_trigger_metadata", metadata);
    build.put("trigger", trigger);
    return build;
  }

  /** Returns the build {@code uuid} of the demo's lists, or null. */
  Map<String, Object> byUuid(String uuid) {
    for (String tag : List.of(CHECKOUT_TAG, RESIZER_TAG)) {
      for (Map<String, Object> build : builds(tag, Map.of("build_uuid", ""))) {
        if (uuid.equals(build.get("build_uuid"))) {
          return build;
        }
      }
    }
    return null;
  }

  private Map<String, Object> fixedBuild(
      String uuid, String status, String outcome, long minutesAgo, String tag) {
    Instant created = clock.minutesBeforeStart(minutesAgo);
    Instant cancelledAt = cancelled.get(uuid);
    boolean stopped = "stopped".equals(status) || cancelledAt != null;
    Map<String, Object> build =
        build(
            uuid,
            stopped ? "stopped" : status,
            cancelledAt != null ? "cancelled" : outcome,
            created.toString(),
            tag);
    boolean ran = "running".equals(status) || (stopped && !"skipped".equals(outcome));
    Instant running = created.plusSeconds(RUNNING_AFTER_SECONDS);
    build.put("running_on", ran ? running.toString() : null);
    Instant stoppedOn =
        cancelledAt != null
            ? cancelledAt
            : ran ? running.plusSeconds(STOPPED_AFTER_SECONDS) : created.plusSeconds(3);
    build.put("stopped_on", stopped ? stoppedOn.toString() : null);
    build.put("modified_on", (stopped ? stoppedOn : ran ? running : created).toString());
    return build;
  }

  private String ago(long minutes) {
    return clock.minutesBeforeStart(minutes).toString();
  }

  private static Map<String, Object> script(String name, String tag) {
    Map<String, Object> script = new LinkedHashMap<>();
    script.put("id", name);
    script.put("tag", tag);
    script.put("routes", null);
    return script;
  }

  private static Map<String, Object> deployment(String id, String createdOn, Object... versions) {
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("id", id);
    deployment.put("created_on", createdOn);
    deployment.put("source", "wrangler");
    deployment.put("strategy", "percentage");
    deployment.put("versions", List.of(versions));
    if (versions.length > 1) {
      deployment.put("author_email", "maria.lopez@acme-shop.example");
      deployment.put(
          "annotations", Map.of("workers/message", "Roll out the new payment form to 10%"));
    }
    return deployment;
  }

  private static Map<String, Object> version(int percentage, String versionId) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("percentage", percentage);
    version.put("version_id", versionId);
    return version;
  }
}
