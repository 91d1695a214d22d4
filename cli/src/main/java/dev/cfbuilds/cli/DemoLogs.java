package dev.cfbuilds.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The demo's build logs. The growing build ({@link DemoWorkers#GROWING_BUILD}) starts when it is
 * first asked about, writes {@value #LINES_PER_SECOND} lines a second for {@value #RUN_SECONDS}
 * seconds ({@value #GROWING_LINES} lines), then stops and fails. Every other build has a short,
 * fixed log. Pages hold at most {@value #PAGE_SIZE} lines; the cursor names the next line.
 */
final class DemoLogs {
  static final int RUN_SECONDS = 15;
  static final int LINES_PER_SECOND = 20;
  static final int GROWING_LINES = RUN_SECONDS * LINES_PER_SECOND;
  static final int PAGE_SIZE = 100;
  private static final long FIRST_TIMESTAMP = 1796375523L;
  private static final String CURSOR_PREFIX = "demo-line-";

  private final LongSupplier nanoTime;
  private volatile Long started;

  DemoLogs(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
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
            "2026-12-04T10:02:45.550Z",
            DemoWorkers.RESIZER_TAG);
    return build;
  }

  /**
   * Returns a page of build {@code uuid}'s log from {@code cursor} as the result's JSON-ready map,
   * or null if the cursor is not one this stub gave.
   */
  synchronized Map<String, Object> page(String uuid, String cursor) {
    List<String> all = DemoWorkers.GROWING_BUILD.equals(uuid) ? null : fixedLog(uuid);
    int available = all != null ? all.size() : availableGrowingLines();
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
      String text = all != null ? all.get(i) : growingLine(i);
      lines.add(List.of(FIRST_TIMESTAMP + i / LINES_PER_SECOND, text));
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

  private static List<String> fixedLog(String uuid) {
    List<String> lines = new ArrayList<>();
    lines.add("Initializing build environment...");
    lines.add("Cloning repository acme-shop/checkout-api");
    lines.add("Running build command: npm ci && npm run build");
    if ("f8d36d4b-e4cd-423c-951b-267c9cf61f4c".equals(uuid)) {
      lines.add("src/payment.ts(42,7): error TS2339: Property 'applePay' does not exist");
      lines.add("Failed: build command exited with code: 2");
    } else {
      lines.add("Running deploy command: npx wrangler deploy");
      lines.add("Success: build finished");
    }
    return lines;
  }
}
