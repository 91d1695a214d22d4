package dev.cfbuilds.generated;

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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
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

  private ScalarAdapters() {}

  static OffsetDateTime parseDateTime(String text) {
    OffsetDateTime common = parseCommonDateTime(text);
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Parses the form the API sends, {@code 2019-12-27T18:11:19.117Z} (0 to 9 fraction digits; {@code
   * Z} or {@code ±hh:mm}), by hand: {@link OffsetDateTime#parse} takes about 0.7 µs and 1.6 KB of
   * garbage per value, and a build has twelve. Returns null for any other text, or an invalid date,
   * which {@link OffsetDateTime#parse} then decides on, so what is accepted does not change.
   */
  private static OffsetDateTime parseCommonDateTime(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (text.charAt(end) == '.') {
      int start = ++end;
      while (end < length && end - start < 9 && digits(text, end, 1) >= 0) {
        nanos = nanos * 10 + (text.charAt(end++) - '0');
      }
      if (end == start) {
        return null;
      }
      for (int i = end - start; i < 9; i++) {
        nanos *= 10;
      }
    }
    try {
      ZoneOffset offset;
      if (end == length - 1 && text.charAt(end) == 'Z') {
        offset = ZoneOffset.UTC;
      } else if (end == length - 6
          && (text.charAt(end) == '+' || text.charAt(end) == '-')
          && text.charAt(end + 3) == ':') {
        int sign = text.charAt(end) == '-' ? -1 : 1;
        int offsetHours = digits(text, end + 1, 2);
        int offsetMinutes = digits(text, end + 4, 2);
        if ((offsetHours | offsetMinutes) < 0) {
          return null;
        }
        offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
      } else {
        return null;
      }
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException invalid) {
      return null;
    }
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
