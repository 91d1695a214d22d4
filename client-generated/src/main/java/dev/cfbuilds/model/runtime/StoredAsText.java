package dev.cfbuilds.model.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated model field that keeps a formatted string ({@code date-time}, {@code uri}) as
 * the text the API sent; its getter parses the text with {@link TextValues}.
 *
 * <p>The text is checked when it is read, so the field only ever holds text of its format. Keeping
 * it as text writes it back exactly as received and takes less heap than the parsed object.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface StoredAsText {
  /** Returns the OpenAPI format of the text: {@code date-time} or {@code uri}. */
  String value();
}
