package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-written URL check that the decoding benchmark's profile led to: the check of
 * {@code uri} text must decide exactly as {@code new URI} does, and its fast path must take the
 * URLs the API sends and nothing {@code new URI} rejects.
 */
class UriFastPathTest {
  private static final String ALPHABET = "aZ09.-_~!$&'()*+,;=:@/?#%[] \"<>\\^`{|}éAf";

  @Test
  void takesTheUrlsTheApiSendsOnTheFastPath() {
    for (String url :
        List.of(
            "https://github.com/cloudflare/workers-sdk/pull/123",
            "https://gitlab.com/group/sub-group/project/-/merge_requests/7",
            "https://my-worker.my-account.workers.dev",
            "https://0f3e2d1c-my-worker.my-account.workers.dev/",
            "http://localhost:8787/path?a=1&b=%2F#top")) {
      assertThat(ScalarAdapters.isCommonUri(url)).as(url).isTrue();
      assertDecidesLikeNewUri(url);
    }
  }

  @Test
  void theFastPathTakesEveryCharacterItAllowsAndStopsAtTheFirstItDoesNot() {
    for (String url :
        List.of(
            "https://azAZ09.-:09/azAZ09._~!$&'()*+,;=:@/?%aF%09%90/?#azAZ09/?",
            "https://h", "https://h/", "https://h?q", "https://h#f", "http://h:1")) {
      assertThat(ScalarAdapters.isCommonUri(url)).as(url).isTrue();
    }
    for (String url :
        List.of(
            "https://`/",
            "https://{/",
            "https://@/",
            "https://[/",
            "https://h:/",
            "https://h:/0",
            "https://h:a",
            "https://h:9a",
            "https://h/%",
            "https://h/%a",
            "https://h/%g0",
            "https://h/%0g",
            "https://h/\u0080",
            "https://h/a b",
            "https://h#a#b",
            "https:/h",
            "http:h")) {
      assertThat(ScalarAdapters.isCommonUri(url)).as(url).isFalse();
    }
  }

  @Test
  void decidesLikeNewUriOnEdgeCases() {
    for (String input :
        List.of(
            "https://",
            "https:///path",
            "https://host:",
            "https://host:/",
            "https://host:80x",
            "https://user@host/",
            "https://[::1]/",
            "https://host/a b",
            "https://host/%",
            "https://host/%2",
            "https://host/%2G",
            "https://host/a#b#c",
            "https://host/é",
            "https://host?q",
            "https://host#",
            "https://-/",
            "https://./",
            "HTTPS://host/",
            "ftp://host/",
            "mailto:a@b",
            "not a uri",
            "")) {
      assertDecidesLikeNewUri(input);
    }
  }

  @Test
  void decidesLikeNewUriOnRandomValues() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
      int length = random.nextInt(24);
      for (int c = 0; c < length; c++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertDecidesLikeNewUri(text.toString());
    }
  }

  /** The check the models keep {@code uri} text by agrees with the JDK's parser. */
  private static void assertDecidesLikeNewUri(String input) {
    boolean accepted = accepted(input);
    assertThat(TextValues.validator("uri").test(input)).as(input).isEqualTo(accepted);
    if (ScalarAdapters.isCommonUri(input)) {
      assertThat(accepted).as("the fast path took %s, which new URI rejects", input).isTrue();
    }
  }

  private static boolean accepted(String text) {
    try {
      new URI(text);
      return true;
    } catch (URISyntaxException rejected) {
      return false;
    }
  }
}
