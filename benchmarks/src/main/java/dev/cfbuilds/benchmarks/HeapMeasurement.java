package dev.cfbuilds.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the heap one large lookup needs, by running {@link HeapProbe} in fresh JVMs with the
 * serial collector and a fixed heap ({@code -Xms} = {@code -Xmx}): first with a roomy heap, to read
 * what the result retains, then bisecting for the smallest heap with which the lookup still
 * completes. That smallest heap is the peak the lookup needs (live objects at the worst moment plus
 * the collector's slack), independent of how lazily a collector with room to spare would clean up.
 */
public final class HeapMeasurement {
  /** The roomy heap the first probe runs with, in MiB. */
  static final int ROOMY_MIB = 256;

  /** How close the bisection gets, in MiB. */
  static final int STEP_MIB = 2;

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern OUTPUT = Pattern.compile("builds=(\\d+) retained=(-?\\d+)");

  /**
   * What one client needed.
   *
   * @param builds builds returned
   * @param retainedBytes heap held by the result after a full GC
   * @param smallestHeapMib the smallest {@code -Xmx} in MiB with which the lookup completed
   * @param probes how many JVMs were started
   */
  public record Figures(int builds, long retainedBytes, int smallestHeapMib, int probes) {}

  private final String baseUrl;
  private final int versionIds;

  /**
   * Creates a measurement against a running server.
   *
   * @param baseUrl the server's API root
   * @param versionIds how many IDs each probe looks up
   */
  public HeapMeasurement(String baseUrl, int versionIds) {
    this.baseUrl = baseUrl;
    this.versionIds = versionIds;
  }

  /** Measures {@code which} client: {@code ours} or {@code peer}. */
  public Figures measure(String which) throws IOException, InterruptedException {
    int probes = 1;
    Matcher roomy = probe(which, ROOMY_MIB);
    if (roomy == null) {
      throw new IllegalStateException(
          which + ": the lookup failed even with -Xmx" + ROOMY_MIB + "m");
    }
    int passes = ROOMY_MIB;
    int fails = 0;
    while (passes - fails > STEP_MIB) {
      int mid = (passes + fails) / 2;
      probes++;
      if (probe(which, mid) != null) {
        passes = mid;
      } else {
        fails = mid;
      }
    }
    return new Figures(
        Integer.parseInt(roomy.group(1)), Long.parseLong(roomy.group(2)), passes, probes);
  }

  /** Returns the probe's output line if it completed with every build, or null. */
  private Matcher probe(String which, int heapMib) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xms" + heapMib + "m",
            "-Xmx" + heapMib + "m",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            HeapProbe.class.getName(),
            baseUrl,
            which,
            Integer.toString(versionIds));
    Path log = Files.createTempFile("cfbuilds-heap-probe", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return null;
      }
      Matcher matcher = OUTPUT.matcher(Files.readString(log));
      boolean complete =
          process.exitValue() == 0
              && matcher.find()
              && Integer.parseInt(matcher.group(1)) == versionIds;
      return complete ? matcher : null;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
