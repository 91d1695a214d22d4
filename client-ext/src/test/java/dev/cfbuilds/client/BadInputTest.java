package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every kind of bad argument to the builder and the calls: each is refused with a message
 * that names the parameter and never holds a credential, before any request is sent.
 */
class BadInputTest {
  private static final String TOKEN = "tok-SECRET-5e1d0c";
  private static final String KEY = "key-SECRET-93ab7f";
  private static final String GOOD_ID = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";
  private static final String UUID_HINT = " is not a UUID (expected 8-4-4-4-12 hex digits): ";
  private static final String ACCOUNT_CHARS =
      "accountId may hold only letters, digits, '-' and '_', but has ";

  private final BuildsServer server = new BuildsServer();
  private final CloudflareBuildsClient client = server.clientBuilder().apiToken(TOKEN).build();

  BadInputTest() throws Exception {}

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  /**
   * What is done with a fresh builder (pointed at the server, with a valid token) and the client.
   */
  interface Misuse {
    void apply(Builder builder, CloudflareBuildsClient client);
  }

  static Stream<Arguments> badInputs() {
    List<Arguments> rows = new ArrayList<>();
    // Account IDs, at call time and in the builder.
    Map<String, String> accounts = new LinkedHashMap<>();
    accounts.put("", "accountId is blank");
    accounts.put("   ", "accountId is blank");
    accounts.put("\t\n", "accountId is blank");
    accounts.put("acct/other", ACCOUNT_CHARS + "'/' at index 4: \"acct/other\"");
    accounts.put("..", ACCOUNT_CHARS + "'.' at index 0: \"..\"");
    accounts.put("acct?x=1", ACCOUNT_CHARS + "'?' at index 4: \"acct?x=1\"");
    accounts.put("acct#x", ACCOUNT_CHARS + "'#' at index 4: \"acct#x\"");
    accounts.put("acct%2Fother", ACCOUNT_CHARS + "'%' at index 4: \"acct%2Fother\"");
    accounts.put(
        "acct\r\nX-Injected: 1",
        ACCOUNT_CHARS + "'\\u000d' at index 4: \"acct\\u000d\\u000aX-Injected: 1\"");
    accounts.put("a".repeat(65), "accountId is longer than 64 characters");
    accounts.forEach(
        (account, message) -> {
          rows.add(
              row(
                  "call: accountId " + shown(account),
                  IllegalArgumentException.class,
                  message,
                  (b, c) -> c.getBuildsByVersionIds(account, List.of(GOOD_ID))));
          rows.add(
              row(
                  "builder: accountId " + shown(account),
                  IllegalArgumentException.class,
                  message,
                  (b, c) -> b.accountId(account)));
        });
    rows.add(
        row(
            "call: accountId null",
            NullPointerException.class,
            "accountId == null",
            (b, c) -> c.lookupBuildsByVersionIds(null, List.of(GOOD_ID))));
    rows.add(
        row(
            "builder: accountId null",
            NullPointerException.class,
            "accountId == null",
            (b, c) -> b.accountId(null)));
    rows.add(
        row(
            "call: no default account",
            IllegalStateException.class,
            "no default account: pass an"
                + " accountId, or set one with Builder.accountId(...) or CLOUDFLARE_ACCOUNT_ID",
            (b, c) -> c.getBuildsByVersionIds(List.of(GOOD_ID))));

    // Version IDs.
    rows.add(
        row(
            "call: versionIds null",
            NullPointerException.class,
            "versionIds == null",
            (b, c) -> c.getBuildsByVersionIds("acct", null)));
    rows.add(
        row(
            "call: a null version ID",
            NullPointerException.class,
            "versionIds[1] == null",
            (b, c) -> c.async().lookupBuildsByVersionIds("acct", Arrays.asList(GOOD_ID, null))));
    rows.add(
        row(
            "call: version ID too short",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of(GOOD_ID.substring(0, 35)))));
    rows.add(
        row(
            "call: version ID with wrong separators",
            IllegalArgumentException.class,
            "versionIds[1]" + UUID_HINT + "\"8e5e3a2a_1d7e_4a1b_9c7d_2f4e6b8a0c1e\"",
            (b, c) ->
                c.getBuildsByVersionIds("acct", List.of(GOOD_ID, GOOD_ID.replace('-', '_')))));
    rows.add(
        row(
            "call: version ID without separators",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"8e5e3a2a1d7e4a1b9c7d2f4e6b8a0c1e\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of(GOOD_ID.replace("-", "")))));
    rows.add(
        row(
            "call: version ID with a non-hex digit",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1g\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of(GOOD_ID.substring(0, 35) + "g"))));
    rows.add(
        row(
            "call: version ID of 100 control characters",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"" + "\\u0001".repeat(11) + "…(100 chars)\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of("\u0001".repeat(100)))));
    rows.add(
        row(
            "call: version ID with a full-width digit",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"８" + GOOD_ID.substring(1) + "\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of("８" + GOOD_ID.substring(1)))));
    rows.add(
        row(
            "call: version ID with CR/LF",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"abc\\u000d\\u000aX-Injected: 1\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of("abc\r\nX-Injected: 1"))));
    rows.add(
        row(
            "call: version ID in braces",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"{8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e}\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of("{" + GOOD_ID + "}"))));
    rows.add(
        row(
            "call: version ID with a query",
            IllegalArgumentException.class,
            "versionIds[0]" + UUID_HINT + "\"8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e&x=1\"",
            (b, c) -> c.getBuildsByVersionIds("acct", List.of(GOOD_ID + "&x=1"))));

    // Credentials: never echoed.
    rows.add(
        row(
            "builder: apiToken null",
            NullPointerException.class,
            "apiToken == null",
            (b, c) -> b.apiToken(null)));
    rows.add(
        row(
            "builder: apiToken empty",
            IllegalArgumentException.class,
            "apiToken is blank",
            (b, c) -> b.apiToken("").build()));
    rows.add(
        row(
            "builder: apiToken blank",
            IllegalArgumentException.class,
            "apiToken is blank",
            (b, c) -> b.apiToken(" \t").build()));
    rows.add(
        row(
            "builder: apiToken with CR/LF",
            IllegalArgumentException.class,
            headerMessage("apiToken", 17),
            (b, c) -> b.apiToken(TOKEN + "\r\n").build()));
    rows.add(
        row(
            "builder: apiToken with a space",
            IllegalArgumentException.class,
            headerMessage("apiToken", 3),
            (b, c) -> b.apiToken(TOKEN.replace('-', ' ')).build()));
    rows.add(
        row(
            "builder: apiToken with a non-ASCII letter",
            IllegalArgumentException.class,
            headerMessage("apiToken", 0),
            (b, c) -> b.apiToken("ŧ" + TOKEN).build()));
    rows.add(
        row(
            "builder: email null",
            NullPointerException.class,
            "email == null",
            (b, c) -> b.apiKey(null, KEY)));
    rows.add(
        row(
            "builder: apiKey null",
            NullPointerException.class,
            "apiKey == null",
            (b, c) -> b.apiKey("person@example.com", null)));
    rows.add(
        row(
            "builder: email without @",
            IllegalArgumentException.class,
            "email must be an email address (name@domain)",
            (b, c) -> b.apiKey("SECRET.example.com", KEY).build()));
    rows.add(
        row(
            "builder: email starting with @",
            IllegalArgumentException.class,
            "email must be an email address (name@domain)",
            (b, c) -> b.apiKey("@SECRET.example", KEY).build()));
    rows.add(
        row(
            "builder: apiKey blank",
            IllegalArgumentException.class,
            "apiKey is blank",
            (b, c) -> b.apiKey("person@example.com", "  ").build()));
    rows.add(
        row(
            "builder: apiKey with LF",
            IllegalArgumentException.class,
            headerMessage("apiKey", 17),
            (b, c) -> b.apiKey("person@example.com", KEY + "\n").build()));
    rows.add(
        row(
            "env: CLOUDFLARE_EMAIL without CLOUDFLARE_API_KEY",
            IllegalArgumentException.class,
            "CLOUDFLARE_API_KEY is not set: CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY go together"
                + " (or set CLOUDFLARE_API_TOKEN)",
            (b, c) -> b.fromEnv(Map.of("CLOUDFLARE_EMAIL", "person@example.com"))));

    // Base URLs.
    rows.add(
        row(
            "builder: baseUrl null",
            NullPointerException.class,
            "baseUrl == null",
            (b, c) -> b.baseUrl(null)));
    rows.add(
        row(
            "builder: http:// to a remote host",
            IllegalArgumentException.class,
            "baseUrl must use https (plain http is allowed only to a loopback host such as 127.0.0.1):"
                + " http://api.cloudflare.com/client/v4/",
            (b, c) -> b.baseUrl("http://api.cloudflare.com/client/v4/").build()));
    rows.add(
        row(
            "builder: http:// to a private address",
            IllegalArgumentException.class,
            "baseUrl must use https (plain http is allowed only to a loopback host such as 127.0.0.1):"
                + " http://10.0.0.1/client/v4/",
            (b, c) -> b.baseUrl("http://10.0.0.1/client/v4/").build()));
    rows.add(
        row(
            "builder: http:// to a name ending in localhost",
            IllegalArgumentException.class,
            "baseUrl must use https (plain http is allowed only to a loopback host such as 127.0.0.1):"
                + " http://localhost.example.com/",
            (b, c) -> b.baseUrl("http://localhost.example.com/").build()));
    rows.add(
        row(
            "builder: baseUrl with a password",
            IllegalArgumentException.class,
            "baseUrl must not hold a user name or password",
            (b, c) -> b.baseUrl("https://user:" + KEY + "@api.cloudflare.com/client/v4/").build()));
    rows.add(
        row(
            "builder: baseUrl with a query",
            IllegalArgumentException.class,
            "baseUrl must not have a query or fragment: https://api.cloudflare.com/...",
            (b, c) -> b.baseUrl("https://api.cloudflare.com/client/v4/?token=" + TOKEN).build()));
    rows.add(
        row(
            "builder: baseUrl not a URL (the token by mistake)",
            IllegalArgumentException.class,
            "baseUrl is not an http or https URL; its value is not shown, in case it is a credential",
            (b, c) -> b.baseUrl(TOKEN).build()));
    rows.add(
        row(
            "builder: baseUrl ftp:// with a password",
            IllegalArgumentException.class,
            "baseUrl is not an http or https URL; its value is not shown, in case it is a credential",
            (b, c) -> b.baseUrl("ftp://user:" + KEY + "@example.com/").build()));

    // Limits.
    rows.add(
        row(
            "builder: maxConcurrentRequests 0",
            IllegalArgumentException.class,
            "maxConcurrentRequests must be >= 1 but was 0",
            (b, c) -> b.maxConcurrentRequests(0)));
    rows.add(
        row(
            "builder: maxConcurrentRequests -1",
            IllegalArgumentException.class,
            "maxConcurrentRequests must be >= 1 but was -1",
            (b, c) -> b.maxConcurrentRequests(-1)));
    rows.add(
        row(
            "builder: maxVersionIdsPerRequest 0",
            IllegalArgumentException.class,
            "maxVersionIdsPerRequest must be >= 1 but was 0",
            (b, c) -> b.maxVersionIdsPerRequest(0)));
    rows.add(
        row(
            "builder: maxVersionIdsPerRequest -5",
            IllegalArgumentException.class,
            "maxVersionIdsPerRequest must be >= 1 but was -5",
            (b, c) -> b.maxVersionIdsPerRequest(-5)));
    rows.add(
        row(
            "builder: maxVersionIdsPerRequest 21",
            IllegalArgumentException.class,
            "maxVersionIdsPerRequest must be <= 20 (the API's limit) but was 21",
            (b, c) -> b.maxVersionIdsPerRequest(21)));
    rows.add(
        row(
            "builder: maxRetries -1",
            IllegalArgumentException.class,
            "maxRetries must be >= 0 but was -1",
            (b, c) -> b.maxRetries(-1)));
    rows.add(
        row(
            "builder: timeout 0",
            IllegalArgumentException.class,
            "timeout must be positive but was PT0S",
            (b, c) -> b.timeout(Duration.ZERO)));
    rows.add(
        row(
            "builder: timeout -1 s",
            IllegalArgumentException.class,
            "timeout must be positive but was PT-1S",
            (b, c) -> b.timeout(Duration.ofSeconds(-1))));
    rows.add(
        row(
            "builder: connectTimeout 0",
            IllegalArgumentException.class,
            "connectTimeout must be positive but was PT0S",
            (b, c) -> b.connectTimeout(Duration.ZERO)));
    rows.add(
        row(
            "builder: maxRetryAfter -1 s",
            IllegalArgumentException.class,
            "maxRetryAfter must not be negative but was PT-1S",
            (b, c) -> b.maxRetryAfter(Duration.ofSeconds(-1))));
    rows.add(
        row(
            "builder: timeout null",
            NullPointerException.class,
            "timeout == null",
            (b, c) -> b.timeout(null)));
    rows.add(
        row(
            "builder: sleeper null",
            NullPointerException.class,
            "sleeper == null",
            (b, c) -> b.sleeper(null)));
    rows.add(
        row(
            "builder: clock null",
            NullPointerException.class,
            "clock == null",
            (b, c) -> b.clock(null)));
    rows.add(
        row(
            "builder: logger null",
            NullPointerException.class,
            "logger == null",
            (b, c) -> b.logger(null)));
    rows.add(
        row(
            "builder: okHttpClient null",
            NullPointerException.class,
            "okHttpClient == null",
            (b, c) -> b.okHttpClient(null)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void refusesBadInputNamingTheParameterWithoutSendingAnything(
      String name, Class<? extends Throwable> type, String message, Misuse misuse) {
    Builder builder = server.clientBuilder().apiToken(TOKEN);

    Throwable thrown = catchThrowable(() -> misuse.apply(builder, client));

    assertThat(thrown).isExactlyInstanceOf(type).hasMessage(message);
    assertThat(thrown.getMessage()).doesNotContain("SECRET");
    assertThat(server.requests()).isEmpty();
  }

  private static Arguments row(
      String name, Class<? extends Throwable> type, String message, Misuse misuse) {
    return Arguments.of(name, type, message, misuse);
  }

  private static String headerMessage(String name, int index) {
    return name
        + " contains whitespace or a character not allowed in an HTTP header at index "
        + index
        + " (check for a trailing newline); its value is not shown";
  }

  private static String shown(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .chars()
        .limit(12)
        .forEach(c -> out.append(c < ' ' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.append(value.length() > 12 ? "…\"" : "\"").toString();
  }
}
