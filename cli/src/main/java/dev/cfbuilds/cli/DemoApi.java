package dev.cfbuilds.cli;

import dev.cfbuilds.client.EnvironmentVariables;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;

/**
 * Runs the demo stub of the Cloudflare API on {@code 127.0.0.1}, on a free port, until closed.
 *
 * <p>Requests are answered by {@link DemoDispatcher}. MockWebServer's per-request log lines are
 * switched off so that they do not mix with the command's own output.
 */
final class DemoApi implements AutoCloseable {
  /** The account ID the demo uses when none is given; the stub accepts any. */
  static final String ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

  /** The API token the demo sends; the stub accepts any non-blank one. */
  static final String TOKEN = "demo-token-not-a-secret";

  /** Kept in a field: {@link Logger} holds its loggers weakly and would forget the level. */
  private static final Logger SERVER_LOGGER = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server;

  private DemoApi(MockWebServer server) {
    this.server = server;
  }

  /** Starts the stub on {@code 127.0.0.1}, with builds that never change. */
  static DemoApi start() throws IOException {
    return start(false);
  }

  /**
   * Starts the stub on {@code 127.0.0.1}; with {@code progressing}, its builds move from queued to
   * stopped over a few seconds.
   */
  static DemoApi start(boolean progressing) throws IOException {
    SERVER_LOGGER.setLevel(Level.WARNING);
    MockWebServer server = new MockWebServer();
    server.setDispatcher(progressing ? new DemoDispatcher(System::nanoTime) : new DemoDispatcher());
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    return new DemoApi(server);
  }

  /** Returns the environment that points a command at this stub: its dummy token and URL. */
  Map<String, String> environment() {
    return Map.of(EnvironmentVariables.API_TOKEN, TOKEN, EnvironmentVariables.BASE_URL, baseUrl());
  }

  /** Returns the stub's API root, such as {@code http://127.0.0.1:41234/client/v4/}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/client/v4/";
  }

  @Override
  public void close() {
    server.close();
  }
}
