package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;

/** A {@link OneOfValue} class: the first alternative that accepts the value's token. */
final class OneOfKind extends Kind {
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
      kinds = Kind.ofProperties(shape, moshi);
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
    return new Mismatch(null, RawJson.read(reader));
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
