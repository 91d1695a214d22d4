package dev.cfbuilds.redis;

import dev.cfbuilds.redis.testing.BuildsStub;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;

/**
 * A {@link BuildsStub} of {@code stopped}, successful builds on its own loopback server, with the
 * account and version IDs the tests ask about.
 */
final class StubApi extends BuildsStub {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

  private final MockWebServer server = new MockWebServer();

  StubApi() throws IOException {
    super(true);
    server.setDispatcher(this);
    server.start();
  }

  String baseUrl() {
    return server.url("/client/v4/").toString();
  }

  /** Returns {@code count} distinct version IDs, the n-th ending in n. */
  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012d", i));
    }
    return ids;
  }

  @Override
  public void close() {
    server.close();
  }
}
