package dev.cfbuilds.client;

import dev.cfbuilds.generated.model.LogLineItem;
import dev.cfbuilds.model.runtime.JsonField;
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
   * Returns the line the API sent as {@code line}, the generated pair ({@code null} for a line that
   * was {@code null} or not an array); the one place a generated log line becomes a {@code
   * LogLine}.
   */
  static LogLine of(dev.cfbuilds.generated.model.LogLine line) {
    return of(items(line));
  }

  /** Returns the items of {@code line} as sent, in order: its two positions, then any more. */
  private static List<LogLineItem> items(dev.cfbuilds.generated.model.LogLine line) {
    List<LogLineItem> items = new ArrayList<>();
    if (line == null) {
      return items;
    }
    for (JsonField<?> position : List.of(line._timestamp(), line._message())) {
      if (position.isAbsent()) {
        return items;
      }
      items.add(item(position));
    }
    line._additionalProperties().values().forEach(sent -> items.add(item(sent, null)));
    return items;
  }

  /** Returns one position as sent: its raw JSON if it kept any, else its typed value. */
  private static LogLineItem item(JsonField<?> position) {
    return item(position.rawJson().orElse(null), position.known().orElse(null));
  }

  /**
   * Returns the item the API sent as {@code sent} (raw JSON, or null if none was kept) and read as
   * {@code known}: a number sent as text stays text; a number stays exact.
   */
  private static LogLineItem item(Object sent, Object known) {
    if (sent instanceof String text) {
      return LogLineItem.ofString(text);
    }
    if (known instanceof BigDecimal number) {
      return LogLineItem.ofBigDecimal(number);
    }
    if (known instanceof String text) {
      return LogLineItem.ofString(text);
    }
    if (sent instanceof Double number) {
      double value = number;
      // A whole number reads back without the ".0" Double.toString would give it.
      return LogLineItem.ofBigDecimal(
          value == Math.rint(value) && Math.abs(value) < 1e15
              ? BigDecimal.valueOf((long) value)
              : BigDecimal.valueOf(value));
    }
    if (sent instanceof BigDecimal number) {
      return LogLineItem.ofBigDecimal(number);
    }
    return null;
  }

  /** Returns the line whose items, as sent, are {@code items}. */
  private static LogLine of(List<LogLineItem> items) {
    List<LogLineItem> raw = Collections.unmodifiableList(items);
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
