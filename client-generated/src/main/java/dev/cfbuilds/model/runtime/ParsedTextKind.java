package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Text parsed into an object. Text the object does not write back the same way (an upper-case UUID,
 * {@code +00:00} for {@code Z}) is kept beside the parsed value.
 */
final class ParsedTextKind extends Kind {
  private final Function<String, ?> parse;
  private final Function<Object, String> format;
  private final Predicate<String> writtenBackAsIs;

  /**
   * {@code writtenBackAsIs} tells, without formatting, that {@code format} gives back the text a
   * value was parsed from; when it says no, the value is formatted to compare.
   */
  @SuppressWarnings("unchecked")
  <T> ParsedTextKind(
      Function<String, T> parse, Function<T, String> format, Predicate<String> writtenBackAsIs) {
    super(JsonReader.Token.STRING);
    this.parse = parse;
    this.format = (Function<Object, String>) format;
    this.writtenBackAsIs = writtenBackAsIs;
  }

  @Override
  Object readMatching(JsonReader reader) throws IOException {
    String text = reader.nextString();
    Object value = parse.apply(text);
    if (value == null) {
      return new Mismatch(null, text);
    }
    if (writtenBackAsIs.test(text) || format.apply(value).equals(text)) {
      return value;
    }
    return new Mismatch(value, text);
  }

  @Override
  void write(JsonWriter writer, Object value) throws IOException {
    writer.value(format.apply(value));
  }
}
