package dev.cfbuilds.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's build triggers, as JSON-ready maps: {@code checkout-api} has a production trigger for
 * {@code main} and a preview trigger for every other branch, {@code image-resizer} one trigger for
 * {@code main}, and {@code docs-site}, uploaded from a laptop, none.
 */
final class DemoTriggers {
  static final String CHECKOUT_PRODUCTION = "7957d9af-5092-4db6-8e53-51ab9323a0ae";
  static final String CHECKOUT_PREVIEW = "fcc48f6d-b7c2-42e1-bf7c-15e03a1a996c";
  static final String RESIZER_PRODUCTION = "d54c0c47-0deb-43ff-b8fc-faaedd61cb3d";

  private DemoTriggers() {}

  /** Returns the triggers of the Worker tagged {@code tag}, or null if no Worker has the tag. */
  static List<Object> of(String tag) {
    if (DemoWorkers.CHECKOUT_TAG.equals(tag)) {
      return List.of(
          trigger(CHECKOUT_PRODUCTION, "Deploy production", tag, List.of("main"), List.of()),
          trigger(CHECKOUT_PREVIEW, "Preview branches", tag, List.of("*"), List.of("main")));
    }
    if (DemoWorkers.RESIZER_TAG.equals(tag)) {
      return List.of(
          trigger(RESIZER_PRODUCTION, "Deploy production", tag, List.of("main"), List.of()));
    }
    return DemoWorkers.isTag(tag) ? List.of() : null;
  }

  /** Returns the trigger {@code uuid}, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> byUuid(String uuid) {
    for (String tag : List.of(DemoWorkers.CHECKOUT_TAG, DemoWorkers.RESIZER_TAG)) {
      for (Object trigger : of(tag)) {
        Map<String, Object> map = (Map<String, Object>) trigger;
        if (uuid.equals(map.get("trigger_uuid"))) {
          return map;
        }
      }
    }
    return null;
  }

  private static Map<String, Object> trigger(
      String uuid, String name, String tag, List<String> includes, List<String> excludes) {
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("branch_excludes", new ArrayList<>(excludes));
    trigger.put("branch_includes", new ArrayList<>(includes));
    trigger.put("build_caching_enabled", true);
    trigger.put("build_command", "npm ci && npm run build");
    trigger.put("created_on", "2026-09-14T08:31:40.052Z");
    trigger.put("deleted_on", null);
    trigger.put("deploy_command", "npx wrangler deploy");
    trigger.put("external_script_id", tag);
    trigger.put("modified_on", "2026-11-02T16:05:27.930Z");
    trigger.put("root_directory", "/");
    trigger.put("trigger_name", name);
    trigger.put("trigger_uuid", uuid);
    return trigger;
  }
}
