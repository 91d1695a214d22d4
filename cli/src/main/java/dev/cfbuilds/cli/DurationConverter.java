package dev.cfbuilds.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads the duration {@code --wait} takes: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1m30s}.
 * Picocli calls it while parsing, before the command runs.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:h|m|s))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(h|m|s)");

  /**
   * Returns the duration {@code text} states.
   *
   * @throws UsageException.BadValue naming the option and an example if {@code text} is not one
   */
  @Override
  public Duration convert(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new UsageException.BadValue(
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
