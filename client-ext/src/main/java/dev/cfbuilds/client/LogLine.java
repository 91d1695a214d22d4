package dev.cfbuilds.client;

import dev.cfbuilds.generated.model.LogLineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a build's log: when it was written and what it says.
 *
 * <p>The API sends a line as a pair {@code [time, message]}. The unit of the time is not
 * documented, so {@link #timestamp()} holds the number as sent and {@link #time()} reads it by one
 * rule: a value of at least {@value #MILLIS_FROM} (which as seconds would be past the year 5138) is
 * in milliseconds, anything smaller in seconds; fractions are kept to the millisecond.
 *
 * <p>A line of another shape (not two items, or not a number then a string) is kept rather than
 * dropped: {@link #wellFormed()} is false, the readable parts are filled in where they are, and
 * {@link #raw()} holds the items as sent.
 *
 * @param timestamp the line's time as the API sent it, or null if it sent none
 * @param time {@code timestamp} as an instant by the rule above, or null
 * @param message the line's text, or null if it sent none
 * @param wellFormed whether the line was a number then a string, as documented
 * @param raw the items as the API sent them (a null item stays null)
 */
public record LogLine(
    BigDecimal timestamp, Instant time, String message, boolean wellFormed, List<LogLineItem> raw) {
  /** The smallest timestamp read as milliseconds; smaller ones are seconds. */
  public static final long MILLIS_FROM = 100_000_000_000L;

  /** Returns {@code message}, or the raw items for a line of another shape. */
  @Override
  public String toString() {
    return wellFormed ? message : "<log line of unexpected shape: " + raw + ">";
  }

  /**
   * Returns the line the API sent as {@code items}; the one place a generated log line becomes a
   * {@code LogLine}.
   */
  static LogLine of(List<LogLineItem> items) {
    List<LogLineItem> raw =
        items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    BigDecimal timestamp = null;
    String message = null;
    for (LogLineItem item : raw) {
      if (item == null) {
        continue;
      }
      if (timestamp == null && item.getBigDecimal() != null) {
        timestamp = item.getBigDecimal();
      } else if (message == null && item.getString() != null) {
        message = item.getString();
      }
    }
    boolean wellFormed =
        raw.size() == 2
            && raw.get(0) != null
            && raw.get(0).getBigDecimal() != null
            && raw.get(1) != null
            && raw.get(1).getString() != null;
    return new LogLine(timestamp, toInstant(timestamp), message, wellFormed, raw);
  }

  /** Reads {@code timestamp} as milliseconds from {@value #MILLIS_FROM} on, else as seconds. */
  static Instant toInstant(BigDecimal timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      BigDecimal millis =
          timestamp.abs().compareTo(BigDecimal.valueOf(MILLIS_FROM)) >= 0
              ? timestamp
              : timestamp.movePointRight(3);
      return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }
}
