package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.HttpUrl;

/** Constants and inputs shared by the benchmarks. */
public final class Fixtures {
  /** The account the requests name; the loopback server does not check it. */
  public static final String ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";

  /** The API token sent; the loopback server does not check it. */
  public static final String API_TOKEN = "benchmark-token";

  /** The most version IDs the API takes in one request: the client's limit. */
  public static final int CHUNK = CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST;

  private Fixtures() {}

  /** Returns {@code count} distinct lower-case version IDs, the same ones on every call. */
  public static List<String> versionIds(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(String.format(Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012x", i));
    }
    return ids;
  }

  /** Returns {@code ids} as UUIDs, the type the peer's API method takes. */
  public static List<UUID> uuids(List<String> ids) {
    List<UUID> uuids = new ArrayList<>(ids.size());
    for (String id : ids) {
      uuids.add(UUID.fromString(id));
    }
    return uuids;
  }

  /**
   * Returns a builder of our client for {@code baseUrl}, sending {@link #API_TOKEN}, without a rate
   * budget, and failing any wait (see {@link NoWaitSleeper}).
   *
   * <p>Without a budget: the default one (1,200 requests per 5 minutes) runs out after 1,200
   * requests, a second or two into a benchmark, and every later request waits, so the figures would
   * time the budget's waits. {@link RateBudgetBenchmark} measures what a budget costs when it never
   * waits.
   */
  public static CloudflareBuildsClient.Builder ours(HttpUrl baseUrl) {
    return CloudflareBuildsClient.builder()
        .apiToken(API_TOKEN)
        .baseUrl(baseUrl.toString())
        .noRateLimit()
        .sleeper(NoWaitSleeper.INSTANCE);
  }

  /**
   * Returns {@code ids} cut into consecutive chunks of at most {@value #CHUNK}, as a user would.
   */
  public static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }
    return chunks;
  }
}
