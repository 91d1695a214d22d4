package dev.cfbuilds.client.internal;

import dev.cfbuilds.model.runtime.CanonicalUuid;
import dev.cfbuilds.model.runtime.PrintableText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Checks, normalises and partitions version IDs before any request is made. */
public final class VersionIds {
  private static final int MAX_SHOWN = 64;

  private VersionIds() {}

  /**
   * Returns {@code versionIds} in lower case without duplicates, first occurrence first.
   *
   * @throws NullPointerException if the collection or an element is null, naming its position
   * @throws IllegalArgumentException if an element is not a canonical UUID, naming it and its
   *     position
   */
  public static List<String> normalize(Collection<String> versionIds) {
    Objects.requireNonNull(versionIds, "versionIds == null");
    Set<String> unique = new LinkedHashSet<>();
    int position = 0;
    for (String id : versionIds) {
      if (id == null) {
        // Not Objects.requireNonNull: its message would be built for every ID.
        throw new NullPointerException("versionIds[" + position + "] == null");
      }
      if (!CanonicalUuid.matches(id)) {
        throw new IllegalArgumentException(
            "versionIds["
                + position
                + "] is not a UUID"
                + " (expected 8-4-4-4-12 hex digits): \""
                + printable(id)
                + "\"");
      }
      unique.add(id.toLowerCase(Locale.ROOT));
      position++;
    }
    return List.copyOf(unique);
  }

  /** Returns {@code items} cut into consecutive lists of at most {@code size} items. */
  static <T> List<List<T>> partition(List<T> items, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1 but was " + size);
    }
    List<List<T>> parts = new ArrayList<>((items.size() + size - 1) / size);
    for (int from = 0; from < items.size(); from += size) {
      parts.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return parts;
  }

  /** Returns {@code text} safe to put in a message: control characters escaped, length capped. */
  static String printable(String text) {
    return printable(text, MAX_SHOWN);
  }

  /** Returns {@code text} with control characters escaped, capped at {@code max} characters. */
  static String printable(String text, int max) {
    return PrintableText.of(text, max);
  }
}
