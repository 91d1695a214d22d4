package dev.cfbuilds.cli;

import dev.cfbuilds.generated.model.Build;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cfbuilds list WORKER [--limit N]}: a Worker's builds, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "List a Worker's builds, newest first.",
      "",
      "WORKER is a name or a tag (exactly 32 hex digits), as for status."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":ok",
      ExitCodes.API_ERROR + ":API or network error",
      ExitCodes.USAGE + ":usage error, bad WORKER or --limit; nothing was sent",
      ExitCodes.MISSING + ":no Worker has that name"
    })
final class ListCommand implements Callable<Integer> {
  /** How many builds {@code list} shows without {@code --limit}. */
  static final int DEFAULT_LIMIT = 20;

  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKER", description = "A Worker name or tag.")
  private String worker;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Show the newest N builds, at least 1. Default: " + DEFAULT_LIMIT + ".")
  private int limit = DEFAULT_LIMIT;

  @Mixin private ReadOptions options;

  ListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String checked = WorkerArgument.check(worker, "WORKER");
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, not " + limit);
    }
    OutputFormat format = options.format(context);
    return options.run(
        spec,
        context,
        null,
        (client, account) -> {
          print(client.builds(account).list(checked, limit), format, spec.commandLine().getOut());
          return ExitCodes.OK;
        });
  }

  private static void print(List<Build> builds, OutputFormat format, PrintWriter out) {
    switch (format) {
      case TABLE -> {
        Instant now = Instant.now();
        List<List<String>> rows = new ArrayList<>();
        rows.add(
            List.of(
                "BUILD",
                "STATUS",
                "OUTCOME",
                "BRANCH@COMMIT",
                "AUTHOR",
                "CREATED",
                "AGE",
                "DURATION"));
        for (Build build : builds) {
          rows.add(
              List.of(
                  or(BuildCells.uuid(build)),
                  or(BuildCells.status(build)),
                  or(BuildCells.outcome(build)),
                  or(BuildCells.branchAtCommit(build)),
                  or(BuildCells.author(build)),
                  or(BuildCells.createdOnUtc(build)),
                  or(BuildCells.age(build, now)),
                  or(BuildCells.durationText(build))));
        }
        TextTable.print(rows, out, "");
      }
      case CSV -> {
        out.println(
            "build_uuid,status,build_outcome,branch,commit_hash,author,created_on,"
                + "duration_seconds");
        for (Build build : builds) {
          out.println(
              OutputFormat.csvRow(
                  BuildCells.uuid(build),
                  BuildCells.status(build),
                  BuildCells.outcome(build),
                  BuildCells.branch(build),
                  BuildCells.commit(build),
                  BuildCells.author(build),
                  BuildCells.createdOn(build),
                  BuildCells.durationSeconds(build)));
        }
      }
      case JSON -> out.println(StatusOutput.JSON.toJson(builds));
    }
    out.flush();
  }

  private static String or(String value) {
    return value == null ? "-" : value;
  }
}
