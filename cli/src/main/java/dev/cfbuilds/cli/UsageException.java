package dev.cfbuilds.cli;

/** Signals input the command cannot work with (a bad ID, an unreadable file): exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
