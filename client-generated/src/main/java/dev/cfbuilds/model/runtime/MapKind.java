package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map with string keys, read entry by entry as {@link ContainerKind} says: an entry that does not
 * fit maps to {@code null}, so that one odd build does not cost the others.
 */
final class MapKind extends ContainerKind<Map<String, Object>> {
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
  Map<String, Object> seal(Map<String, Object> map) {
    return Collections.unmodifiableMap(map);
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
