package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.errors.AwaitTimeoutException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Java samples compiling and true: each {@code ```java} block of the README must
 * appear, whitespace aside, in this file (its import lines among this file's imports), where it
 * compiles and (but for the quick start, which reads the real environment) runs against a loopback
 * stub of the API.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path THIS_FILE =
      Path.of("src", "test", "java", "dev", "cfbuilds", "client", "ReadmeExamplesTest.java");

  private static final Pattern SAME_PACKAGE_IMPORT =
      Pattern.compile("import dev\\.cfbuilds\\.client\\.[A-Z][A-Za-z0-9]*;");

  private final BuildsServer server = new BuildsServer();
  private final String accountId = "0123456789abcdef0123456789abcdef";
  private final List<String> versionIds = BuildsServer.ids(45);
  private final String baseUrl = server.server.url("/client/v4/").toString();

  ReadmeExamplesTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void everyJavaSampleInTheReadmeIsInThisFile() throws IOException {
    String source = normalize(Files.readString(THIS_FILE, StandardCharsets.UTF_8));
    List<String> samples = javaSamples(Files.readString(README, StandardCharsets.UTF_8));

    assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
    for (String sample : samples) {
      StringBuilder code = new StringBuilder();
      for (String line : sample.split("\n", -1)) {
        if (line.startsWith("import ")) {
          assertThat(isImportedHere(source, line))
              .as("README import not in %s: %s", THIS_FILE, line)
              .isTrue();
        } else {
          code.append(line).append('\n');
        }
      }
      assertThat(source)
          .as("README sample not kept in %s:%n%s", THIS_FILE, sample)
          .contains(normalize(code.toString()));
    }
  }

  /**
   * Returns whether a sample's import line is among this file's imports, or names a class of this
   * file's own package (which needs no import here).
   */
  private static boolean isImportedHere(String normalizedSource, String importLine) {
    return normalizedSource.contains(normalize(importLine))
        || SAME_PACKAGE_IMPORT.matcher(importLine.strip()).matches();
  }

  @Test
  void configuredClientFetchesBuilds() {
    String token = "test-token";
    CloudflareBuildsClient client = configuredClient(token);
    try (client) {
      assertThat(client.getBuildsByVersionIds(accountId, versionIds)).hasSize(45);
    }
  }

  @Test
  void partialResultsSampleRetriesOnlyWhatFailed() {
    server
        .enqueue(BuildsServer.json(503, "{}"))
        .enqueue(BuildsServer.json(503, "{}"))
        .enqueue(BuildsServer.json(503, "{}"));
    Map<String, Build> builds;
    try (CloudflareBuildsClient client = server.clientBuilder().maxConcurrentRequests(1).build()) {
      builds = partialResults(client);
    }

    assertThat(builds).containsOnlyKeys(versionIds);
    builds.forEach(
        (id, build) ->
            assertThat(build.getBuildTriggerMetadata().getCommitHash())
                .as(id)
                .isEqualTo(BuildsServer.commitHashFor(id)));
    List<String> firstChunk = versionIds.subList(0, 20);
    assertThat(server.requestedIds())
        .containsExactly(
            firstChunk,
            firstChunk,
            firstChunk,
            versionIds.subList(20, 40),
            versionIds.subList(40, 45),
            firstChunk);
  }

  @Test
  void errorsSampleHandlesAPermissionError() {
    server.enqueue(
        BuildsServer.json(
            403,
            "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
                + "\"messages\":[],\"result\":null,\"success\":false}"));
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThat(errors(client))
          .startsWith("the token lacks Workers CI Read: GET /client/v4/accounts/");
    }
  }

  @Test
  void asyncSampleCompletes() {
    try (CloudflareBuildsClient client = server.clientBuilder().build()) {
      assertThat(async(client).join()).isEqualTo(45);
    }
  }

  @Test
  void pollingSampleWaitsUntilEveryBuildHasStopped() {
    // Each build is running when first asked about, stopped from then on: one wait of 1 s.
    server.statuses((id, asked) -> asked == 0 ? BuildStatus.RUNNING : BuildStatus.STOPPED);
    assertThat(polling("test-token")).hasSize(45).allMatch(line -> line.endsWith(" null"));
    assertThat(server.requests()).hasSize(3 + 3);
  }

  private List<String> polling(String token) {
    List<String> printed = new ArrayList<>();
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      pollingSample(token);
    } finally {
      System.setOut(original);
    }
    captured.toString(StandardCharsets.UTF_8).lines().forEach(printed::add);
    return printed;
  }

  private void pollingSample(String token) {
    try (CloudflareBuildsClient watcher =
        CloudflareBuildsClient.builder()
            .apiToken(token)
            .baseUrl(baseUrl) // default https://api.cloudflare.com/client/v4/
            .rateLimit(1_000, Duration.ofMinutes(5)) // leave room for the user's other tools
            .cacheTerminalBuilds(50_000) // stopped builds are never fetched again
            .build()) {
      Map<String, Build> done = watcher.awaitBuilds(accountId, versionIds, Duration.ofMinutes(10));
      done.forEach(
          (versionId, build) -> System.out.println(versionId + " " + build.getBuildOutcome()));
    } catch (AwaitTimeoutException e) {
      System.out.println("still running after 10 minutes: " + e.lastSeen().size() + " seen");
    }
  }

  @Test
  void quickStartPrintsABuildWithoutTriggerMetadata() throws Exception {
    // Every Build property is optional: the second build has no build_trigger_metadata at all.
    server.enqueue(
        BuildsServer.json(
            200,
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":{"
                + "\"8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e\":{\"status\":\"stopped\","
                + "\"build_outcome\":\"success\",\"build_trigger_metadata\":"
                + "{\"branch\":\"main\",\"commit_hash\":\"abc123\"}},"
                + "\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\":{\"status\":\"running\"}}}}"));

    // The quick start reads the environment, so it runs in a JVM whose environment names the stub.
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                QuickStart.class.getName())
            .redirectErrorStream(true);
    java.environment().put(EnvironmentVariables.API_TOKEN, "test-token");
    java.environment().put(EnvironmentVariables.ACCOUNT_ID, accountId);
    java.environment().put(EnvironmentVariables.BASE_URL, baseUrl);
    java.environment().remove(EnvironmentVariables.EMAIL);
    java.environment().remove(EnvironmentVariables.API_KEY);
    Process process = java.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output.lines())
        .containsExactly(
            "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e success stopped main@abc123",
            "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e null running");
  }

  /** Runs the quick start in a JVM of its own. */
  static final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
      quickStart();
    }
  }

  @Test
  void threeQuestionsSampleFindsTheLiveCommitAndTheFailingLines() throws IOException {
    String failed = "f8d36d4b-e4cd-423c-951b-267c9cf61f4c";
    String v90 = "8a1c2e4f-6b3d-4c5e-9f70-1a2b3c4d5e6f";
    String tag = "e0cdf9a9729b6249ff3729acd839d320";
    try (ReadServer read = new ReadServer()) {
      read.on(
          "/workers/scripts/checkout-api/deployments",
          r ->
              ReadServer.ok(
                  "{\"deployments\":[{\"versions\":[{\"percentage\":90,\"version_id\":\""
                      + v90
                      + "\"},{\"percentage\":10,"
                      + "\"version_id\":\"0f3e2d1c-5b4a-4978-8e6f-a1b2c3d4e5f6\"}]}]}"));
      read.on(
          "/builds/builds",
          r ->
              ReadServer.ok(
                  "{\"builds\":{\""
                      + v90
                      + "\":"
                      + ReadServer.build(v90, "stopped", "success", "2026-12-04T09:12:01Z")
                      + "}}"));
      read.on("/workers/scripts", r -> ReadServer.ok(ReadServer.scripts("checkout-api", tag)));
      read.on(
          "/builds/builds/latest",
          r ->
              ReadServer.ok(
                  "{\"builds\":{\""
                      + tag
                      + "\":"
                      + ReadServer.build(failed, "stopped", "fail", "2026-12-05T09:12:01Z")
                      + "}}"));
      read.on(
          "/builds/builds/" + failed + "/logs",
          r ->
              ReadServer.ok(
                  ReadServer.logs(
                      null, false, ReadServer.line(1796375523, "npm ERR! Missing script: build"))));
      List<String> printed = new ArrayList<>();
      PrintStream original = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try (CloudflareBuildsClient client = read.clientBuilder().build()) {
        threeQuestions(client);
      } finally {
        System.setOut(original);
      }
      captured.toString(StandardCharsets.UTF_8).lines().forEach(printed::add);

      assertThat(printed)
          .containsExactly(
              "90.0% " + v90 + " c0ffee8a1c2e4f",
              "10.0% 0f3e2d1c-5b4a-4978-8e6f-a1b2c3d4e5f6 no commit known",
              "latest build stopped fail",
              "2026-12-04T09:12:03Z npm ERR! Missing script: build");
    }
  }

  private static void threeQuestions(CloudflareBuildsClient client) {
    // What is live on this Worker, and from which commit?
    LiveDeployment live = client.workers().live("checkout-api");
    for (LiveDeployment.Version version : live.versions()) {
      Build build = version.build(); // null for a version not built by Workers Builds
      BuildTriggerMetadata trigger = build == null ? null : build.getBuildTriggerMetadata();
      System.out.println(
          version.percentage()
              + "% "
              + version.versionId()
              + " "
              + (trigger == null ? "no commit known" : trigger.getCommitHash()));
    }
    // Did its latest build pass? (null: the Worker has never been built)
    Build latest = client.builds().latest(List.of("checkout-api")).builds().get("checkout-api");
    System.out.println(
        "latest build "
            + (latest == null ? "none" : latest.getStatus() + " " + latest.getBuildOutcome()));
    // Why did it fail? Its log lines, read page by page.
    if (latest != null && latest.getBuildOutcome() == BuildOutcome.FAIL) {
      try (Stream<LogLine> lines = client.builds().logs(latest.getBuildUuid().toString())) {
        lines.forEach(line -> System.out.println(line.time() + " " + line.message()));
      }
    }
  }

  static void quickStart() {
    try (CloudflareBuildsClient client = CloudflareBuildsClient.fromEnv()) {
      Map<String, Build> builds =
          client.getBuildsByVersionIds(
              List.of(
                  "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"));
      builds.forEach(
          (versionId, build) -> {
            BuildTriggerMetadata trigger =
                build.getBuildTriggerMetadata(); // any property may be null
            System.out.println(
                versionId
                    + " "
                    + build.getBuildOutcome()
                    + " "
                    + build.getStatus()
                    + (trigger == null
                        ? ""
                        : " " + trigger.getBranch() + "@" + trigger.getCommitHash()));
          });
    }
  }

  private CloudflareBuildsClient configuredClient(String token) {
    CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiToken(token) // or .apiKey(email, globalApiKey)
            .accountId(accountId) // default for the overloads without one
            .baseUrl(baseUrl) // default https://api.cloudflare.com/client/v4/
            .maxRetries(3) // default 2
            .maxConcurrentRequests(8) // default 4
            .timeout(Duration.ofSeconds(30)) // per attempt; default 60 s
            .logLevel(LogLevel.BASIC) // default NONE; credentials always redacted
            .build();
    return client;
  }

  private Map<String, Build> partialResults(CloudflareBuildsClient client) {
    BuildsLookup lookup = client.lookupBuildsByVersionIds(accountId, versionIds);
    Map<String, Build> builds = new LinkedHashMap<>(lookup.builds());
    if (!lookup.isComplete()) {
      // Only the failed requests' IDs are fetched again; the rest are kept.
      builds.putAll(client.getBuildsByVersionIds(accountId, lookup.failedVersionIds()));
    }
    System.out.println("no build for: " + lookup.missingVersionIds());
    return builds;
  }

  private String errors(CloudflareBuildsClient client) {
    String outcome;
    try {
      Map<String, Build> builds = client.getBuildsByVersionIds(accountId, versionIds);
      outcome = builds.size() + " builds";
    } catch (RateLimitException e) {
      outcome = "rate limited; try again in " + e.retryAfter().orElse(Duration.ofMinutes(5));
    } catch (PermissionDeniedException e) {
      outcome = "the token lacks Workers CI Read: " + e.getMessage();
    } catch (CloudflareServiceException e) {
      outcome = "API error " + e.statusCode() + ": " + e.errors();
    } catch (CloudflareIoException e) {
      outcome = "network: " + e.getMessage();
    }
    return outcome;
  }

  private CompletableFuture<Integer> async(CloudflareBuildsClient client) {
    CompletableFuture<Integer> count =
        client
            .async()
            .getBuildsByVersionIds(accountId, versionIds)
            .thenApply(builds -> builds.size());
    return count;
  }

  /**
   * Returns the contents of the README's {@code ```java} blocks, but those using {@code
   * RedisStore}: client-ext cannot depend on cfbuilds-redis, so they are kept in its {@code
   * ReadmeSampleTest}.
   */
  private static List<String> javaSamples(String readme) {
    List<String> samples = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (m.find()) {
      if (!m.group(1).contains("RedisStore")) {
        samples.add(m.group(1));
      }
    }
    return samples;
  }

  /** Drops all whitespace, so the README may wrap lines differently from google-java-format. */
  private static String normalize(String text) {
    return text.replaceAll("\\s+", "");
  }
}
