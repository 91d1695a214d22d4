package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.redis.testing.BuildsStub;
import dev.cfbuilds.redis.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI as several real {@code java} processes at once, each {@code builds --rate-limit
 * 10/3s} for 200 version IDs (ten requests), against one loopback stub of the API, with and without
 * {@code CFBUILDS_REDIS_URL} naming a real {@code redis-server} started here. The stub records when
 * each request arrived.
 *
 * <p>Arrivals are checked in windows of 2.7 s, not 3 s: a process can be paused between Redis
 * admitting a request and the request reaching the stub (separate JVMs on a shared, loaded
 * machine), longer than the client's margin of a sixtieth of the window (50 ms). The control with
 * separate budgets exceeds the budget by far more than that tolerance hides.
 */
class SharedBudgetAcrossProcessesTest {
  private static final int PROCESSES = 3;
  private static final int REQUESTS = 10;
  private static final String RATE_LIMIT = REQUESTS + "/3s";

  /** The window the processes ask Redis for: 3 s and the client's margin, a sixtieth. */
  private static final Duration CLIENT_WINDOW = Duration.ofMillis(3_050);

  private static final long CHECKED_WINDOW_MILLIS = 2_700;
  private static final int IDS_PER_PROCESS = REQUESTS * 20;

  private static RedisServer redis;

  @TempDir Path dir;
  private final BuildsStub stub = new BuildsStub(true);
  private final MockWebServer server = new MockWebServer();
  private final Map<Path, Process> processes = new HashMap<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
    redis.awaitFirstWindow(CLIENT_WINDOW);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @BeforeEach
  void startStub() throws IOException {
    server.setDispatcher(stub);
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.close();
  }

  @Test
  void processesSharingRedisKeepToOneBudget() throws Exception {
    runAtOnce(redis.uri(1));

    assertThat(stub.arrivals()).hasSize(PROCESSES * REQUESTS);
    assertThat(stub.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", stub.arrivals())
        .isLessThanOrEqualTo(REQUESTS);
  }

  @Test
  void processesWithSeparateBudgetsExceedIt() throws Exception {
    runAtOnce(null);

    assertThat(stub.arrivals()).hasSize(PROCESSES * REQUESTS);
    assertThat(stub.mostInAnyWindow(CHECKED_WINDOW_MILLIS))
        .as("most in any window of %s", stub.arrivals())
        .isGreaterThan(REQUESTS);
  }

  @Test
  void aSecondProcessDoesNotFetchTheBuildsTheFirstSawStopped() throws Exception {
    List<String> ids = ids(0, 40);
    Path file = write("ids.txt", ids);

    assertSucceeded(start("first", redis.uri(2), file));
    int sent = stub.arrivals().size();
    Path second = start("second", redis.uri(2), file);
    assertSucceeded(second);

    assertThat(sent).isEqualTo(2);
    assertThat(stub.arrivals()).hasSize(sent);
    String printed = Files.readString(dir.resolve("second.out"), StandardCharsets.UTF_8);
    assertThat(ids).allMatch(id -> printed.contains("\"" + id + "\""));
  }

  @Test
  void anUnreachableRedisFailsTheCommandNamingItAndSendsNothing() throws Exception {
    String uri = "redis://127.0.0.1:" + RedisServer.freePort() + "/0";

    CliRun run = CliRun.run(env(uri), "", false, "builds", ApiFixture.A);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(run.err())
        .startsWith("cfbuilds: Redis at " + uri + " failed to ")
        .endsWith("; nothing was sent to the API\n");
    assertThat(stub.arrivals()).isEmpty();
  }

  /**
   * Starts {@value #PROCESSES} CLI processes at once, each asking for its own {@value
   * #IDS_PER_PROCESS} version IDs, with {@code CFBUILDS_REDIS_URL} set to {@code redisUri} unless
   * it is null, and waits until all have succeeded.
   */
  private void runAtOnce(String redisUri) throws Exception {
    List<Path> started = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      Path file = write("ids-" + p + ".txt", ids(p * 1_000, IDS_PER_PROCESS));
      started.add(start("process-" + p, redisUri, file));
    }
    for (Path name : started) {
      assertSucceeded(name);
    }
  }

  /**
   * Starts {@code cfbuilds builds --from-file ids} in a new JVM on this test's class path, its
   * output in {@code name.out} and {@code name.err}; returns the path that names it.
   */
  private Path start(String name, String redisUri, Path ids) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "builds",
            "--rate-limit",
            RATE_LIMIT,
            "--format",
            "json",
            "--from-file",
            ids.toString());
    builder.environment().clear();
    builder.environment().putAll(env(redisUri));
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(dir.resolve(name + ".err").toFile());
    Path key = dir.resolve(name);
    processes.put(key, builder.start());
    return key;
  }

  private void assertSucceeded(Path name) throws Exception {
    Process process = processes.get(name);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    String err = Files.readString(Path.of(name + ".err"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("exit code of %s; it printed: %s", name, err).isZero();
  }

  /** Returns the environment that points the CLI at the stub, and at {@code redisUri} if given. */
  private Map<String, String> env(String redisUri) {
    Map<String, String> env = new HashMap<>(ApiFixture.serverEnv(server));
    env.put("PATH", System.getenv().getOrDefault("PATH", ""));
    if (redisUri != null) {
      env.put(ApiAccess.REDIS_URL, redisUri);
    }
    return env;
  }

  private Path write(String name, List<String> ids) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", ids), StandardCharsets.UTF_8);
  }

  /** Returns {@code count} distinct version IDs, numbered from {@code first}. */
  private static List<String> ids(int first, int count) {
    return IntStream.range(first, first + count)
        .mapToObj(i -> String.format(Locale.ROOT, "8e5e3a2a-1d7e-4a1b-9c7d-%012d", i))
        .collect(Collectors.toList());
  }
}
