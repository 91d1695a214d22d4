package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Map;

/** Reads and writes one {@link LosslessModel} class. */
final class ModelAdapter extends JsonAdapter<Object> {
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
      kinds = Kind.ofProperties(shape, moshi);
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
        model.keep(name, RawJson.read(reader));
        continue;
      }
      readProperty(reader, model, shape.properties.get(index), kinds[index]);
    }
    reader.endObject();
    return model;
  }

  /**
   * Reads the next value into {@code property} of {@code model} as {@code kind} says: the typed
   * value, or {@code null} or a mismatch, kept raw.
   */
  static void readProperty(
      JsonReader reader, LosslessModel model, ModelShape.Property property, Kind kind)
      throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      property.set(model, null);
      model.keep(property.name, null);
      return;
    }
    Object value = kind.read(reader);
    if (value instanceof Mismatch mismatch) {
      property.set(model, mismatch.typed);
      model.keep(property.name, mismatch.raw);
    } else {
      property.set(model, value);
      model.forget(property.name);
    }
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
        RawJson.write(writer, raw.get(property.name));
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
          RawJson.write(writer, entry.getValue());
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
