package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/** A property typed {@code Object}: any JSON value, kept as raw JSON. */
final class AnyKind extends Kind {
  static final AnyKind INSTANCE = new AnyKind();

  private AnyKind() {
    super(null);
  }

  @Override
  Object readMatching(JsonReader reader) throws IOException {
    return RawJson.read(reader);
  }

  @Override
  void write(JsonWriter writer, Object value) throws IOException {
    RawJson.write(writer, value);
  }
}
