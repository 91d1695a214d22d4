package dev.cfbuilds.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The demo's build logs. The growing build ({@link DemoWorkers#GROWING_BUILD}) starts when it is
 * first asked about, writes {@value #LINES_PER_SECOND} lines a second for {@value #RUN_SECONDS}
 * seconds ({@value #GROWING_LINES} lines), then stops and fails. Every other build has a short log
 * that fits its status and outcome (a queued build has none yet), a line a second from two seconds
 * after it was created. Pages hold at most {@value #PAGE_SIZE} lines; the cursor names the next
 * line.
 */
final class DemoLogs {
  static final int RUN_SECONDS = 15;
  static final int LINES_PER_SECOND = 20;
  static final int GROWING_LINES = RUN_SECONDS * LINES_PER_SECOND;
  static final int PAGE_SIZE = 100;
  private static final String CURSOR_PREFIX = "demo-line-";

  private final LongSupplier nanoTime;
  private final DemoClock clock;
  private volatile Long started;

  DemoLogs(LongSupplier nanoTime, DemoClock clock) {
    this.nanoTime = nanoTime;
    this.clock = clock;
  }

  /** Returns the growing build as it is now, starting its run on the first call. */
  synchronized Map<String, Object> growingBuild() {
    long millis = elapsedMillis();
    String status =
        millis < 1000 ? "initializing" : millis < RUN_SECONDS * 1000L ? "running" : "stopped";
    Map<String, Object> build =
        DemoWorkers.build(
            DemoWorkers.GROWING_BUILD,
            status,
            "stopped".equals(status) ? "fail" : null,
            clock.at(started).toString(),
            DemoWorkers.RESIZER_TAG);
    return build;
  }

  /**
   * Returns a page of the log of {@code build} (a JSON-ready map, as read now) from {@code cursor}
   * as the result's JSON-ready map, or null if the cursor is not one this stub gave.
   */
  synchronized Map<String, Object> page(Map<String, Object> build, String cursor) {
    String uuid = (String) build.get("build_uuid");
    boolean growing = DemoWorkers.GROWING_BUILD.equals(uuid);
    List<String> all = growing ? null : fixedLog(build);
    long first =
        growing
            ? clock.at(started).getEpochSecond()
            : Instant.parse((String) build.get("created_on")).getEpochSecond() + 2;
    int available = all != null ? all.size() : availableGrowingLines();
    return pageOf(
        cursor,
        available,
        i ->
            List.of(
                first + (all != null ? i : i / LINES_PER_SECOND),
                all != null ? all.get(i) : growingLine(i)));
  }

  /**
   * Returns the page from {@code cursor} of a log of {@code available} lines, line {@code i} made
   * by {@code line} as its {@code [time, message]} pair, as the result's JSON-ready map; or null if
   * the cursor is not one this stub gave. Every demo log is paged by this one rule.
   */
  static Map<String, Object> pageOf(String cursor, int available, IntFunction<List<Object>> line) {
    int from = 0;
    if (cursor != null) {
      if (!cursor.startsWith(CURSOR_PREFIX)) {
        return null;
      }
      try {
        from = Integer.parseInt(cursor.substring(CURSOR_PREFIX.length()));
      } catch (NumberFormatException e) {
        return null;
      }
      if (from < 0 || from > available) {
        return null;
      }
    }
    int to = Math.min(available, from + PAGE_SIZE);
    List<Object> lines = new ArrayList<>();
    for (int i = from; i < to; i++) {
      lines.add(line.apply(i));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cursor", CURSOR_PREFIX + to);
    result.put("lines", lines);
    result.put("truncated", to < available);
    return result;
  }

  private int availableGrowingLines() {
    long millis = elapsedMillis();
    return (int) Math.min(GROWING_LINES, millis * LINES_PER_SECOND / 1000);
  }

  private long elapsedMillis() {
    long now = nanoTime.getAsLong();
    if (started == null) {
      started = now;
    }
    return TimeUnit.NANOSECONDS.toMillis(now - started);
  }

  private static String growingLine(int i) {
    if (i == GROWING_LINES - 1) {
      return "✘ [ERROR] Could not resolve \"sharp\" (src/resize.ts:3:18); build failed";
    }
    if (i == 0) {
      return "Initializing build environment...";
    }
    return "transforming src/module-" + i + ".ts";
  }

  /** Returns the log of a fixed build: what a build of its status and outcome has written. */
  private static List<String> fixedLog(Map<String, Object> build) {
    String status = (String) build.get("status");
    String outcome = (String) build.get("build_outcome");
    List<String> lines = new ArrayList<>();
    if ("queued".equals(status)) {
      return lines;
    }
    if ("skipped".equals(outcome)) {
      lines.add("Skipped: no file under the root directory / changed");
      return lines;
    }
    lines.add("Initializing build environment...");
    if ("initializing".equals(status)) {
      return lines;
    }
    Map<?, ?> metadata = (Map<?, ?>) build.get("build_trigger_metadata");
    lines.add("Cloning repository acme-shop/" + metadata.get("repo_name"));
    lines.add("Running build command: npm ci && npm run build");
    if ("running".equals(status)) {
      return lines;
    }
    switch (outcome == null ? "" : outcome) {
      case "success":
        lines.add("Running deploy command: npx wrangler deploy");
        lines.add("Success: build finished");
        break;
      case "fail":
        lines.add("src/payment.ts(42,7): error TS2339: Property 'applePay' does not exist");
        lines.add("Failed: build command exited with code: 2");
        break;
      case "cancelled":
        lines.add("Build cancelled");
        break;
      case "terminated":
        lines.add("Terminated: the build ran past its time limit");
        break;
      default:
        break;
    }
    return lines;
  }
}
