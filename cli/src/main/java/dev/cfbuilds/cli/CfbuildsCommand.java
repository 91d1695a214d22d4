package dev.cfbuilds.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code cfbuilds} command; its work is in subcommands such as {@code builds}. */
@Command(
    name = "cfbuilds",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Ask Cloudflare's Workers Builds API which build produced each Worker version.",
    synopsisSubcommandLabel = "COMMAND")
final class CfbuildsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Prints the usage to standard error: a command is required. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("cfbuilds: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
