package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;

/** Reads and writes one {@link OneOfValue} class on its own, outside a model. */
final class OneOfAdapter extends JsonAdapter<Object> {
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
