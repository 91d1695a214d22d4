package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.function.Predicate;

/** Text of a format, kept as text (see {@link StoredAsText}) once it has been checked. */
final class TextKind extends Kind {
  private final Predicate<String> valid;

  TextKind(String format) {
    super(JsonReader.Token.STRING);
    this.valid = TextValues.validator(format);
  }

  @Override
  Object readMatching(JsonReader reader) throws IOException {
    String text = reader.nextString();
    return valid.test(text) ? text : new Mismatch(null, text);
  }

  @Override
  void write(JsonWriter writer, Object value) throws IOException {
    writer.value((String) value);
  }
}
