package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list, read element by element as {@link ContainerKind} says. */
final class ListKind extends ContainerKind<List<Object>> {
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
  List<Object> seal(List<Object> list) {
    return Collections.unmodifiableList(list);
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
