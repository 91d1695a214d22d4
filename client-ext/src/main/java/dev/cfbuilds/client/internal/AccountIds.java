package dev.cfbuilds.client.internal;

import java.util.Objects;

/** Checks account identifiers before they become part of a request path. */
public final class AccountIds {
  private static final int MAX_LENGTH = 64;

  private AccountIds() {}

  /**
   * Returns {@code accountId} if it can only be an account identifier: 1 to 64 ASCII letters,
   * digits, {@code -} or {@code _} (Cloudflare's are 32 hex digits). Anything else — a slash, a
   * dot, {@code ?}, {@code #}, {@code %}, whitespace — could change which URL is requested, so it
   * is refused before any request.
   *
   * @throws NullPointerException if {@code accountId} is null
   * @throws IllegalArgumentException if it is blank, too long, or holds another character
   */
  public static String check(String accountId) {
    Objects.requireNonNull(accountId, "accountId == null");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId is blank");
    }
    if (accountId.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("accountId is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < accountId.length(); i++) {
      char c = accountId.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!allowed) {
        throw new IllegalArgumentException(
            "accountId may hold only letters, digits, '-' and '_',"
                + " but has '"
                + VersionIds.printable(String.valueOf(c))
                + "' at index "
                + i
                + ": \""
                + VersionIds.printable(accountId)
                + "\"");
      }
    }
    return accountId;
  }
}
