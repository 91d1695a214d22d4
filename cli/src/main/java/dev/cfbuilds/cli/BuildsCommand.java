package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.errors.AwaitTimeoutException;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfbuilds builds}: looks up the build of each version ID and prints them.
 *
 * <p>Builds go to standard output in the chosen format; versions without a build, progress and
 * errors go to standard error, so that standard output stays clean for pipes.
 */
@Command(
    name = "builds",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Show which build produced each Worker version.",
      "",
      "Version IDs come from arguments, --from-file or standard input (-), one per line or "
          + "comma-separated, any number: they are sent "
          + CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST
          + " to a request. Versions without a build "
          + "are named on standard error."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":ok",
      ExitCodes.API_ERROR + ":API or network error",
      ExitCodes.USAGE + ":usage error or bad version ID",
      ExitCodes.MISSING + ":a version had no build and --fail-on-missing was given",
      ExitCodes.BUILD_FAILED + ":with --wait: some build ended other than success",
      ExitCodes.WAIT_TIMED_OUT + ":with --wait: the wait timed out"
    })
final class BuildsCommand implements Callable<Integer> {
  /** How many version IDs {@code --demo} makes up when given none: three requests' worth. */
  static final int DEMO_VERSION_COUNT = 45;

  private static final String STDIN = "-";

  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "VERSION_ID",
      arity = "0..*",
      description =
          "Version IDs (UUIDs), comma-separated or one per argument; - reads standard input.")
  private List<String> arguments = new ArrayList<>();

  @Option(
      names = "--from-file",
      paramLabel = "FILE",
      description =
          "Read version IDs from FILE (- for standard input), one per line or comma-separated.")
  private List<String> files = new ArrayList<>();

  @Mixin private ApiAccess apiAccess;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table, json or csv. Default: table when standard output is a terminal, "
              + "json otherwise (the API's builds object, keyed by version ID).")
  private OutputFormat format;

  @Option(names = "--fail-on-missing", description = "Exit with 3 when any version has no build.")
  private boolean failOnMissing;

  @Option(
      names = "--max-retries",
      paramLabel = "N",
      description =
          "Retry a request that failed with 408, 409, 429, 5xx or a network error up to N "
              + "times. Default: 2.")
  private Integer maxRetries;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description =
          "Wait up to DURATION (such as 90s, 10m, 1h) until every build has stopped, then print "
              + "them. Exit 4 if any ended other than success, 5 if the wait timed out.",
      converter = DurationConverter.class)
  private Duration wait;

  @Option(
      names = "--demo",
      description =
          "Ask an embedded stub of the Cloudflare API on 127.0.0.1, with a dummy token, "
              + "instead of Cloudflare. With no version IDs, make up "
              + DEMO_VERSION_COUNT
              + ".")
  private boolean demo;

  BuildsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (maxRetries != null && maxRetries < 0) {
      throw new UsageException("--max-retries must be 0 or more, not " + maxRetries);
    }
    List<String> versionIds = readVersionIds();
    if (demo) {
      return runDemo(versionIds, wait);
    }
    if (versionIds.isEmpty()) {
      throw new UsageException(
          "no version IDs: give them as arguments, with --from-file FILE, "
              + "or on standard input with -");
    }
    return lookUp(
        versionIds, apiAccess.accountId(context.env()), apiAccess.environment(context.env()), wait);
  }

  private int runDemo(List<String> givenIds, Duration wait) {
    PrintWriter err = spec.commandLine().getErr();
    List<String> versionIds =
        givenIds.isEmpty() ? DemoBuilds.madeUpVersionIds(DEMO_VERSION_COUNT) : givenIds;
    try (DemoApi api = DemoApi.start(wait != null)) {
      err.println(
          "demo: asking a stub of the Cloudflare API at "
              + api.baseUrl()
              + " (dummy token) about "
              + versionIds.size()
              + (givenIds.isEmpty() ? " made-up" : "")
              + (versionIds.size() == 1 ? " version ID" : " version IDs")
              + (wait != null ? "; its builds stop within a few seconds" : ""));
      Map<String, String> env = api.environment();
      return lookUp(versionIds, apiAccess.accountIdOr(DemoApi.ACCOUNT_ID), env, wait);
    } catch (IOException e) {
      err.println("cfbuilds: cannot start the demo API: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }

  private int lookUp(
      List<String> versionIds, String account, Map<String, String> env, Duration wait) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(err);
    Map<String, Build> builds;
    String timedOut = null;
    try {
      var builder = CloudflareBuildsClient.builder().fromEnv(env);
      if (maxRetries != null) {
        builder.maxRetries(maxRetries);
      }
      if (context.stderrIsTerminal()) {
        builder.progressListener(wait == null ? progress::onProgress : awaitProgress(progress));
      }
      try (RedisStore shared = apiAccess.share(builder, context.env());
          CloudflareBuildsClient client = builder.build()) {
        if (wait == null) {
          builds = client.getBuildsByVersionIds(account, versionIds);
        } else {
          builds = client.awaitBuilds(account, versionIds, wait);
        }
      } catch (AwaitTimeoutException e) {
        builds = e.lastSeen();
        timedOut = e.getMessage();
      }
      progress.end();
    } catch (IllegalArgumentException e) {
      progress.end();
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (CloudflareException e) {
      progress.end();
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }

    OutputFormat chosen =
        format != null
            ? format
            : context.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.JSON;
    Map<String, Build> found = builds;
    chosen.write(found, out);
    out.flush();

    List<String> missing = versionIds.stream().filter(id -> !found.containsKey(id)).toList();
    for (String id : missing) {
      err.println("no build for version " + id);
    }
    if (!missing.isEmpty()) {
      err.println("no build for " + missing.size() + " of " + versionIds.size() + " versions");
    }
    if (timedOut != null) {
      err.println("cfbuilds: " + timedOut);
      return ExitCodes.WAIT_TIMED_OUT;
    }
    if (wait != null) {
      long failed =
          builds.values().stream().filter(b -> b.getBuildOutcome() != BuildOutcome.SUCCESS).count();
      if (failed > 0) {
        err.println(
            "cfbuilds: " + failed + " of " + builds.size() + " builds ended other than success");
        return ExitCodes.BUILD_FAILED;
      }
    }
    return failOnMissing && !missing.isEmpty() ? ExitCodes.MISSING : ExitCodes.OK;
  }

  /** Returns a listener that shows each poll of a wait, not each request of a poll. */
  private static ProgressListener awaitProgress(ProgressLine progress) {
    return new ProgressListener() {
      @Override
      public void onRequestDone(int done, int total) {}

      @Override
      public void onAwaitPoll(int pending, int total) {
        progress.onAwaitPoll(pending, total);
      }
    };
  }

  private List<String> readVersionIds() {
    VersionIdInput ids = new VersionIdInput();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals(STDIN)) {
        ids.addText(readStdin(), "standard input");
      } else {
        ids.addLine(argument, "argument " + (i + 1));
      }
    }
    for (String file : files) {
      if (file.equals(STDIN)) {
        ids.addText(readStdin(), "standard input");
      } else {
        ids.addText(readFile(Path.of(file)), file);
      }
    }
    return ids.distinct();
  }

  private String readStdin() {
    return new String(context.readStdin(), StandardCharsets.UTF_8);
  }

  private static String readFile(Path file) {
    return ApiAccess.readFile(file);
  }
}
