package dev.cfbuilds.cli;

import dev.cfbuilds.model.runtime.CanonicalUuid;
import dev.cfbuilds.model.runtime.PrintableText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects version IDs from arguments, files and standard input, checking each one is a UUID.
 *
 * <p>IDs may be given one per line, separated by commas, or both; blanks are skipped. A bad ID is
 * reported with where it came from ({@code argument 2}, {@code ids.txt line 7}), before any
 * request.
 */
final class VersionIdInput {
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  private static final String EXAMPLE = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";
  private static final int MAX_SHOWN = 64;

  private final List<String> ids = new ArrayList<>();

  /** Adds the IDs in one argument or line; {@code where} names it in error messages. */
  void addLine(String line, String where) {
    for (String token : SEPARATORS.split(line.strip())) {
      if (token.isEmpty()) {
        continue;
      }
      if (!CanonicalUuid.matches(token)) {
        throw new UsageException(
            "bad version ID \""
                + printable(token)
                + "\" in "
                + where
                + ": expected a UUID such as "
                + EXAMPLE);
      }
      ids.add(token);
    }
  }

  /** Adds the IDs in {@code text}, line by line; {@code source} names it in error messages. */
  void addText(String text, String source) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      addLine(lines.get(i), source + " line " + (i + 1));
    }
  }

  /** Returns the IDs added so far, lower-cased, without duplicates, in the order first given. */
  List<String> distinct() {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(id.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(distinct);
  }

  /**
   * Returns {@code text} safe to show on a terminal: control characters (such as the escape that
   * starts a terminal escape sequence) written as Java escapes, at most {@value #MAX_SHOWN}
   * characters of it.
   */
  static String printable(String text) {
    return PrintableText.of(text, MAX_SHOWN);
  }
}
