package dev.cfbuilds.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a {@code WORKER} argument before any request, by one documented rule:
 *
 * <ul>
 *   <li>exactly 32 hex digits (either case) is a tag;
 *   <li>anything else that starts with {@value #TAG_LIKE_DIGITS} or more hex digits is a mistyped
 *       tag (31 or 33 digits, or a tag with something after it) and is refused;
 *   <li>anything else is a name, and must be one the Workers API accepts: lower-case letters,
 *       digits, {@code -} and {@code _}, not starting with {@code -}, at most {@value
 *       #MAX_NAME_LENGTH} characters.
 * </ul>
 */
final class WorkerArgument {
  /** How many leading hex digits make an argument a tag rather than a name. */
  static final int TAG_LIKE_DIGITS = 24;

  /** The longest name the command accepts. */
  static final int MAX_NAME_LENGTH = 255;

  private static final Pattern TAG = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern TAG_LIKE =
      Pattern.compile("[0-9a-fA-F]{" + TAG_LIKE_DIGITS + ",}.*");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]*");

  private WorkerArgument() {}

  /**
   * Returns {@code worker} checked: a tag in lower case, or a name as given.
   *
   * @param argument the argument as the user knows it, such as {@code --worker}, for messages
   * @throws UsageException if it is neither a tag nor a valid name
   */
  static String check(String worker, String argument) {
    if (TAG.matcher(worker).matches()) {
      return worker.toLowerCase(Locale.ROOT);
    }
    String shown = "\"" + VersionIdInput.printable(worker) + "\"";
    if (TAG_LIKE.matcher(worker).matches()) {
      throw new UsageException(
          argument
              + " "
              + shown
              + " looks like a Worker tag but is not one: a tag is exactly 32 hex digits");
    }
    if (worker.isEmpty()) {
      throw new UsageException(argument + " is empty: give a Worker name or tag");
    }
    if (worker.length() > MAX_NAME_LENGTH || !NAME.matcher(worker).matches()) {
      throw new UsageException(
          argument
              + " "
              + shown
              + " is not a Worker name (lower-case letters, digits, - and _, not starting with -,"
              + " at most "
              + MAX_NAME_LENGTH
              + " characters) nor a tag (32 hex digits)");
    }
    return worker;
  }
}
