package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * A list or a map, read value by value, once. When a value does not fit, the typed container holds
 * {@code null} (or the readable part) in its place, and the whole container is also kept as raw
 * JSON to be written back. The raw copy starts at the first value that does not fit, so a
 * well-formed container costs none. Both are unmodifiable once read.
 *
 * @param <C> the container: a list, or a map with string keys
 */
abstract class ContainerKind<C> extends Kind {
  final Kind element;

  ContainerKind(JsonReader.Token token, Kind element) {
    super(token);
    this.element = element;
  }

  /** Returns a new, empty container. */
  abstract C empty();

  /** Adds a value under {@code name}, which a list ignores. */
  abstract void put(C container, String name, Object value);

  /** Returns a copy of {@code typed} with each value turned back into raw JSON. */
  abstract C rawCopy(C typed);

  /** Returns an unmodifiable view of {@code container}, which nothing else holds. */
  abstract C seal(C container);

  /** Returns {@code value} as raw JSON, {@code null} staying {@code null}. */
  final Object rawOf(Object value) {
    return value == null ? null : element.toRaw(value);
  }

  @Override
  final Object readMatching(JsonReader reader) throws IOException {
    boolean object = token == JsonReader.Token.BEGIN_OBJECT;
    C typed = empty();
    C raw = null;
    if (object) {
      reader.beginObject();
    } else {
      reader.beginArray();
    }
    while (reader.hasNext()) {
      String name = object ? reader.nextName() : null;
      Object value =
          reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : element.read(reader);
      if (value instanceof Mismatch mismatch) {
        if (raw == null) {
          raw = rawCopy(typed);
        }
        put(raw, name, mismatch.raw);
        put(typed, name, mismatch.typed);
      } else {
        put(typed, name, value);
        if (raw != null) {
          put(raw, name, rawOf(value));
        }
      }
    }
    if (object) {
      reader.endObject();
    } else {
      reader.endArray();
    }
    return raw == null ? seal(typed) : new Mismatch(seal(typed), seal(raw));
  }
}
