package dev.cfbuilds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * What the command reads from the process besides its arguments: the environment, standard input,
 * and whether standard output and standard error are terminals. Tests pass their own.
 *
 * @param env the environment variables, as {@link System#getenv()} gives them
 * @param stdin standard input, read only when {@code -} asks for it
 * @param stdoutIsTerminal whether to default to the table format
 * @param stderrIsTerminal whether to show progress
 */
record CliContext(
    Map<String, String> env,
    InputStream stdin,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal) {

  /**
   * Returns the real process's context. Java cannot ask whether each stream is a terminal, only
   * whether the JVM has a console ({@code System.console() != null}: standard input and output are
   * both terminals); that answer stands in for both.
   */
  static CliContext system() {
    boolean terminal = System.console() != null;
    return new CliContext(System.getenv(), System.in, terminal, terminal);
  }

  /**
   * Returns all of standard input.
   *
   * @throws UsageException if it cannot be read
   */
  byte[] readStdin() {
    try {
      return stdin.readAllBytes();
    } catch (IOException e) {
      throw new UsageException("cannot read standard input: " + e.getMessage());
    }
  }
}
