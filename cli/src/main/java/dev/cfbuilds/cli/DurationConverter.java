package dev.cfbuilds.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the duration {@code --wait} takes: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1m30s}. */
final class WaitDurations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:h|m|s))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(h|m|s)");

  private WaitDurations() {}

  /**
   * Returns the duration {@code text} states.
   *
   * @throws UsageException naming the option and an example if {@code text} is not one
   */
  static Duration parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new UsageException(
          "--wait takes a duration such as 90s, 10m, 1h or 1m30s, not \"" + text + "\"");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      switch (part.group(2)) {
        case "h":
          total = total.plusHours(amount);
          break;
        case "m":
          total = total.plusMinutes(amount);
          break;
        default:
          total = total.plusSeconds(amount);
      }
    }
    return total;
  }
}
