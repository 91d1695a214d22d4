package dev.cfbuilds.model.runtime;

/**
 * Recognises a UUID in its canonical text form: 36 characters, hex digits in groups of 8-4-4-4-12
 * separated by hyphens, either case.
 *
 * <p>{@link java.util.UUID#fromString} is laxer (it accepts {@code "1-2-3-4-5"}); the API is not.
 */
public final class CanonicalUuid {
  private static final int LENGTH = 36;

  private CanonicalUuid() {}

  /** Returns true if {@code text} is a UUID in canonical form. */
  public static boolean matches(CharSequence text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean hyphenPosition = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphenPosition ? c != '-' : !isAsciiHexDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns true if {@code uuid}, a UUID in canonical form, has no upper-case digits: it is then
   * the text {@link java.util.UUID#toString} gives.
   */
  static boolean isLowerCase(String uuid) {
    for (int i = 0; i < uuid.length(); i++) {
      if (uuid.charAt(i) >= 'A' && uuid.charAt(i) <= 'F') {
        return false;
      }
    }
    return true;
  }

  /** Unlike {@link Character#digit}, rejects non-ASCII digits such as full-width ones. */
  private static boolean isAsciiHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
