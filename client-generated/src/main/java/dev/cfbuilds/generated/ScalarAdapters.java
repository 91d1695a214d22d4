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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Moshi adapters for the string formats the spec uses: {@code date-time}, {@code uuid}, {@code uri}. */
final class ScalarAdapters {
  static final JsonAdapter.Factory OFFSET_DATE_TIME = factory(OffsetDateTime.class,
      "an RFC 3339 date-time", ScalarAdapters::parseDateTime, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
  static final JsonAdapter.Factory UUID = factory(UUID.class,
      "a UUID", ScalarAdapters::parseUuid, java.util.UUID::toString);
  static final JsonAdapter.Factory URI = factory(URI.class,
      "a URI", ScalarAdapters::parseUri, java.net.URI::toString);

  private ScalarAdapters() {
  }

  private static OffsetDateTime parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static UUID parseUuid(String text) {
    return CanonicalUuid.matches(text) ? java.util.UUID.fromString(text) : null;
  }

  private static URI parseUri(String text) {
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
  private static <T> JsonAdapter.Factory factory(Class<T> type, String expected,
      Function<String, T> parse, Function<T, String> format) {
    JsonAdapter<T> adapter = new JsonAdapter<T>() {
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
