package dev.cfbuilds.model.runtime;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One property of a model as the API sent it: left out ({@link #isAbsent()}), {@code null} ({@link
 * #isNull()}), a value of the property's type ({@link #isKnown()}, {@link #known()}), or a value of
 * another JSON type or format ({@link #isMismatched()}, {@link #rawJson()}). Every generated model
 * has one such accessor per property, named after it with a leading underscore, such as {@code
 * build._buildOutcome()}, beside its typed getter, which returns {@code null} in three of these
 * cases alike.
 *
 * <p>Raw JSON is in the form Moshi's {@code JsonReader.readJsonValue()} gives ({@code Boolean},
 * {@code Double}, {@code String}, and unmodifiable {@code List}s and {@code Map}s of them). {@link
 * #toString()} shows which case this is, never the value, which may be a secret.
 *
 * @param <T> the property's type
 */
public final class JsonField<T> {
  private enum Case {
    ABSENT,
    NULL,
    KNOWN,
    MISMATCHED
  }

  private static final JsonField<?> ABSENT = new JsonField<>(Case.ABSENT, null, null);
  private static final JsonField<?> NULL = new JsonField<>(Case.NULL, null, null);

  private final Case kind;
  private final T value;
  private final Object raw;

  private JsonField(Case kind, T value, Object raw) {
    this.kind = kind;
    this.value = value;
    this.raw = raw;
  }

  /**
   * Returns the field of a property whose typed value is {@code typed} (null if none) and whose
   * kept raw JSON is {@code raw}, when {@code hasRaw}.
   */
  @SuppressWarnings("unchecked")
  static <T> JsonField<T> of(T typed, boolean hasRaw, Object raw) {
    if (typed != null) {
      return new JsonField<>(Case.KNOWN, typed, hasRaw ? raw : null);
    }
    if (!hasRaw) {
      return (JsonField<T>) ABSENT;
    }
    return raw == null ? (JsonField<T>) NULL : new JsonField<>(Case.MISMATCHED, null, raw);
  }

  /** Returns true if the response left the property out (or the builder never set it). */
  public boolean isAbsent() {
    return kind == Case.ABSENT;
  }

  /** Returns true if the API sent an explicit JSON {@code null}. */
  public boolean isNull() {
    return kind == Case.NULL;
  }

  /**
   * Returns true if the value was read as the property's type; {@link #known()} holds it. An enum
   * text the spec does not list is known as the enum's {@code UNKNOWN}, its text in {@link
   * #rawJson()}.
   */
  public boolean isKnown() {
    return kind == Case.KNOWN;
  }

  /**
   * Returns true if the API sent a value of another JSON type, or text not of the property's format
   * (such as {@code "yesterday"} for a date-time); {@link #rawJson()} holds it, and the typed
   * getter returns {@code null}.
   */
  public boolean isMismatched() {
    return kind == Case.MISMATCHED;
  }

  /** Returns the value of the property's type, or empty if there is none. */
  public Optional<T> known() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the raw JSON the model keeps for the property, to write it back as it came: the whole
   * value when {@link #isMismatched()}, and for a known value the text or number as sent when it
   * would be written differently (an unknown enum text, an upper-case UUID, {@code "25"} for an
   * integer, a list or map with some elements that did not fit). Empty otherwise.
   */
  public Optional<Object> rawJson() {
    return Optional.ofNullable(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonField<?> other
        && kind == other.kind
        && Objects.equals(value, other.value)
        && Objects.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, raw);
  }

  /** Returns which case this is, such as {@code JsonField{mismatched}}; never the value. */
  @Override
  public String toString() {
    return "JsonField{" + kind.name().toLowerCase(Locale.ROOT) + "}";
  }
}
