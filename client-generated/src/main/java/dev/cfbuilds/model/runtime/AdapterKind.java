package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/** A value Moshi's own adapter reads: a string, a boolean, or a model (by {@link ModelAdapter}). */
final class AdapterKind extends Kind {
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
