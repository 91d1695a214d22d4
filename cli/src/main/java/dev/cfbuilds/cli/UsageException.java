package dev.cfbuilds.cli;

import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;

/** Signals input the command cannot work with (a bad ID, an unreadable file): exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  /**
   * Runs a command's {@code body} and returns its exit code; a {@code UsageException} it throws is
   * printed to the command's standard error and gives {@link ExitCodes#USAGE}.
   */
  static int reported(CommandSpec spec, IntSupplier body) {
    try {
      return body.getAsInt();
    } catch (UsageException e) {
      spec.commandLine().getErr().println("cfbuilds: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }
}
