package dev.cfbuilds.client.auth;

import java.util.Objects;

/** Checks credentials before they go into a header, without ever echoing them. */
final class Credentials {
  private Credentials() {}

  /**
   * Checks that {@code value} can be sent as a header value.
   *
   * @throws NullPointerException with {@code "name == null"}
   * @throws IllegalArgumentException naming {@code name} if the value is blank or holds whitespace
   *     or a control character (a pasted token with a trailing newline, most often)
   */
  static void checkSecret(String name, String value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c > '~') {
        throw new IllegalArgumentException(
            name
                + " contains whitespace or a character not allowed in an"
                + " HTTP header at index "
                + i
                + " (check for a trailing newline); its value is not shown");
      }
    }
  }
}
