package dev.cfbuilds.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Stoplight Prism in mock mode from our spec on a free loopback port: an HTTP server written
 * by others from the same document, that checks our requests and answers with the spec's example.
 *
 * @param process the Prism process
 * @param logFile where Prism logs each request and the violations it found in it
 * @param url the root URL, which stands for {@code https://api.cloudflare.com/client/v4/}
 */
record PrismServer(Process process, Path logFile, HttpUrl url) implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  /**
   * Starts Prism on {@code specYaml} and waits until it answers. Without Node.js or the Prism that
   * this module's build installs, skips the calling test, or fails it when {@code CI=true}.
   */
  static PrismServer start(String specYaml, Path workDir) throws IOException, InterruptedException {
    Path prism = Path.of(System.getProperty("cfbuilds.prism", "node_modules/.bin/prism"));
    String missing =
        !nodeRuns()
            ? "Node.js (node) is not on the PATH"
            : !Files.isExecutable(prism) ? "Prism is not installed at " + prism : null;
    if (missing != null) {
      String message =
          missing
              + ": the Prism contract tests need Node.js 20 with npm, and `mvn verify`"
              + " in contract-tests to install Prism from package-lock.json.";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " CI=true, so this is a failure, not a skip.");
      }
      // Surefire does not print the reason for a skip; say it where a reader of the build log sees
      // it.
      System.err.println("[WARNING] Skipping the Prism contract tests. " + message);
      Assumptions.abort(message);
    }
    Path spec = Files.writeString(workDir.resolve("cloudflare-builds.openapi.yaml"), specYaml);
    Path log = workDir.resolve("prism.log");
    int port = freeLoopbackPort();
    Process process =
        new ProcessBuilder(
                prism.toString(),
                "mock",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--errors",
                spec.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrismServer server =
        new PrismServer(process, log, HttpUrl.get("http://127.0.0.1:" + port + "/"));
    try {
      server.awaitAnswer();
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Returns what Prism has logged so far: each request, and the violations it found in it. */
  String log() throws IOException {
    return Files.readString(logFile, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Polls until Prism answers any HTTP request (a 404 for {@code /} will do). */
  private void awaitAnswer() throws IOException, InterruptedException {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Prism exited with " + process.exitValue() + " before answering:\n" + log());
      }
      try {
        http.newCall(new Request.Builder().url(url).build()).execute().close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    fail("Prism did not answer on " + url + " within " + STARTUP.toSeconds() + " s:\n" + log());
  }

  private static boolean nodeRuns() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().transferTo(OutputStream.nullOutputStream());
      return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
