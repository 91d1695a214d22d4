package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads and writes every generated model ({@link LosslessModel}, {@link LosslessTuple}, {@link
 * OneOfValue}) without losing anything: a value whose JSON type does not fit its property, an
 * unknown enum value or an unknown property is kept as raw JSON ({@link
 * JsonReader#readJsonValue()}) and written back as it came.
 *
 * <p>Each value is read once: its token is peeked ({@link JsonReader#peek()}) and compared with the
 * one the property's type expects ({@link Kind}); only a mismatch, or text not of the expected
 * format, takes the raw path. A mismatched value never fails the response; a body that is not JSON
 * still does.
 */
final class LosslessAdapters implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw)) {
      return null;
    }
    if (LosslessTuple.class.isAssignableFrom(raw)) {
      return new TupleAdapter(ModelShape.of(raw), moshi).nullSafe();
    }
    if (LosslessModel.class.isAssignableFrom(raw)) {
      return new ModelAdapter(ModelShape.of(raw), moshi).nullSafe();
    }
    if (OneOfValue.class.isAssignableFrom(raw)) {
      return new OneOfAdapter(ModelShape.of(raw), moshi).nullSafe();
    }
    return null;
  }
}
