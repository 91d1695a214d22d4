package dev.cfbuilds.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark through JMH's API, then the heap measurement, and prints one table: medians,
 * JMH's error (half the 99.9% confidence interval of the mean) and the ratios the issue asks for.
 * JMH's own log and JSON results go next to the jar.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar [--quick]}; {@code --quick} runs fewer and
 * shorter iterations, to check that everything works, not to quote.
 */
public final class Main {
  private static final int HEAP_VERSION_IDS = 10_000;

  private Main() {}

  /** Runs the suite; see the class comment. */
  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    Path outDir = outputDirectory();
    long start = System.nanoTime();
    Table table = new Table(System.out);
    table.header(quick, loadAverage());

    progress("fan-out, 1,000 IDs at c = 1, 4, 8, 16 (about 50 s)");
    Collection<RunResult> fanOut = run(FanOutBenchmark.class, quick, outDir);
    progress("fan-out baselines: sequential loops and the peer's pool (about 45 s)");
    Collection<RunResult> baselines = run(FanOutBaselineBenchmark.class, quick, outDir);
    progress("per-call overhead (about 60 s)");
    Collection<RunResult> perCall = run(PerCallBenchmark.class, quick, outDir);
    progress("decoding, with the GC profiler (about 45 s)");
    Collection<RunResult> decode = run(DecodeBenchmark.class, quick, outDir);
    progress("rate budget that never waits, against none (about 30 s)");
    Collection<RunResult> budget = run(RateBudgetBenchmark.class, quick, outDir);
    progress(
        String.format(
            Locale.ROOT,
            "heap of a %,d-ID lookup, ours and the peer (fresh JVMs, about 60 s)",
            HEAP_VERSION_IDS));
    HeapMeasurement.Figures oursHeap;
    HeapMeasurement.Figures peerHeap;
    try (LoopbackServer server = LoopbackServer.start(SamplePayload.load(), Duration.ZERO)) {
      HeapMeasurement heap = new HeapMeasurement(server.baseUrl().toString(), HEAP_VERSION_IDS);
      oursHeap = heap.measure("ours");
      peerHeap = heap.measure("peer");
    }

    table.goals(fanOut, perCall, decode);
    table.fanOut(fanOut, baselines);
    table.perCall(perCall);
    table.decode(
        decode,
        SamplePayload.load().envelopeBytes(Fixtures.versionIds(DecodeBenchmark.BUILDS)).length);
    table.heap(HEAP_VERSION_IDS, oursHeap, peerHeap);
    table.budget(budget);
    table.footer(Duration.ofNanos(System.nanoTime() - start), loadAverage(), outDir);
  }

  private static Collection<RunResult> run(Class<?> benchmark, boolean quick, Path outDir)
      throws RunnerException {
    String name = benchmark.getSimpleName();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
            .jvmArgsAppend("-Xms1g", "-Xmx1g")
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(outDir.resolve("jmh-" + name + ".log").toString())
            .result(outDir.resolve("jmh-" + name + ".json").toString())
            .resultFormat(ResultFormatType.JSON);
    if (quick) {
      options
          .warmupIterations(1)
          .measurementIterations(3)
          .warmupTime(TimeValue.milliseconds(300))
          .measurementTime(TimeValue.milliseconds(300));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH ran nothing for " + name + "; see its log in " + outDir);
    }
    return results;
  }

  /**
   * Returns the folder of the jar (benchmarks/target), or the working directory when run from
   * classes.
   */
  private static Path outputDirectory() throws IOException {
    Path location =
        Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
            .toAbsolutePath();
    Path dir = Files.isRegularFile(location) ? location.getParent() : Path.of("").toAbsolutePath();
    return Files.createDirectories(dir.resolve("jmh-results"));
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static void progress(String step) {
    System.out.println("… " + step);
    System.out.flush();
  }

  /**
   * Finds the result of {@code method} (and, if not null, {@code param}'s value) among {@code
   * results}.
   */
  static RunResult find(Collection<RunResult> results, String method, String param, String value) {
    List<String> seen = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      seen.add(benchmark);
      if (benchmark.endsWith("." + method)
          && (param == null || value.equals(result.getParams().getParam(param)))) {
        return result;
      }
    }
    throw new IllegalStateException("no result for " + method + " among " + seen);
  }

  /** Returns the median of the measured iterations (for single-shot runs, of the shots). */
  static double median(RunResult result) {
    return result.getPrimaryResult().getStatistics().getPercentile(50);
  }

  /** Returns JMH's error: half the 99.9% confidence interval of the mean. */
  static double error(RunResult result) {
    return result.getPrimaryResult().getScoreError();
  }

  /** Returns the bytes allocated per operation, from the GC profiler. */
  static double allocatedBytes(RunResult result) {
    Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? Double.NaN : norm.getScore();
  }
}
