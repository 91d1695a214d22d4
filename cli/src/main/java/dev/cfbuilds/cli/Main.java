package dev.cfbuilds.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code cfbuilds} command line: {@code java -jar cfbuilds.jar builds [VERSION_ID…]},
 * {@code … status [WORKER…]}, {@code … logs BUILD_UUID --follow}, {@code … list WORKER}, {@code …
 * drift --official FILE}.
 *
 * <p>Exit codes ({@link ExitCodes}): {@code 0} ok; {@code 1} API or network error; {@code 2} usage
 * error or bad argument, nothing sent; {@code 3} what was asked for does not exist (a Worker, a
 * build, a version's build; or, with {@code --fail-on-missing}, a version had no build); {@code 4}
 * a build waited for or followed ended other than success; {@code 5} the wait timed out; {@code 6}
 * {@code drift} found a difference.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command with the process's environment, streams and console, and exits with its code.
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, CliContext.system(), out, err));
  }

  /** Runs the command and returns its exit code; output goes to {@code out} and {@code err}. */
  static int run(String[] args, CliContext context, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(new CfbuildsCommand())
            .addSubcommand(new BuildsCommand(context))
            .addSubcommand(new DriftCommand(context))
            .addSubcommand(new StatusCommand(context))
            .addSubcommand(new LogsCommand(context))
            .addSubcommand(new ListCommand(context))
            .addSubcommand(new TriggerCommand(context))
            .addSubcommand(new CancelCommand(context))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(UsageException::report)
            .setOut(out)
            .setErr(err);
    commandLine.setParameterExceptionHandler(
        UsageException.reportingBadValues(commandLine.getParameterExceptionHandler()));
    commandLine.setHelpSectionKeys(exitCodesLast(commandLine.getHelpSectionKeys()));
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Returns {@code keys} with the exit-code list moved after the footer, where help ends. */
  private static List<String> exitCodesLast(List<String> keys) {
    List<String> reordered = new ArrayList<>(keys);
    reordered.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
    reordered.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
    reordered.add(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
    reordered.add(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
    return reordered;
  }
}
