package dev.cfbuilds.model.runtime;

import java.util.Locale;

/**
 * Makes text from outside (a user's argument, a server's message) safe to put in a message or on a
 * terminal: control characters, such as the escape that starts a terminal escape sequence, are
 * written as Java escapes, and the length is capped. Shared by the client and the command line.
 */
public final class PrintableText {
  private PrintableText() {}

  /**
   * Returns {@code text} with control characters escaped, cut once the result has {@code max}
   * characters and then followed by {@code …(N chars)}. An escape counts as the six characters it
   * takes, so that a text of control characters cannot make the result six times longer.
   */
  public static String of(String text, int max) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (i < text.length()) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
