package dev.cfbuilds.cli;

/**
 * Lists every exit code the command line can return, in one place.
 *
 * <p>Each subcommand's {@code exitCodeList} and the README's exit-code table list the ones it can
 * return.
 */
final class ExitCodes {
  /** Every build was found (or {@code --fail-on-missing} was not given). */
  static final int OK = 0;

  /** The API answered with an error, or the network failed. */
  static final int API_ERROR = 1;

  /**
   * The command line, a version ID, a Worker, a build UUID or an input file was unusable; nothing
   * was sent.
   */
  static final int USAGE = 2;

  /**
   * What was asked for does not exist: a Worker name or tag, a build UUID, a version without a
   * build ({@code logs --version}, or {@code builds --fail-on-missing}), a Worker never built
   * ({@code logs --worker}).
   */
  static final int MISSING = 3;

  /**
   * With {@code builds --wait}: every build stopped, and some ended other than {@code success};
   * with {@code logs --follow}: the build ended other than {@code success}.
   */
  static final int BUILD_FAILED = 4;

  /** With {@code --wait}: the wait timed out before every build stopped. */
  static final int WAIT_TIMED_OUT = 5;

  /** {@code drift} found a difference between our spec and what Cloudflare publishes or sends. */
  static final int DRIFT_FOUND = 6;

  private ExitCodes() {}
}
