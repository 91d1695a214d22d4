package dev.cfbuilds.cli;

import dev.cfbuilds.client.BuildsResource;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.LatestBuilds;
import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfbuilds logs (BUILD_UUID | --version VERSION_ID | --worker WORKER) [--follow]}: prints a
 * build's log, each line once and in order; with {@code --follow}, as it is written, until the
 * build stops.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Print a build's log: each line's time (ISO-8601, UTC) and message; with --format json, "
          + "one JSON object per line (NDJSON).",
      "",
      "Give the build by its UUID, by the Worker version it produced (--version), or as a "
          + "Worker's latest build (--worker). With --follow, print lines as they are written "
          + "until the build stops, then exit 0 if it succeeded and 4 otherwise; on a terminal, "
          + "the build's status shows on standard error meanwhile."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":ok (with --follow: the build succeeded)",
      ExitCodes.API_ERROR + ":API or network error",
      ExitCodes.USAGE + ":usage error or bad argument; nothing was sent",
      ExitCodes.MISSING + ":no such build, version without a build, or no such Worker",
      ExitCodes.BUILD_FAILED + ":with --follow: the build ended other than success"
    })
final class LogsCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "BUILD_UUID",
      arity = "0..1",
      description = "The build's UUID (8-4-4-4-12 hex digits).")
  private String buildUuid;

  @Option(
      names = "--version",
      paramLabel = "VERSION_ID",
      description = "The build that produced this Worker version.")
  private String versionId;

  @Option(
      names = "--worker",
      paramLabel = "WORKER",
      description = "The latest build of this Worker (a name, or a tag of 32 hex digits).")
  private String worker;

  @Option(
      names = {"-f", "--follow"},
      description = "Print lines as they are written until the build stops.")
  private boolean follow;

  @Mixin private ReadOptions options;

  LogsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> given = new ArrayList<>();
    if (buildUuid != null) {
      given.add("BUILD_UUID");
    }
    if (versionId != null) {
      given.add("--version");
    }
    if (worker != null) {
      given.add("--worker");
    }
    if (given.isEmpty()) {
      throw new UsageException("logs needs a build: give BUILD_UUID, --version or --worker");
    }
    if (given.size() > 1) {
      throw new UsageException(
          String.join(" and ", given)
              + " were both given: give only one of BUILD_UUID, --version"
              + " and --worker");
    }
    if (buildUuid != null && !CanonicalUuid.matches(buildUuid)) {
      throw new UsageException(
          "BUILD_UUID is not a UUID (8-4-4-4-12 hex digits): \""
              + VersionIdInput.printable(buildUuid)
              + "\"");
    }
    if (versionId != null && !CanonicalUuid.matches(versionId)) {
      throw new UsageException(
          "--version is not a version ID (a UUID, 8-4-4-4-12 hex digits): \""
              + VersionIdInput.printable(versionId)
              + "\"");
    }
    String checkedWorker = worker == null ? null : WorkerArgument.check(worker, "--worker");
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = follow && context.stderrIsTerminal() ? new ProgressLine(err) : null;
    ProgressListener listener = progress == null ? null : statusListener(progress);
    LogLinePrinter printer =
        new LogLinePrinter(spec.commandLine().getOut(), options.format(context));
    return options.run(
        spec,
        context,
        listener,
        (client, account) -> {
          String uuid = findBuild(client, account, checkedWorker);
          if (uuid == null) {
            return ExitCodes.MISSING;
          }
          return follow
              ? follow(client, account, uuid, printer, progress)
              : print(client, account, uuid, printer);
        });
  }

  /** Returns the UUID of the build asked for, or null after saying on standard error why none. */
  private String findBuild(CloudflareBuildsClient client, String account, String checkedWorker) {
    PrintWriter err = spec.commandLine().getErr();
    if (buildUuid != null) {
      return buildUuid.toLowerCase(Locale.ROOT);
    }
    if (versionId != null) {
      String id = versionId.toLowerCase(Locale.ROOT);
      Map<String, Build> builds = client.getBuildsByVersionIds(account, List.of(id));
      Build build = builds.get(id);
      if (build == null || build.getBuildUuid() == null) {
        err.println(
            "cfbuilds: no build for version " + id + " (it was not built by Workers Builds)");
        return null;
      }
      return build.getBuildUuid().toString();
    }
    LatestBuilds latest = client.builds(account).latest(List.of(checkedWorker));
    Build build = latest.builds().get(checkedWorker);
    if (build == null || build.getBuildUuid() == null) {
      err.println("cfbuilds: Worker \"" + checkedWorker + "\" has no builds");
      return null;
    }
    return build.getBuildUuid().toString();
  }

  private int print(
      CloudflareBuildsClient client, String account, String uuid, LogLinePrinter printer) {
    try (Stream<LogLine> lines = client.builds(account).logs(uuid)) {
      lines.forEach(printer::print);
    } catch (NotFoundException e) {
      return noSuchBuild(uuid);
    }
    return ExitCodes.OK;
  }

  private int follow(
      CloudflareBuildsClient client,
      String account,
      String uuid,
      LogLinePrinter printer,
      ProgressLine progress) {
    BuildsResource builds = client.builds(account);
    Build last;
    Thread clearOnExit = null;
    if (progress != null) {
      progress.showStatus("build " + StatusOutput.shortId(uuid) + ": following its log");
      // Ctrl-C ends the JVM with 130; leave the terminal without a half-drawn status line.
      clearOnExit = new Thread(progress::close, "cfbuilds-clear-status");
      Runtime.getRuntime().addShutdownHook(clearOnExit);
    }
    try {
      last =
          builds.followLogs(
              uuid,
              line -> {
                if (progress == null) {
                  printer.print(line);
                  return;
                }
                progress.beforeOutput();
                printer.print(line);
                progress.afterOutput();
              });
    } catch (NotFoundException e) {
      last = null;
    } finally {
      // Erased before any message, so that the message does not follow the status on its line.
      if (progress != null) {
        progress.close();
        removeHook(clearOnExit);
      }
    }
    if (last == null) {
      return noSuchBuild(uuid);
    }
    if (last.getBuildOutcome() == BuildOutcome.SUCCESS) {
      return ExitCodes.OK;
    }
    spec.commandLine()
        .getErr()
        .println(
            "cfbuilds: build "
                + uuid
                + " ended with outcome "
                + (BuildCells.outcome(last) == null ? "unknown" : BuildCells.outcome(last)));
    return ExitCodes.BUILD_FAILED;
  }

  private int noSuchBuild(String uuid) {
    spec.commandLine().getErr().println("cfbuilds: no build " + uuid + " in the account");
    return ExitCodes.MISSING;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook runs, which is what it is for.
    }
  }

  /** Returns a listener that shows each status {@code followLogs} reads. */
  private static ProgressListener statusListener(ProgressLine progress) {
    return new ProgressListener() {
      @Override
      public void onRequestDone(int done, int total) {}

      @Override
      public void onFollowPoll(Build build) {
        String status = BuildCells.status(build);
        progress.showStatus(
            "build "
                + StatusOutput.shortId(BuildCells.uuid(build))
                + ": "
                + (status == null ? "status unknown" : status));
      }
    };
  }
}
