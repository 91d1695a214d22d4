package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What one in-process run of the command printed and returned, with line ends as {@code \n}.
 *
 * @param exitCode what {@link Main#run} returned
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int exitCode, String out, String err) {
  /**
   * Runs the command with {@code args}, the environment {@code env} and {@code stdin} as standard
   * input; {@code terminal} says whether standard output and error are a terminal. Fails if the run
   * printed {@link ApiFixture#TOKEN}.
   */
  static CliRun run(Map<String, String> env, String stdin, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Main.run(
            args,
            new CliContext(
                env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                terminal,
                terminal),
            new PrintWriter(out),
            new PrintWriter(err));
    CliRun result = new CliRun(exitCode, unixLines(out), unixLines(err));
    assertThat(result.out() + result.err()).doesNotContain(ApiFixture.TOKEN);
    return result;
  }

  /** Runs the command with {@code args}, an empty environment and standard input, no terminal. */
  static CliRun run(String... args) {
    return run(Map.of(), "", false, args);
  }

  /**
   * Asserts that the run failed with a usage error: exit code 2, and {@code message} after {@code
   * "cfbuilds: "} as all it printed on standard error.
   */
  void assertUsageError(String message) {
    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err).isEqualTo("cfbuilds: " + message + "\n");
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  private static String unixLines(StringWriter text) {
    return text.toString().replace(System.lineSeparator(), "\n");
  }
}
