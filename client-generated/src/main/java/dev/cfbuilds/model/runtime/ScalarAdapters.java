package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Moshi adapters for the string formats the spec uses: {@code date-time}, {@code uuid}, {@code
 * uri}.
 */
final class ScalarAdapters {
  static final JsonAdapter.Factory OFFSET_DATE_TIME =
      factory(
          OffsetDateTime.class,
          "an RFC 3339 date-time",
          ScalarAdapters::parseDateTime,
          DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
  static final JsonAdapter.Factory UUID =
      factory(UUID.class, "a UUID", ScalarAdapters::parseUuid, java.util.UUID::toString);
  static final JsonAdapter.Factory URI =
      factory(URI.class, "a URI", ScalarAdapters::parseUri, java.net.URI::toString);

  /** What {@link #offsetSeconds} returns for text that is not an offset. */
  private static final int NO_OFFSET = Integer.MIN_VALUE;

  private ScalarAdapters() {}

  static OffsetDateTime parseDateTime(String text) {
    if (isCommonDateTime(text)) {
      int fractionEnd = fractionEnd(text);
      return OffsetDateTime.of(
          digits(text, 0, 4),
          digits(text, 5, 2),
          digits(text, 8, 2),
          digits(text, 11, 2),
          digits(text, 14, 2),
          digits(text, 17, 2),
          nanos(text, fractionEnd),
          ZoneOffset.ofTotalSeconds(offsetSeconds(text, fractionEnd)));
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns true if {@link #parseDateTime} accepts {@code text}, without building the value. */
  static boolean isDateTime(String text) {
    return isCommonDateTime(text) || parseDateTime(text) != null;
  }

  /**
   * Returns true if {@code text} is a valid date-time in the form the API sends, {@code
   * 2019-12-27T18:11:19.117Z} (0 to 9 fraction digits; {@code Z} or {@code ±hh:mm}), checked by
   * hand and without allocating: {@link OffsetDateTime#parse} takes about 0.7 µs and 1.6 KB of
   * garbage per value, and a build has twelve. False for any other text, which {@link
   * OffsetDateTime#parse} then decides on, so what is accepted does not change. Package-private so
   * that tests can hold the fast path to the forms it must take.
   */
  static boolean isCommonDateTime(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return false;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int fractionEnd = fractionEnd(text);
    if ((year | month | day | hour | minute | second | fractionEnd) < 0
        || offsetSeconds(text, fractionEnd) == NO_OFFSET) {
      return false;
    }
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year))
        && hour <= 23
        && minute <= 59
        && second <= 59;
  }

  /** Where the fraction of a common date-time ends (19 without one), or -1 for a bare dot. */
  private static int fractionEnd(String text) {
    if (text.charAt(19) != '.') {
      return 19;
    }
    int end = 20;
    while (end < text.length() && end < 29 && digits(text, end, 1) >= 0) {
      end++;
    }
    return end == 20 ? -1 : end;
  }

  /** Returns the nanoseconds the fraction ending at {@code fractionEnd} spells. */
  private static int nanos(String text, int fractionEnd) {
    int nanos = 0;
    for (int i = 20; i < 29; i++) {
      nanos = nanos * 10 + (i < fractionEnd ? text.charAt(i) - '0' : 0);
    }
    return nanos;
  }

  /**
   * Returns the offset in seconds that the rest of {@code text} from {@code from} spells, {@code Z}
   * or {@code ±hh:mm} within ±18:00, or {@link #NO_OFFSET}.
   */
  private static int offsetSeconds(String text, int from) {
    int length = text.length();
    if (from == length - 1 && text.charAt(from) == 'Z') {
      return 0;
    }
    if (from != length - 6
        || (text.charAt(from) != '+' && text.charAt(from) != '-')
        || text.charAt(from + 3) != ':') {
      return NO_OFFSET;
    }
    int hours = digits(text, from + 1, 2);
    int minutes = digits(text, from + 4, 2);
    int seconds = hours * 3600 + minutes * 60;
    if ((hours | minutes) < 0 || minutes > 59 || seconds > 18 * 3600) {
      return NO_OFFSET;
    }
    return text.charAt(from) == '-' ? -seconds : seconds;
  }

  /** Returns the number that {@code count} ASCII digits at {@code from} spell, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static UUID parseUuid(String text) {
    return CanonicalUuid.matches(text) ? java.util.UUID.fromString(text) : null;
  }

  static URI parseUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Returns a factory for {@code type} that reads a JSON string with {@code parse} (which returns
   * {@code null} for text it rejects) and writes one with {@code format}; JSON {@code null} passes
   * through.
   */
  private static <T> JsonAdapter.Factory factory(
      Class<T> type, String expected, Function<String, T> parse, Function<T, String> format) {
    JsonAdapter<T> adapter =
        new JsonAdapter<T>() {
          @Override
          public T fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            T value = parse.apply(text);
            if (value == null) {
              throw new JsonDataException(
                  "Expected " + expected + " but was \"" + text + "\" at path " + reader.getPath());
            }
            return value;
          }

          @Override
          public void toJson(JsonWriter writer, T value) throws IOException {
            writer.value(format.apply(value));
          }

          @Override
          public String toString() {
            return "JsonAdapter(" + type.getSimpleName() + ")";
          }
        }.nullSafe();
    return (Type requested, Set<? extends Annotation> annotations, Moshi moshi) ->
        annotations.isEmpty() && Types.equals(requested, type) ? adapter : null;
  }
}
