package dev.cfbuilds.model.runtime;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated enum: a known text reads as its constant; any other text reads as {@code UNKNOWN} and
 * is kept as sent.
 */
final class EnumKind extends Kind {
  private final List<Object> known;
  private final Map<Object, String> texts;
  private final JsonReader.Options options;
  private final Object fallback;

  private EnumKind(
      List<Object> known, List<String> knownTexts, Map<Object, String> texts, Object fallback) {
    super(JsonReader.Token.STRING);
    this.known = known;
    this.texts = texts;
    this.options = JsonReader.Options.of(knownTexts.toArray(new String[0]));
    this.fallback = fallback;
  }

  /** Returns the kind of the generated enum {@code type}. */
  static EnumKind of(Class<?> type) {
    List<Object> known = new ArrayList<>();
    List<String> knownTexts = new ArrayList<>();
    Map<Object, String> texts = new HashMap<>();
    Object unknown = null;
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      Json json;
      try {
        json = type.getField(name).getAnnotation(Json.class);
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
      if (json != null) {
        known.add(constant);
        knownTexts.add(json.name());
        texts.put(constant, json.name());
      } else if (name.equals(UnknownEnumFallbackFactory.FALLBACK)) {
        unknown = constant;
      }
    }
    return new EnumKind(known, knownTexts, texts, unknown);
  }

  @Override
  Object readMatching(JsonReader reader) throws IOException {
    // Matches the known texts against the bytes, without making a string of them.
    int index = reader.selectString(options);
    if (index >= 0) {
      return known.get(index);
    }
    return new Mismatch(fallback, reader.nextString());
  }

  @Override
  void write(JsonWriter writer, Object value) throws IOException {
    writer.value(texts.get(value));
  }
}
