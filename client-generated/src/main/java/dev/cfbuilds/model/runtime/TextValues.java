package dev.cfbuilds.model.runtime;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * Parses and formats the text of {@code date-time} and {@code uri} properties, which the generated
 * models keep as text (see {@link StoredAsText}).
 */
public final class TextValues {
  private TextValues() {}

  /** Returns {@code text} as an {@link OffsetDateTime}, or null if it is null or not RFC 3339. */
  public static OffsetDateTime dateTime(String text) {
    return text == null ? null : ScalarAdapters.parseDateTime(text);
  }

  /** Returns {@code value} as RFC 3339 text, or null if it is null. */
  public static String text(OffsetDateTime value) {
    return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /** Returns {@code text} as a {@link URI}, or null if it is null or not a URI. */
  public static URI uri(String text) {
    return text == null ? null : ScalarAdapters.parseUri(text);
  }

  /** Returns {@code value} as text, or null if it is null. */
  public static String text(URI value) {
    return value == null ? null : value.toString();
  }

  /** Returns the check of valid text of {@code format} ({@code date-time} or {@code uri}). */
  static Predicate<String> validator(String format) {
    switch (format) {
      case "date-time":
        return ScalarAdapters::isDateTime;
      case "uri":
        return text -> ScalarAdapters.parseUri(text) != null;
      default:
        throw new IllegalArgumentException("no text format " + format);
    }
  }
}
