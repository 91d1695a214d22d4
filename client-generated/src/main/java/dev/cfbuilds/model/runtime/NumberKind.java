package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A number. A number the type cannot hold (a fraction for an integer) is kept raw; a number sent as
 * a string, or written differently ({@code 1.0} for an integer), is read, and kept as sent too, so
 * that it is written back as it came.
 */
final class NumberKind extends Kind {
  private final Function<String, ? extends Number> parse;

  NumberKind(Function<String, ? extends Number> parse) {
    super(null);
    this.parse = parse;
  }

  @Override
  boolean accepts(JsonReader.Token next) {
    return next == JsonReader.Token.NUMBER;
  }

  @Override
  Object readMatching(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      return new Mismatch(null, RawJson.read(reader));
    }
    String text = reader.nextString();
    Number value;
    try {
      value = parse.apply(text);
    } catch (NumberFormatException | ArithmeticException notThisType) {
      value = null;
    }
    if (token == JsonReader.Token.STRING) {
      return new Mismatch(value, text);
    }
    if (value == null) {
      return new Mismatch(null, rawNumber(text));
    }
    // 1.0 for an integer, or -0, reads but would be written back as 1 or 0: keep the number too.
    return value.toString().equals(text) ? value : new Mismatch(value, rawNumber(text));
  }

  @Override
  void write(JsonWriter writer, Object value) throws IOException {
    writer.value((Number) value);
  }

  private static Object rawNumber(String text) {
    double value = Double.parseDouble(text);
    return Double.isInfinite(value) ? new BigDecimal(text) : (Object) value;
  }
}
