package dev.cfbuilds.client.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * Reads what a response says about the server's rate limits, in the two forms Cloudflare sends.
 *
 * <ul>
 *   <li>The IETF draft's structured fields ({@code draft-ietf-httpapi-ratelimit-headers}): {@code
 *       RateLimit: "default";r=50;t=30} (requests remaining, seconds until the quota resets) and
 *       {@code RateLimit-Policy: "burst";q=100;w=60} (a quota per window of seconds). Each is a
 *       list of items, a policy name followed by {@code ;key=value} parameters.
 *   <li>The older {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code
 *       X-RateLimit-Reset}; the reset is seconds from now, or, when it is large enough to be one, a
 *       Unix time in seconds.
 * </ul>
 *
 * <p>Tolerant by design: a value it cannot read (a malformed list, a missing or non-numeric
 * parameter, a negative or absurd number) is skipped, never an error, so that a header the server
 * gets wrong cannot fail a call.
 */
final class RateLimitHeaders {
  /** A reset at or above this many seconds is a Unix time (2001-09-09), not a delay. */
  static final long UNIX_TIME_THRESHOLD = 1_000_000_000L;

  /** Larger quotas are ignored: they would only cost memory and cannot bind. */
  static final long MAX_QUOTA = 100_000;

  /** Longer windows or resets are ignored as nonsense (Cloudflare's window is 5 minutes). */
  static final long MAX_SECONDS = 24 * 60 * 60;

  private RateLimitHeaders() {}

  /**
   * What the server says is left: {@code remaining} requests until {@code resetAtMillis} (on the
   * client's clock).
   */
  record Remaining(long remaining, long resetAtMillis) {}

  /** A quota the server enforces: {@code quota} requests per {@code windowSeconds}. */
  record Policy(String name, long quota, long windowSeconds) {}

  /**
   * Returns the tightest "remaining until reset" the headers state, or {@code null} if they state
   * none that can be read. The IETF field wins over the older headers when both are present.
   */
  static Remaining remaining(Headers headers, Clock clock) {
    long now = clock.millis();
    Remaining tightest = null;
    for (String value : headers.values("RateLimit")) {
      for (Item item : parseList(value)) {
        Long r = item.parameters.get("r");
        Long t = item.parameters.get("t");
        if (r == null || t == null || t > MAX_SECONDS) {
          continue;
        }
        Remaining candidate = new Remaining(r, now + t * 1000);
        if (tightest == null || candidate.remaining < tightest.remaining) {
          tightest = candidate;
        }
      }
    }
    if (tightest != null) {
      return tightest;
    }
    Long remaining = number(headers.get("X-RateLimit-Remaining"));
    Long reset = number(headers.get("X-RateLimit-Reset"));
    if (remaining == null || reset == null) {
      return null;
    }
    long resetAt = reset >= UNIX_TIME_THRESHOLD ? reset * 1000 : now + reset * 1000;
    if (resetAt - now > MAX_SECONDS * 1000) {
      return null;
    }
    return new Remaining(remaining, resetAt);
  }

  /** Returns the quotas {@code RateLimit-Policy} states that can be read, in order. */
  static List<Policy> policies(Headers headers) {
    List<Policy> policies = new ArrayList<>();
    for (String value : headers.values("RateLimit-Policy")) {
      for (Item item : parseList(value)) {
        Long q = item.parameters.get("q");
        Long w = item.parameters.get("w");
        if (q == null || w == null || q < 1 || q > MAX_QUOTA || w < 1 || w > MAX_SECONDS) {
          continue;
        }
        policies.add(new Policy(item.name, q, w));
      }
    }
    return policies;
  }

  /** One list member: a name (a string or token) and its non-negative integer parameters. */
  private record Item(String name, Map<String, Long> parameters) {}

  /**
   * Parses a structured-field list loosely: members separated by commas outside quotes, each a name
   * then {@code ;key=value} parameters. Parameters that are not non-negative integers are left out;
   * a member without a name or with an unterminated string is dropped.
   */
  private static List<Item> parseList(String value) {
    List<Item> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    for (String member : split(value, ',')) {
      List<String> parts = split(member, ';');
      if (parts.isEmpty()) {
        continue;
      }
      String name = unquote(parts.get(0).trim());
      if (name == null || name.isEmpty()) {
        continue;
      }
      Map<String, Long> parameters = new LinkedHashMap<>();
      for (String part : parts.subList(1, parts.size())) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        Long number = number(part.substring(eq + 1));
        if (number != null) {
          parameters.putIfAbsent(key, number);
        }
      }
      items.add(new Item(name, parameters));
    }
    return items;
  }

  /** Returns a non-negative integer of at most 15 digits, or {@code null}. */
  static Long number(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > 15) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Long.parseLong(digits);
  }

  /** Splits on {@code separator} outside double quotes, honouring backslash escapes in them. */
  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  /** Returns a token as is, a quoted string without its quotes, or null if a quote is unclosed. */
  private static String unquote(String text) {
    if (!text.startsWith("\"")) {
      return text.contains("\"") ? null : text;
    }
    if (text.length() < 2 || !text.endsWith("\"")) {
      return null;
    }
    return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
