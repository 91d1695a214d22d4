package dev.cfbuilds.model.runtime;

import com.squareup.moshi.Json;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What reflection tells about one generated model class: its JSON properties, in declaration order,
 * and how to create an empty instance. Computed once per class.
 */
final class ModelShape {
  private static final ClassValue<ModelShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected ModelShape computeValue(Class<?> type) {
          return new ModelShape(type);
        }
      };

  /** One JSON property: its name on the wire, its field, and the field's declared type. */
  static final class Property {
    final String name;
    final Field field;
    final Type type;
    final String textFormat;
    final boolean holdsModels;

    Property(String name, Field field) {
      this.name = name;
      this.field = field;
      this.type = field.getGenericType();
      this.holdsModels = mayHoldModels(type);
      StoredAsText text = field.getAnnotation(StoredAsText.class);
      this.textFormat = text == null ? null : text.value();
    }

    Object get(Object model) {
      try {
        return field.get(model);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }

    void set(Object model, Object value) {
      try {
        field.set(model, value);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
  }

  final Class<?> type;
  final List<Property> properties;
  private final Constructor<?> constructor;

  /** Reads {@code type}'s shape; use {@link #of}, which caches it (tests read it afresh). */
  ModelShape(Class<?> type) {
    this.type = type;
    List<Property> found = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
        continue;
      }
      Json json = field.getAnnotation(Json.class);
      field.setAccessible(true);
      found.add(new Property(json == null ? field.getName() : json.name(), field));
    }
    this.properties = Collections.unmodifiableList(found);
    try {
      this.constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " has no constructor without arguments", e);
    }
  }

  static ModelShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  Object newInstance() {
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  boolean declares(String name) {
    for (Property property : properties) {
      if (property.name.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Returns true if values of {@code type} may hold models, which a walk must visit. */
  static boolean mayHoldModels(Type type) {
    if (type instanceof Class<?> raw) {
      return LosslessModel.class.isAssignableFrom(raw) || OneOfValue.class.isAssignableFrom(raw);
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
        Type[] arguments = parameterized.getActualTypeArguments();
        return mayHoldModels(arguments[arguments.length - 1]);
      }
    }
    return false;
  }
}
