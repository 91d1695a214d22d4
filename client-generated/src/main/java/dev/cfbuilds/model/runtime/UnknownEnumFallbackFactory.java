package dev.cfbuilds.model.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Decodes enum values the spec does not list to the enum's {@value #FALLBACK} constant.
 *
 * <p>Cloudflare adds enum values (a new build outcome, a new repository provider) without notice;
 * one new value must not make a whole response unreadable. Applies to every generated enum that
 * declares the fallback constant; other enums keep Moshi's strict behaviour.
 */
final class UnknownEnumFallbackFactory implements JsonAdapter.Factory {
  static final String FALLBACK = "UNKNOWN";

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum()) {
      return null;
    }
    return fallbackAdapter((Class) raw);
  }

  private static <E extends Enum<E>> JsonAdapter<E> fallbackAdapter(Class<E> enumType) {
    for (E constant : enumType.getEnumConstants()) {
      if (constant.name().equals(FALLBACK)) {
        return EnumJsonAdapter.create(enumType).withUnknownFallback(constant).nullSafe();
      }
    }
    return null;
  }
}
