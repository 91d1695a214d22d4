package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;

/**
 * Fetches many version IDs in a JVM of its own, started by {@link HeapMeasurement} with a fixed
 * heap, and prints {@code builds=<n> retained=<bytes>}: how many builds came back, and how much
 * more heap is in use after a full GC while the result is held than before the fetch. It exits
 * non-zero if the heap runs out ({@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Arguments: the server's API root, {@code ours} or {@code peer}, and the number of IDs.
 */
public final class HeapProbe {
  private HeapProbe() {}

  /** Runs one probe; see the class comment. */
  public static void main(String[] args) throws Exception {
    HttpUrl baseUrl = HttpUrl.get(args[0]);
    boolean ours = args[1].equals("ours");
    List<String> ids = Fixtures.versionIds(Integer.parseInt(args[2]));
    Map<String, ?> builds;
    long retained;
    if (ours) {
      try (CloudflareBuildsClient client = ours(baseUrl)) {
        client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids.subList(0, Fixtures.CHUNK));
        long before = usedAfterGc();
        builds = client.getBuildsByVersionIds(Fixtures.ACCOUNT_ID, ids);
        retained = usedAfterGc() - before;
      }
    } else {
      Peer peer = Peer.create(baseUrl);
      ExecutorService pool = Executors.newFixedThreadPool(FanOutBaselineBenchmark.POOL_THREADS);
      peer.onPool(ids.subList(0, Fixtures.CHUNK), pool);
      long before = usedAfterGc();
      builds = peer.onPool(ids, pool);
      retained = usedAfterGc() - before;
      pool.shutdownNow();
      peer.close();
    }
    System.out.println("builds=" + builds.size() + " retained=" + retained);
    Reference.reachabilityFence(builds);
    System.exit(0);
  }

  /** Returns our client as the probe builds it: {@link Fixtures#ours}, 8 requests at a time. */
  static CloudflareBuildsClient ours(HttpUrl baseUrl) {
    return Fixtures.ours(baseUrl)
        .maxConcurrentRequests(FanOutBaselineBenchmark.POOL_THREADS)
        .build();
  }

  private static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
