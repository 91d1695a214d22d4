package dev.cfbuilds.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/** Prints the results as Markdown tables, ready to paste into the README. */
final class Table {
  private static final double FAN_OUT_TARGET = 1.05;
  private static final double SPEEDUP_TARGET = 6.0;
  private static final double PER_CALL_TARGET = 1.10;
  private static final double DECODE_SPEEDUP_TARGET = 5.0;
  private static final double MIB = 1024.0 * 1024.0;

  private final PrintStream out;

  Table(PrintStream out) {
    this.out = out;
  }

  void header(boolean quick, String load) {
    Runtime runtime = Runtime.getRuntime();
    out.println("# cfbuilds benchmarks" + (quick ? " (--quick: too few iterations to quote)" : ""));
    out.println();
    out.printf(
        Locale.ROOT,
        "Machine: %d cores, %s %s, %s %s %s; load average at start %s.%n",
        runtime.availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        load);
    out.println(
        "Median of the measured iterations; ± is JMH's error (half the 99.9% confidence interval"
            + " of the mean). Ratios are of medians from this run.");
    out.println();
  }

  /** Prints the three goals: the ratios of medians from this run, each against its target. */
  void goals(
      Collection<RunResult> fanOut, Collection<RunResult> perCall, Collection<RunResult> decode) {
    double fanOutRatio = fanOutRatio(fanOut, "8");
    double perCallRatio =
        Main.median(Main.find(perCall, "ours", null, null))
            / Main.median(Main.find(perCall, "floor", null, null));
    double decodeSpeedup = decodeSpeedup(decode);
    out.println("## Goals");
    out.println();
    out.println("| goal | measured | target |");
    out.println("|---|---:|---|");
    ratio(
        "one 20-ID call ÷ raw OkHttp + Moshi floor",
        perCallRatio,
        check(perCallRatio <= PER_CALL_TARGET, "≤ 1.10"));
    ratio(
        "fan-out of 1,000 IDs at c = 8 ÷ ideal",
        fanOutRatio,
        check(fanOutRatio <= FAN_OUT_TARGET, "≤ 1.05"));
    ratio(
        "decode of 20 builds: peer's time ÷ ours",
        decodeSpeedup,
        check(decodeSpeedup >= DECODE_SPEEDUP_TARGET, "≥ 5"));
    out.println();
  }

  void fanOut(Collection<RunResult> fanOut, Collection<RunResult> baselines) {
    out.println(
        "## 1. Fan-out: 1,000 version IDs = 50 requests; the server answers each after 50 ms");
    out.println();
    out.println("| run | median (ms) | ± (ms) | ideal (ms) | × ideal | target |");
    out.println("|---|---:|---:|---:|---:|---|");
    double c8 = 0;
    for (String c : new String[] {"1", "4", "8", "16"}) {
      RunResult result = Main.find(fanOut, "client", "maxConcurrentRequests", c);
      double ideal = FanOutBenchmark.idealMillis(Integer.parseInt(c));
      double ratio = Main.median(result) / ideal;
      String target = c.equals("8") ? check(ratio <= FAN_OUT_TARGET, "≤ 1.05") : "";
      if (c.equals("8")) {
        c8 = Main.median(result);
      }
      fanOutRow("ours, `maxConcurrentRequests` = " + c, result, ideal, target);
    }
    double sequentialIdeal = FanOutBenchmark.idealMillis(1);
    double poolIdeal = FanOutBenchmark.idealMillis(FanOutBaselineBenchmark.POOL_THREADS);
    RunResult oursLoop = Main.find(baselines, "oursSequentialLoop", null, null);
    RunResult peerLoop = Main.find(baselines, "peerSequentialLoop", null, null);
    RunResult peerPool = Main.find(baselines, "peerPoolOf8", null, null);
    RunResult floor = Main.find(baselines, "floorOkHttpOf8", null, null);
    fanOutRow(
        "ours, hand-written sequential loop over chunks of 20", oursLoop, sequentialIdeal, "");
    fanOutRow(
        "peer, hand-written sequential loop over chunks of 20", peerLoop, sequentialIdeal, "");
    fanOutRow("peer, hand-written loop on a fixed pool of 8 threads", peerPool, poolIdeal, "");
    fanOutRow("floor: raw OkHttp, 8 at a time, + Moshi into the models", floor, poolIdeal, "");
    out.println();
    out.println("| comparison | ratio | target |");
    out.println("|---|---:|---|");
    double speedup = Main.median(oursLoop) / c8;
    ratio(
        "speed-up of ours at c = 8 over the sequential loop (ours)",
        speedup,
        check(speedup >= SPEEDUP_TARGET, "≥ 6×"));
    ratio(
        "speed-up of ours at c = 8 over the peer's sequential loop",
        Main.median(peerLoop) / c8,
        "");
    ratio("ours at c = 8 ÷ the floor at 8 (what our client adds)", c8 / Main.median(floor), "");
    ratio(
        "ours at c = 8 ÷ peer on a pool of 8 (below 1 = ours faster)",
        c8 / Main.median(peerPool),
        "");
    ratio(
        "ours sequential loop ÷ peer sequential loop",
        Main.median(oursLoop) / Main.median(peerLoop),
        "");
    out.println();
  }

  void perCall(Collection<RunResult> results) {
    out.println("## 2. Per call: 20 IDs, 20 builds, loopback server without added latency");
    out.println();
    out.println("| run | median (µs) | ± (µs) | × floor | target |");
    out.println("|---|---:|---:|---:|---|");
    RunResult floor = Main.find(results, "floor", null, null);
    RunResult floorAsync = Main.find(results, "floorAsync", null, null);
    RunResult ours = Main.find(results, "ours", null, null);
    RunResult peer = Main.find(results, "peer", null, null);
    double floorMedian = Main.median(floor);
    double oursRatio = Main.median(ours) / floorMedian;
    perCallRow(
        "floor: raw OkHttp `execute()` + Moshi into the generated models", floor, floorMedian, "");
    perCallRow(
        "floor, asynchronous: the same via `enqueue()`, caller waits", floorAsync, floorMedian, "");
    perCallRow("ours", ours, floorMedian, check(oursRatio <= PER_CALL_TARGET, "≤ 1.10"));
    perCallRow("peer", peer, floorMedian, "");
    out.println();
    out.println("| comparison | ratio | target |");
    out.println("|---|---:|---|");
    ratio(
        "ours ÷ asynchronous floor (what the client layer adds)",
        Main.median(ours) / Main.median(floorAsync),
        "");
    ratio("ours ÷ peer", Main.median(ours) / Main.median(peer), "");
    out.println();
  }

  void decode(Collection<RunResult> results, int bodyBytes) {
    out.printf(
        Locale.ROOT, "## 3. Decoding one 20-build response (%,d bytes) from memory%n%n", bodyBytes);
    out.println("| run | median (µs) | ± (µs) | × Map | allocated per response | per build |");
    out.println("|---|---:|---:|---:|---:|---:|");
    RunResult map = Main.find(results, "map", null, null);
    RunResult models = Main.find(results, "models", null, null);
    RunResult peer = Main.find(results, "peer", null, null);
    double mapMedian = Main.median(map);
    decodeRow("Moshi into `Map<String, Object>`", map, mapMedian);
    decodeRow("ours: `ApiWiring.moshi()` into the generated models", models, mapMedian);
    decodeRow("peer: its Gson into its models", peer, mapMedian);
    out.println();
    out.println("| comparison | ratio | target |");
    out.println("|---|---:|---|");
    double speedup = decodeSpeedup(results);
    ratio("peer ÷ ours, time", speedup, check(speedup >= DECODE_SPEEDUP_TARGET, "≥ 5"));
    ratio(
        "ours ÷ peer, bytes allocated",
        Main.allocatedBytes(models) / Main.allocatedBytes(peer),
        "");
    out.println();
  }

  void budget(Collection<RunResult> results) {
    out.println(
        "## 5. Rate budget that never waits: one 1-ID call, loopback server without added latency");
    out.println();
    out.println("| budget | median (µs) | ± (µs) | − none (µs) | allocated per call | − none |");
    out.println("|---|---:|---:|---:|---:|---:|");
    RunResult none = budgetResult(results, RateBudgetBenchmark.Budget.NONE);
    for (RateBudgetBenchmark.Budget budget : RateBudgetBenchmark.Budget.values()) {
      RunResult result = budgetResult(results, budget);
      timedRow(
          budget.name(),
          result,
          signed(Main.median(result) - Main.median(none)),
          bytes(Main.allocatedBytes(result)),
          String.format(
              Locale.ROOT, "%+,.0f B", Main.allocatedBytes(result) - Main.allocatedBytes(none)));
    }
    out.println();
  }

  void heap(int versionIds, HeapMeasurement.Figures ours, HeapMeasurement.Figures peer) {
    out.printf(
        Locale.ROOT,
        "## 4. Heap of one %,d-ID lookup (%d requests, 8 at a time; fresh JVM, serial GC)%n%n",
        versionIds,
        versionIds / Fixtures.CHUNK);
    out.println(
        "| client | builds | retained by the result | per build | smallest -Xmx that completes |");
    out.println("|---|---:|---:|---:|---:|");
    heapRow("ours, `maxConcurrentRequests` = 8", ours);
    heapRow("peer, pool of 8 threads", peer);
    out.println();
  }

  void footer(Duration elapsed, String load, Path outDir) {
    out.printf(
        Locale.ROOT,
        "Finished in %d min %02d s; load average at end %s. JMH logs and JSON: %s%n",
        elapsed.toMinutes(),
        elapsed.toSecondsPart(),
        load,
        outDir);
  }

  private static double fanOutRatio(Collection<RunResult> fanOut, String c) {
    RunResult result = Main.find(fanOut, "client", "maxConcurrentRequests", c);
    return Main.median(result) / FanOutBenchmark.idealMillis(Integer.parseInt(c));
  }

  private static double decodeSpeedup(Collection<RunResult> decode) {
    return Main.median(Main.find(decode, "peer", null, null))
        / Main.median(Main.find(decode, "models", null, null));
  }

  private static RunResult budgetResult(
      Collection<RunResult> results, RateBudgetBenchmark.Budget budget) {
    return Main.find(results, "call", "budget", budget.name());
  }

  private void fanOutRow(String name, RunResult result, double ideal, String target) {
    timedRow(name, result, number(ideal), twoDecimals(Main.median(result) / ideal), target);
  }

  private void perCallRow(String name, RunResult result, double floorMedian, String target) {
    timedRow(name, result, twoDecimals(Main.median(result) / floorMedian), target);
  }

  private void ratio(String name, double value, String target) {
    out.printf(Locale.ROOT, "| %s | %.2f | %s |%n", name, value, target);
  }

  private void decodeRow(String name, RunResult result, double mapMedian) {
    double bytes = Main.allocatedBytes(result);
    timedRow(
        name,
        result,
        twoDecimals(Main.median(result) / mapMedian),
        bytes(bytes),
        bytes(bytes / DecodeBenchmark.BUILDS));
  }

  /** Prints a row of {@code name}, the median and error of {@code result}, then {@code more}. */
  private void timedRow(String name, RunResult result, String... more) {
    List<String> cells = new ArrayList<>();
    cells.add(name);
    cells.add(number(Main.median(result)));
    cells.add(number(Main.error(result)));
    cells.addAll(Arrays.asList(more));
    out.println("| " + String.join(" | ", cells) + " |");
  }

  private void heapRow(String name, HeapMeasurement.Figures figures) {
    out.printf(
        Locale.ROOT,
        "| %s | %,d | %.1f MiB | %s | %d MiB |%n",
        name,
        figures.builds(),
        figures.retainedBytes() / MIB,
        bytes((double) figures.retainedBytes() / figures.builds()),
        figures.smallestHeapMib());
  }

  private static String check(boolean met, String target) {
    return target + (met ? " — met" : " — MISSED");
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+,.1f", value);
  }

  private static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String bytes(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value >= 10 * 1024
        ? String.format(Locale.ROOT, "%,.1f KiB", value / 1024)
        : String.format(Locale.ROOT, "%,.0f B", value);
  }
}
