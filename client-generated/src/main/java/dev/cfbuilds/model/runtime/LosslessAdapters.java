package dev.cfbuilds.generated;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and writes every generated model ({@link LosslessModel}, {@link OneOfValue}) without losing
 * anything: a value whose JSON type does not fit its property, an unknown enum value or an unknown
 * property is kept as raw JSON ({@link JsonReader#readJsonValue()}) and written back as it came.
 *
 * <p>Each value is read once: its token is peeked ({@link JsonReader#peek()}) and compared with the
 * one the property's type expects; only a mismatch, or text not of the expected format, takes the
 * raw path. A mismatched value never fails the response; a body that is not JSON still does.
 */
final class LosslessAdapters implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw)) {
      return null;
    }
    if (LosslessModel.class.isAssignableFrom(raw)) {
      return new ModelAdapter(ModelShape.of(raw), moshi).nullSafe();
    }
    if (OneOfValue.class.isAssignableFrom(raw)) {
      return new OneOfAdapter(ModelShape.of(raw), moshi).nullSafe();
    }
    return null;
  }

  /**
   * A value that did not fit its type: the raw JSON to write back, and what the type could hold.
   */
  static final class Mismatch {
    final Object typed;
    final Object raw;

    Mismatch(Object typed, Object raw) {
      this.typed = typed;
      this.raw = raw;
    }
  }

  /** How to read and write the values of one Java type. */
  abstract static class Kind {
    /** The token a value of this kind starts with; null if any may. */
    final JsonReader.Token token;

    Kind(JsonReader.Token token) {
      this.token = token;
    }

    /** Reads a value whose token is {@link #token}: the typed value, or a {@link Mismatch}. */
    abstract Object readMatching(JsonReader reader) throws IOException;

    abstract void write(JsonWriter writer, Object value) throws IOException;

    /** Returns true if a value starting with {@code next} is one this kind means to read. */
    boolean accepts(JsonReader.Token next) {
      return token == null || token == next;
    }

    /** Reads any non-null value: the typed value, or a {@link Mismatch}. */
    Object read(JsonReader reader) throws IOException {
      if (token != null && reader.peek() != token) {
        return new Mismatch(null, reader.readJsonValue());
      }
      return readMatching(reader);
    }

    /** Returns {@code value} as raw JSON, as {@link JsonReader#readJsonValue()} would give it. */
    Object toRaw(Object value) {
      Kind kind = this;
      return new JsonAdapter<Object>() {
        @Override
        public Object fromJson(JsonReader reader) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
          kind.write(writer, value);
        }
      }.serializeNulls().toJsonValue(value);
    }
  }

  /** Returns the kind of values of {@code type}; {@code textFormat} as in {@link StoredAsText}. */
  static Kind kind(Type type, String textFormat, Moshi moshi) {
    if (type == String.class) {
      return textFormat == null
          ? new AdapterKind(JsonReader.Token.STRING, moshi.adapter(String.class))
          : new TextKind(textFormat);
    }
    if (type == Boolean.class) {
      return new AdapterKind(JsonReader.Token.BOOLEAN, moshi.adapter(Boolean.class));
    }
    if (type == Integer.class) {
      return new NumberKind(text -> exact(text).intValueExact());
    }
    if (type == Long.class) {
      return new NumberKind(text -> exact(text).longValueExact());
    }
    if (type == BigDecimal.class) {
      return new NumberKind(BigDecimal::new);
    }
    if (type == Double.class) {
      return new NumberKind(Double::valueOf);
    }
    if (type == OffsetDateTime.class) {
      return new ParsedTextKind(
          ScalarAdapters::parseDateTime,
          DateTimeFormatter.ISO_OFFSET_DATE_TIME::format,
          text -> false);
    }
    if (type == URI.class) {
      return new ParsedTextKind(ScalarAdapters::parseUri, URI::toString, text -> false);
    }
    if (type == UUID.class) {
      return new ParsedTextKind(
          ScalarAdapters::parseUuid, UUID::toString, CanonicalUuid::isLowerCase);
    }
    if (type == Object.class) {
      return ANY;
    }
    if (type instanceof Class<?> raw && raw.isEnum()) {
      return enumKind(raw);
    }
    if (type instanceof Class<?> raw && LosslessModel.class.isAssignableFrom(raw)) {
      return new AdapterKind(JsonReader.Token.BEGIN_OBJECT, moshi.adapter(raw));
    }
    if (type instanceof Class<?> raw && OneOfValue.class.isAssignableFrom(raw)) {
      return new OneOfKind(ModelShape.of(raw), moshi);
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = Types.getRawType(parameterized);
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return new ListKind(kind(arguments[0], null, moshi));
      }
      if (raw == Map.class && arguments[0] == String.class) {
        return new MapKind(kind(arguments[1], null, moshi));
      }
    }
    throw new IllegalArgumentException("the generated models have no values of type " + type);
  }

  /** Returns the kind of each of {@code shape}'s properties, in order. */
  private static Kind[] kindsOf(ModelShape shape, Moshi moshi) {
    Kind[] kinds = new Kind[shape.properties.size()];
    for (int i = 0; i < kinds.length; i++) {
      ModelShape.Property property = shape.properties.get(i);
      kinds[i] = kind(property.type, property.textFormat, moshi);
    }
    return kinds;
  }

  private static BigDecimal exact(String text) {
    return new BigDecimal(text);
  }

  private static final Kind ANY =
      new Kind(null) {
        @Override
        Object readMatching(JsonReader reader) throws IOException {
          return reader.readJsonValue();
        }

        @Override
        void write(JsonWriter writer, Object value) throws IOException {
          writeRaw(writer, value);
        }
      };

  /** Text of a format, kept as text (see {@link StoredAsText}) once it has been checked. */
  private static final class TextKind extends Kind {
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

  /**
   * Text parsed into an object. Text the object does not write back the same way (an upper-case
   * UUID, {@code +00:00} for {@code Z}) is kept beside the parsed value.
   */
  private static final class ParsedTextKind extends Kind {
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

  /**
   * A number. A number the type cannot hold (a fraction for an integer) is kept raw; a number sent
   * as a string, or written differently ({@code 1.0} for an integer), is read, and kept as sent
   * too, so that it is written back as it came.
   */
  private static final class NumberKind extends Kind {
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
        return new Mismatch(null, reader.readJsonValue());
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

  private static <E extends Enum<E>> Kind enumKind(Class<?> type) {
    @SuppressWarnings("unchecked")
    Class<E> enumType = (Class<E>) type;
    List<E> known = new ArrayList<>();
    List<String> knownTexts = new ArrayList<>();
    Map<E, String> texts = new HashMap<>();
    E unknown = null;
    for (E constant : enumType.getEnumConstants()) {
      Json json;
      try {
        json = enumType.getField(constant.name()).getAnnotation(Json.class);
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
      if (json != null) {
        known.add(constant);
        knownTexts.add(json.name());
        texts.put(constant, json.name());
      } else if (constant.name().equals(UnknownEnumFallbackFactory.FALLBACK)) {
        unknown = constant;
      }
    }
    JsonReader.Options options = JsonReader.Options.of(knownTexts.toArray(new String[0]));
    E fallback = unknown;
    return new Kind(JsonReader.Token.STRING) {
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
    };
  }

  /** A model or a {@code oneOf}, read by its own (lossless) adapter. */
  private static final class AdapterKind extends Kind {
    private final JsonAdapter<Object> adapter;

    @SuppressWarnings("unchecked")
    AdapterKind(JsonReader.Token token, JsonAdapter<?> adapter) {
      super(token);
      this.adapter = (JsonAdapter<Object>) adapter;
    }

    @Override
    Object readMatching(JsonReader reader) throws IOException {
      return adapter.fromJson(reader);
    }

    @Override
    void write(JsonWriter writer, Object value) throws IOException {
      adapter.toJson(writer, value);
    }
  }

  /**
   * A list or a map, read value by value, once. When a value does not fit, the typed container
   * holds {@code null} (or the readable part) in its place, and the whole container is also kept as
   * raw JSON to be written back. The raw copy starts at the first value that does not fit, so a
   * well-formed container costs none.
   *
   * @param <C> the container: a list, or a map with string keys
   */
  private abstract static class ContainerKind<C> extends Kind {
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
      return raw == null ? typed : new Mismatch(typed, raw);
    }
  }

  /** A list, read element by element as {@link ContainerKind} says. */
  private static final class ListKind extends ContainerKind<List<Object>> {
    ListKind(Kind element) {
      super(JsonReader.Token.BEGIN_ARRAY, element);
    }

    @Override
    List<Object> empty() {
      return new ArrayList<>();
    }

    @Override
    void put(List<Object> list, String name, Object value) {
      list.add(value);
    }

    @Override
    List<Object> rawCopy(List<Object> typed) {
      List<Object> raw = new ArrayList<>(typed.size() + 1);
      for (Object value : typed) {
        raw.add(rawOf(value));
      }
      return raw;
    }

    @Override
    void write(JsonWriter writer, Object value) throws IOException {
      writer.beginArray();
      for (Object item : (List<?>) value) {
        if (item == null) {
          writer.nullValue();
        } else {
          element.write(writer, item);
        }
      }
      writer.endArray();
    }
  }

  /**
   * A map with string keys, read entry by entry as {@link ContainerKind} says: an entry that does
   * not fit maps to {@code null}, so that one odd build does not cost the others.
   */
  private static final class MapKind extends ContainerKind<Map<String, Object>> {
    MapKind(Kind value) {
      super(JsonReader.Token.BEGIN_OBJECT, value);
    }

    @Override
    Map<String, Object> empty() {
      return new LinkedHashMap<>();
    }

    @Override
    void put(Map<String, Object> map, String name, Object value) {
      map.put(name, value);
    }

    @Override
    Map<String, Object> rawCopy(Map<String, Object> typed) {
      Map<String, Object> raw = new LinkedHashMap<>();
      typed.forEach((name, value) -> raw.put(name, rawOf(value)));
      return raw;
    }

    @Override
    void write(JsonWriter writer, Object map) throws IOException {
      writer.beginObject();
      boolean serializeNulls = writer.getSerializeNulls();
      writer.setSerializeNulls(true);
      try {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
          writer.name((String) entry.getKey());
          if (entry.getValue() == null) {
            writer.nullValue();
          } else {
            element.write(writer, entry.getValue());
          }
        }
      } finally {
        writer.setSerializeNulls(serializeNulls);
      }
      writer.endObject();
    }
  }

  /** Writes a raw JSON value, nulls inside objects included. */
  static void writeRaw(JsonWriter writer, Object raw) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.jsonValue(raw);
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /** Reads and writes one {@link LosslessModel} class. */
  private static final class ModelAdapter extends JsonAdapter<Object> {
    private final ModelShape shape;
    private final Moshi moshi;
    private final JsonReader.Options names;
    private Kind[] kinds;

    ModelAdapter(ModelShape shape, Moshi moshi) {
      this.shape = shape;
      this.moshi = moshi;
      String[] wireNames = new String[shape.properties.size()];
      for (int i = 0; i < wireNames.length; i++) {
        wireNames[i] = shape.properties.get(i).name;
      }
      this.names = JsonReader.Options.of(wireNames);
    }

    /** Returns the kinds, looked up on first use: a model may hold itself. */
    private Kind[] kinds() {
      if (kinds == null) {
        kinds = kindsOf(shape, moshi);
      }
      return kinds;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new JsonDataException(
            "Expected an object but was " + reader.peek() + " at path " + reader.getPath());
      }
      Kind[] kinds = kinds();
      LosslessModel model = (LosslessModel) shape.newInstance();
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(names);
        if (index < 0) {
          String name = reader.nextName();
          model.keep(name, reader.readJsonValue());
          continue;
        }
        ModelShape.Property property = shape.properties.get(index);
        if (reader.peek() == JsonReader.Token.NULL) {
          reader.nextNull();
          property.set(model, null);
          model.keep(property.name, null);
          continue;
        }
        Object value = kinds[index].read(reader);
        if (value instanceof Mismatch mismatch) {
          property.set(model, mismatch.typed);
          model.keep(property.name, mismatch.raw);
        } else {
          property.set(model, value);
          model.forget(property.name);
        }
      }
      reader.endObject();
      return model;
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      Kind[] kinds = kinds();
      LosslessModel model = (LosslessModel) value;
      Map<String, Object> raw = model.raw;
      writer.beginObject();
      for (int i = 0; i < kinds.length; i++) {
        ModelShape.Property property = shape.properties.get(i);
        if (raw != null && raw.containsKey(property.name)) {
          writer.name(property.name);
          writeRaw(writer, raw.get(property.name));
          continue;
        }
        Object typed = property.get(model);
        if (typed != null) {
          writer.name(property.name);
          kinds[i].write(writer, typed);
        }
      }
      if (raw != null) {
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
          if (!shape.declares(entry.getKey())) {
            writer.name(entry.getKey());
            writeRaw(writer, entry.getValue());
          }
        }
      }
      writer.endObject();
    }

    @Override
    public String toString() {
      return "LosslessAdapter(" + shape.type.getSimpleName() + ")";
    }
  }

  /** A {@link OneOfValue} class: the first alternative that accepts the value's token. */
  private static final class OneOfKind extends Kind {
    private final ModelShape shape;
    private final Moshi moshi;
    private Kind[] kinds;

    OneOfKind(ModelShape shape, Moshi moshi) {
      super(null);
      this.shape = shape;
      this.moshi = moshi;
    }

    private Kind[] kinds() {
      if (kinds == null) {
        kinds = kindsOf(shape, moshi);
      }
      return kinds;
    }

    @Override
    Object readMatching(JsonReader reader) throws IOException {
      Kind[] kinds = kinds();
      JsonReader.Token next = reader.peek();
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i].accepts(next)) {
          Object value = kinds[i].read(reader);
          if (value instanceof Mismatch mismatch) {
            return new Mismatch(null, mismatch.raw);
          }
          Object oneOf = shape.newInstance();
          shape.properties.get(i).set(oneOf, value);
          return oneOf;
        }
      }
      return new Mismatch(null, reader.readJsonValue());
    }

    @Override
    void write(JsonWriter writer, Object value) throws IOException {
      Kind[] kinds = kinds();
      for (int i = 0; i < kinds.length; i++) {
        Object alternative = shape.properties.get(i).get(value);
        if (alternative != null) {
          kinds[i].write(writer, alternative);
          return;
        }
      }
      writer.nullValue();
    }
  }

  /** Reads and writes one {@link OneOfValue} class on its own, outside a model. */
  private static final class OneOfAdapter extends JsonAdapter<Object> {
    private final OneOfKind kind;
    private final String name;

    OneOfAdapter(ModelShape shape, Moshi moshi) {
      this.kind = new OneOfKind(shape, moshi);
      this.name = shape.type.getSimpleName();
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      Object value = kind.read(reader);
      if (value instanceof Mismatch) {
        throw new JsonDataException("Expected one of " + name + "'s alternatives at path " + path);
      }
      return value;
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      kind.write(writer, value);
    }

    @Override
    public String toString() {
      return "LosslessAdapter(" + name + ")";
    }
  }
}
