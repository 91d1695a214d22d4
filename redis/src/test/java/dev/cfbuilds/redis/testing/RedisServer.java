package dev.cfbuilds.redis.testing;

import dev.cfbuilds.client.store.Admission;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real {@code redis-server} (from the {@code PATH}) on a free loopback port, started for a
 * test and killed after it: no persistence, so a restart forgets everything, as a crashed Redis
 * without a disk does. Shared with the CLI's tests and the benchmarks through this module's test
 * jar (package {@code dev.cfbuilds.redis.testing} only); not published as API.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final Path dir;
  private Process process;

  private RedisServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  /** Starts a server on a free loopback port and waits until it answers PING. */
  public static RedisServer start() throws IOException {
    RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("cfbuilds-redis"));
    server.launch();
    return server;
  }

  /** Returns a free loopback port, which nothing listens on. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Returns the port it listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Returns the server's URI, such as {@code redis://127.0.0.1:6379/0}. */
  public String uri() {
    return uri(0);
  }

  /**
   * Returns the URI of the server's database {@code db}, such as {@code redis://127.0.0.1:6379/2}.
   */
  public String uri(int db) {
    return "redis://127.0.0.1:" + port + "/" + db;
  }

  /**
   * Waits until the server admits requests to a budget of {@code window}: a Redis started less than
   * a window ago admits nothing, since it cannot know what a previous life of it admitted (the
   * module's README.md).
   */
  public void awaitFirstWindow(Duration window) throws InterruptedException {
    awaitFirstWindow(uri(), window);
  }

  /**
   * Waits until the Redis at {@code uri} admits requests to a budget of {@code window}. Asks
   * through a {@link RedisStore} under a key prefix of its own, so that no budget a test uses is
   * touched.
   */
  public static void awaitFirstWindow(String uri, Duration window) throws InterruptedException {
    try (RedisStore probe = RedisStore.builder().uri(uri).keyPrefix("probe").build()) {
      Admission admission;
      while (!(admission = probe.tryAcquire(1, window)).isAdmitted()) {
        Thread.sleep(admission.retryIn().toMillis());
      }
    }
  }

  /** Kills the server, forgetting everything it held. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Kills the server and starts a new one on the same port: an empty Redis, just started. */
  public void restart() throws IOException, InterruptedException {
    kill();
    launch();
  }

  private void launch() throws IOException {
    process =
        new ProcessBuilder(
                List.of(
                    "redis-server",
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answersPing()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        throw new IOException(
            "redis-server did not answer PING on port "
                + port
                + "; see "
                + dir.resolve("redis.log"));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting redis-server", e);
      }
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int read = in.readNBytes(reply, 0, reply.length);
      return new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
