package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads, writes and freezes raw JSON values, in the form {@link JsonReader#readJsonValue()} gives
 * them ({@code null}, {@code Boolean}, {@code Double}, {@code String}, {@code List}, {@code Map}).
 */
final class RawJson {
  private RawJson() {}

  /** Reads the next value as raw JSON that nobody can change. */
  static Object read(JsonReader reader) throws IOException {
    return freeze(reader.readJsonValue());
  }

  /**
   * Returns {@code value} with every list and map in it made unmodifiable, in place: {@code value}
   * must be a fresh value that nothing else holds.
   */
  @SuppressWarnings("unchecked")
  static Object freeze(Object value) {
    if (value instanceof List<?> list) {
      ((List<Object>) list).replaceAll(RawJson::freeze);
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Map<?, ?> map) {
      ((Map<Object, Object>) map).replaceAll((name, child) -> freeze(child));
      return Collections.unmodifiableMap(map);
    }
    return value;
  }

  /** Writes a raw JSON value, nulls inside objects included. */
  static void write(JsonWriter writer, Object raw) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.jsonValue(raw);
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }
}
