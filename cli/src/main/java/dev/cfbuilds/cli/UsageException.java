package dev.cfbuilds.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/** Signals input the command cannot work with (a bad ID, an unreadable file): exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  /**
   * Prints a {@code UsageException} that a command threw to the command's standard error and
   * returns {@link ExitCodes#USAGE}; rethrows any other exception, which picocli then prints with
   * its stack trace and returns {@code 1} for, as it does without this handler.
   *
   * <p>{@link Main} sets it as the execution exception handler of every command.
   */
  static int report(Exception e, CommandLine commandLine, ParseResult parsed) throws Exception {
    if (!(e instanceof UsageException)) {
      throw e;
    }
    commandLine.getErr().println("cfbuilds: " + e.getMessage());
    return ExitCodes.USAGE;
  }

  /**
   * Prints an option value a converter refused with {@link BadValue} as a {@code UsageException} is
   * printed, and returns {@link ExitCodes#USAGE}; hands every other parse error to {@code
   * fallback}, picocli's own handler.
   */
  static IParameterExceptionHandler reportingBadValues(IParameterExceptionHandler fallback) {
    return (e, args) -> {
      if (!(e.getCause() instanceof BadValue)) {
        return fallback.handleParseException(e, args);
      }
      e.getCommandLine().getErr().println("cfbuilds: " + e.getCause().getMessage());
      return ExitCodes.USAGE;
    };
  }

  /** An option value a converter refused; its message is the whole of what the user sees. */
  static final class BadValue extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }
}
