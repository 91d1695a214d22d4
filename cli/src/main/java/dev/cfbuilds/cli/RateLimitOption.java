package dev.cfbuilds.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --rate-limit}: at most {@code requests} in any window of {@code per}, read
 * from {@code N/DURATION} such as {@code 1000/5m}, {@code 10/2s} or {@code 50/1h}.
 */
record RateLimitOption(int requests, Duration per) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})(ms|s|m|h)");

  /** Reads {@code N/DURATION} for picocli, which reports a failure naming the option (exit 2). */
  static final class Converter implements ITypeConverter<RateLimitOption> {
    @Override
    public RateLimitOption convert(String text) {
      Matcher m = FORM.matcher(text);
      if (!m.matches()) {
        throw new TypeConversionException(
            "takes N/DURATION, such as 1000/5m, 10/2s or 50/1h, not '" + text + "'");
      }
      int requests = Integer.parseInt(m.group(1));
      long amount = Long.parseLong(m.group(2));
      Duration per =
          switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
      if (requests < 1 || per.isZero()) {
        throw new TypeConversionException(
            "takes a positive number of requests and a positive duration, not '" + text + "'");
      }
      return new RateLimitOption(requests, per);
    }
  }
}
