package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Map;

/**
 * Reads and writes one {@link LosslessTuple} class: the item at position {@code i} goes to the
 * class's {@code i}-th property, as {@link ModelAdapter} reads a property; items past the last
 * property are kept raw under their index.
 */
final class TupleAdapter extends JsonAdapter<Object> {
  private final ModelShape shape;
  private final Moshi moshi;
  private Kind[] kinds;

  TupleAdapter(ModelShape shape, Moshi moshi) {
    this.shape = shape;
    this.moshi = moshi;
  }

  private Kind[] kinds() {
    if (kinds == null) {
      kinds = Kind.ofProperties(shape, moshi);
    }
    return kinds;
  }

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      throw new JsonDataException(
          "Expected an array but was " + reader.peek() + " at path " + reader.getPath());
    }
    Kind[] kinds = kinds();
    LosslessModel tuple = (LosslessModel) shape.newInstance();
    reader.beginArray();
    for (int i = 0; reader.hasNext(); i++) {
      if (i < kinds.length) {
        ModelAdapter.readProperty(reader, tuple, shape.properties.get(i), kinds[i]);
      } else {
        tuple.keep(Integer.toString(i), RawJson.read(reader));
      }
    }
    reader.endArray();
    return tuple;
  }

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    Kind[] kinds = kinds();
    LosslessModel tuple = (LosslessModel) value;
    Map<String, Object> raw = tuple.raw;
    int length = length(tuple, raw);
    writer.beginArray();
    for (int i = 0; i < length; i++) {
      String name = i < kinds.length ? shape.properties.get(i).name : Integer.toString(i);
      Object typed = i < kinds.length ? shape.properties.get(i).get(tuple) : null;
      if (raw != null && raw.containsKey(name)) {
        RawJson.write(writer, raw.get(name));
      } else if (typed != null) {
        kinds[i].write(writer, typed);
      } else {
        writer.nullValue();
      }
    }
    writer.endArray();
  }

  /** Returns one more than the last position {@code tuple} holds anything at, typed or raw. */
  private int length(LosslessModel tuple, Map<String, Object> raw) {
    int length = 0;
    for (int i = 0; i < shape.properties.size(); i++) {
      ModelShape.Property property = shape.properties.get(i);
      if (property.get(tuple) != null || (raw != null && raw.containsKey(property.name))) {
        length = i + 1;
      }
    }
    if (raw != null) {
      for (String name : raw.keySet()) {
        if (!shape.declares(name)) {
          length = Math.max(length, Integer.parseInt(name) + 1);
        }
      }
    }
    return length;
  }

  @Override
  public String toString() {
    return "LosslessAdapter(" + shape.type.getSimpleName() + ")";
  }
}
