package dev.cfbuilds.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: a number of seconds, or an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns the wait {@code value} asks for, never negative, or {@code null} if there is no header
   * or it is neither form.
   */
  static Duration parse(String value, Clock clock) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException tooLarge) {
        return Duration.ofSeconds(Long.MAX_VALUE);
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
