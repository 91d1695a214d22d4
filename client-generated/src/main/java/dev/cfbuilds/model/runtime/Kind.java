package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How to read and write the values of one Java type that a generated model holds; {@link #of(Type,
 * String, Moshi)} picks the kind of a type.
 */
abstract class Kind {
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
      return new Mismatch(null, RawJson.read(reader));
    }
    return readMatching(reader);
  }

  /** Returns {@code value} as raw JSON, as {@link JsonReader#readJsonValue()} would give it. */
  Object toRaw(Object value) {
    Kind kind = this;
    return RawJson.freeze(
        new JsonAdapter<Object>() {
          @Override
          public Object fromJson(JsonReader reader) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void toJson(JsonWriter writer, Object value) throws IOException {
            kind.write(writer, value);
          }
        }.serializeNulls().toJsonValue(value));
  }

  /** Returns the kind of values of {@code type}; {@code textFormat} as in {@link StoredAsText}. */
  static Kind of(Type type, String textFormat, Moshi moshi) {
    if (type == String.class) {
      return textFormat == null
          ? new AdapterKind(JsonReader.Token.STRING, moshi.adapter(String.class))
          : new TextKind(textFormat);
    }
    if (type == Boolean.class) {
      return new AdapterKind(JsonReader.Token.BOOLEAN, moshi.adapter(Boolean.class));
    }
    if (type == Integer.class) {
      return new NumberKind(text -> new BigDecimal(text).intValueExact());
    }
    if (type == Long.class) {
      return new NumberKind(text -> new BigDecimal(text).longValueExact());
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
      return AnyKind.INSTANCE;
    }
    if (type instanceof Class<?> raw && raw.isEnum()) {
      return EnumKind.of(raw);
    }
    if (type instanceof Class<?> raw && LosslessTuple.class.isAssignableFrom(raw)) {
      return new AdapterKind(JsonReader.Token.BEGIN_ARRAY, moshi.adapter(raw));
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
        return new ListKind(of(arguments[0], null, moshi));
      }
      if (raw == Map.class && arguments[0] == String.class) {
        return new MapKind(of(arguments[1], null, moshi));
      }
    }
    throw new IllegalArgumentException("the generated models have no values of type " + type);
  }

  /** Returns the kind of each of {@code shape}'s properties, in order. */
  static Kind[] ofProperties(ModelShape shape, Moshi moshi) {
    Kind[] kinds = new Kind[shape.properties.size()];
    for (int i = 0; i < kinds.length; i++) {
      ModelShape.Property property = shape.properties.get(i);
      kinds[i] = of(property.type, property.textFormat, moshi);
    }
    return kinds;
  }
}
