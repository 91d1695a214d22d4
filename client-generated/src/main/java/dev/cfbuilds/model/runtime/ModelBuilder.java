package dev.cfbuilds.model.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of every generated model's {@code Builder} that carries the raw JSON a model keeps (see
 * {@link LosslessModel}), so that {@code model.toBuilder().build()} writes the JSON the model was
 * read from, and setting a property drops only that property's raw value.
 *
 * <p>A builder checks nothing: every property of the spec is optional. It copies the lists and maps
 * it is given when {@code build()} is called, so the model it builds cannot be changed through
 * them.
 */
public abstract class ModelBuilder {
  /** Raw values by property name, as in {@link LosslessModel}; null while there are none. */
  private Map<String, Object> raw;

  /** Creates a builder with nothing kept. */
  protected ModelBuilder() {}

  /** Creates a builder that keeps the raw values {@code model} keeps. */
  protected ModelBuilder(LosslessModel model) {
    if (model.raw != null) {
      raw = new LinkedHashMap<>(model.raw);
    }
  }

  /** Drops the raw value kept for {@code property}; the generated setters call it. */
  protected final void forget(String property) {
    if (raw != null) {
      raw.remove(property);
    }
  }

  /** Gives {@code model} a copy of the raw values kept, and returns it. */
  protected final <M extends LosslessModel> M finish(M model) {
    if (raw != null && !raw.isEmpty()) {
      model.raw = new LinkedHashMap<>(raw);
    }
    return model;
  }

  /** Returns an unmodifiable copy of {@code list}, which may hold nulls; null if it is null. */
  protected static <E> List<E> copy(List<E> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Returns an unmodifiable copy of {@code map}, in its order; null if it is null. */
  protected static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
