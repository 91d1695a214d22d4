package dev.cfbuilds.model.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of every generated object model that keeps what its typed fields cannot hold, so that
 * nothing the API sent is lost and writing the model back gives the JSON that was read.
 *
 * <p>Kept as raw JSON, in the form Moshi's {@code JsonReader.readJsonValue()} gives ({@code null},
 * {@code Boolean}, {@code Double}, {@code String}, {@code List}, {@code Map}):
 *
 * <ul>
 *   <li>properties the spec does not know ({@link #_additionalProperties()});
 *   <li>values of a JSON type or format the property's type cannot hold, such as a string for a
 *       boolean or {@code "yesterday"} for a date-time: the typed getter returns {@code null}
 *       ({@link #_mismatchedProperties()});
 *   <li>enum values the spec does not list, as their text: the typed getter returns the enum's
 *       {@code UNKNOWN};
 *   <li>an explicit JSON {@code null}, so that it is written back.
 * </ul>
 *
 * <p>Each property also reads as a {@link JsonField} ({@code build._buildOutcome()}), which tells
 * these cases apart. A model is immutable: its lists and maps, raw JSON included, are unmodifiable;
 * build a changed copy with its {@code toBuilder()}. Nothing is allocated for a model that needs
 * none of this.
 */
public abstract class LosslessModel {
  /** Raw values by property name, in the order read; null while there are none. */
  Map<String, Object> raw;

  /** Creates a model with nothing kept. */
  protected LosslessModel() {}

  /**
   * Returns the properties the spec does not know, by name, as raw JSON values, in the order
   * received; empty when there are none. Unmodifiable.
   */
  public final Map<String, Object> _additionalProperties() {
    if (raw == null) {
      return Map.of();
    }
    ModelShape shape = ModelShape.of(getClass());
    Map<String, Object> unknown = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          if (!shape.declares(name)) {
            unknown.put(name, value);
          }
        });
    return Collections.unmodifiableMap(unknown);
  }

  /**
   * Returns every property kept as raw JSON, known or not, by name: unknown properties, values that
   * did not fit their property's type, unknown enum texts and explicit {@code null}s. Writing the
   * model writes these in place of the typed values. Unmodifiable; empty when there are none. To
   * read one known property, its {@link JsonField} accessor is simpler.
   */
  public final Map<String, Object> _rawProperties() {
    return raw == null ? Map.of() : Collections.unmodifiableMap(raw);
  }

  /**
   * Returns the names of the properties the spec knows whose value could not be read as the spec's
   * type (a wrong JSON type, or text not of the property's format): their typed getters return
   * {@code null}, their values are in {@link #_rawProperties()}. A list or map with only some
   * elements that do not fit is not one of them; see {@link #_mismatchedPaths()}.
   */
  public final Set<String> _mismatchedProperties() {
    if (raw == null) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (ModelShape.Property property : ModelShape.of(getClass()).properties) {
      if (raw.get(property.name) != null && property.get(this) == null) {
        names.add(property.name);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Returns the JSON path of every value that did not fit its type in this model and the models it
   * holds, such as {@code $.result.builds.abc.trigger.created_on}: the mismatched properties (see
   * {@link #_mismatchedProperties()}), and the elements of lists and maps that did not fit, which
   * are {@code null} in the typed list or map (such as {@code $.trigger.path_includes[1]}). In a
   * {@link LosslessTuple} an item is named by its index, and every item past the tuple's length is
   * reported (such as {@code $.lines[3][2]}). Paths start at this model, {@code $}.
   */
  public final List<String> _mismatchedPaths() {
    List<String> paths = new ArrayList<>();
    collectMismatches(this, "$", paths);
    return Collections.unmodifiableList(paths);
  }

  /**
   * Returns {@code property} as read: absent, {@code null}, of its type ({@code typed}) or not; the
   * generated {@code _property()} accessors call it.
   */
  protected final <T> JsonField<T> field(String property, T typed) {
    return raw == null
        ? JsonField.of(typed, false, null)
        : JsonField.of(typed, raw.containsKey(property), raw.get(property));
  }

  /** Forgets the raw value kept for {@code property}, as when a value of its type was read. */
  final void forget(String property) {
    if (raw != null) {
      raw.remove(property);
      if (raw.isEmpty()) {
        raw = null;
      }
    }
  }

  /** Returns true if this model and {@code other} keep equal raw values. */
  protected final boolean sameRawProperties(LosslessModel other) {
    return Objects.equals(_rawProperties(), other._rawProperties());
  }

  /** Returns the hash code of the raw values kept. */
  protected final int rawPropertiesHashCode() {
    return _rawProperties().hashCode();
  }

  /**
   * Returns the names of the raw values kept, for {@code toString()}; never their values, which may
   * be secrets.
   */
  protected final String rawPropertyNames() {
    return raw == null ? "[]" : raw.keySet().toString();
  }

  /** Stores {@code value} as the raw value of {@code property}. */
  final void keep(String property, Object value) {
    if (raw == null) {
      raw = new LinkedHashMap<>(4);
    }
    raw.put(property, value);
  }

  private static void collectMismatches(Object value, String path, List<String> paths) {
    if (value instanceof LosslessModel model) {
      boolean tuple = model instanceof LosslessTuple;
      List<ModelShape.Property> properties = ModelShape.of(model.getClass()).properties;
      for (int i = 0; i < properties.size(); i++) {
        ModelShape.Property property = properties.get(i);
        String child = tuple ? path + "[" + i + "]" : path + "." + property.name;
        Object typed = property.get(model);
        if (model.raw != null && model.raw.containsKey(property.name)) {
          compare(typed, model.raw.get(property.name), child, paths);
        }
        if (property.holdsModels) {
          collectMismatches(typed, child, paths);
        }
      }
      if (tuple) {
        model
            ._additionalProperties()
            .keySet()
            .forEach(index -> paths.add(path + "[" + index + "]"));
      }
    } else if (value instanceof OneOfValue) {
      for (ModelShape.Property property : ModelShape.of(value.getClass()).properties) {
        collectMismatches(property.get(value), path, paths);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectMismatches(list.get(i), path + "[" + i + "]", paths);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> collectMismatches(child, path + "." + key, paths));
    }
  }

  /**
   * Adds the path of every value the raw JSON has where the typed value has none: the property
   * itself, or the elements of a list or map that did not fit.
   */
  private static void compare(Object typed, Object raw, String path, List<String> paths) {
    if (raw == null) {
      return;
    }
    if (typed == null) {
      paths.add(path);
    } else if (typed instanceof List<?> typedList && raw instanceof List<?> rawList) {
      for (int i = 0; i < typedList.size() && i < rawList.size(); i++) {
        compare(typedList.get(i), rawList.get(i), path + "[" + i + "]", paths);
      }
    } else if (typed instanceof Map<?, ?> typedMap && raw instanceof Map<?, ?> rawMap) {
      rawMap.forEach((key, child) -> compare(typedMap.get(key), child, path + "." + key, paths));
    }
  }
}
