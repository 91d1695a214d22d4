package dev.cfbuilds.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.internal.RateLimitHeaders.Policy;
import dev.cfbuilds.client.internal.RateLimitHeaders.Remaining;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of what the rate-limit headers may say: each limit, just inside and just outside. */
class RateLimitHeadersTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  private static final long DAY = RateLimitHeaders.MAX_SECONDS;

  private static Remaining remaining(String... namesAndValues) {
    return RateLimitHeaders.remaining(Headers.of(namesAndValues), CLOCK);
  }

  private static Iterable<Policy> policies(String value) {
    return RateLimitHeaders.policies(Headers.of("RateLimit-Policy", value));
  }

  @Test
  void acceptsAResetOfADayAndNoMore() {
    assertThat(remaining("RateLimit", "a;r=3;t=" + DAY))
        .isEqualTo(new Remaining(3, NOW + DAY * 1000));
    assertThat(remaining("RateLimit", "a;r=3;t=" + (DAY + 1))).isNull();
  }

  @Test
  void keepsTheFirstOfTwoItemsWithAsFewRequestsLeft() {
    assertThat(remaining("RateLimit", "a;r=2;t=10, b;r=2;t=20, c;r=5;t=1"))
        .isEqualTo(new Remaining(2, NOW + 10_000));
  }

  @Test
  void takesTheTightestItemAcrossFields() {
    assertThat(remaining("RateLimit", "a;r=5;t=1", "RateLimit", "b;r=4;t=30"))
        .isEqualTo(new Remaining(4, NOW + 30_000));
  }

  @Test
  void readsTheOlderHeadersWhenThereIsNoRateLimitField() {
    assertThat(remaining("X-RateLimit-Remaining", "7", "X-RateLimit-Reset", "30"))
        .isEqualTo(new Remaining(7, NOW + 30_000));
    assertThat(remaining("X-RateLimit-Remaining", "7")).isNull();
    assertThat(remaining("X-RateLimit-Reset", "30")).isNull();
  }

  @Test
  void aResetFromTheThresholdOnIsAUnixTime() {
    long threshold = RateLimitHeaders.UNIX_TIME_THRESHOLD;
    Clock justBefore = Clock.fixed(Instant.ofEpochSecond(threshold - 60), ZoneOffset.UTC);

    assertThat(
            RateLimitHeaders.remaining(
                Headers.of(
                    "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(threshold)),
                justBefore))
        .isEqualTo(new Remaining(0, threshold * 1000));
    // One less is a delay in seconds, far more than a day: ignored.
    assertThat(
            RateLimitHeaders.remaining(
                Headers.of(
                    "X-RateLimit-Remaining",
                    "0",
                    "X-RateLimit-Reset",
                    String.valueOf(threshold - 1)),
                justBefore))
        .isNull();
  }

  @Test
  void acceptsAnOlderResetOfADayAndNoMore() {
    assertThat(remaining("X-RateLimit-Remaining", "1", "X-RateLimit-Reset", String.valueOf(DAY)))
        .isEqualTo(new Remaining(1, NOW + DAY * 1000));
    assertThat(
            remaining("X-RateLimit-Remaining", "1", "X-RateLimit-Reset", String.valueOf(DAY + 1)))
        .isNull();
  }

  @Test
  void acceptsQuotasAndWindowsAtTheirLimitsOnly() {
    long maxQuota = RateLimitHeaders.MAX_QUOTA;
    assertThat(policies("a;q=1;w=1, b;q=" + maxQuota + ";w=" + DAY))
        .containsExactly(new Policy("a", 1, 1), new Policy("b", maxQuota, DAY));
    assertThat(
            policies(
                "a;q=0;w=60, b;q=" + (maxQuota + 1) + ";w=60, c;q=5;w=0, d;q=5;w=" + (DAY + 1)))
        .isEmpty();
  }

  @Test
  void readsNamesAndParametersLoosely() {
    assertThat(policies("\"a\\\"b;c\";Q=3;w=60;x;q=9, ;q=1;w=1, \"open;q=1;w=1"))
        .containsExactly(new Policy("a\"b;c", 3, 60));
    assertThat(policies("to\"ken;q=1;w=1, \";q=1;w=1, \"\\\\\";q=2;w=2"))
        .containsExactly(new Policy("\\", 2, 2));
  }

  @Test
  void numbersAreAtMostFifteenDigits() {
    assertThat(RateLimitHeaders.number(" 999999999999999 ")).isEqualTo(999_999_999_999_999L);
    assertThat(RateLimitHeaders.number("1000000000000000")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-1", "1.5", "/", ":", "1e3", "+1"})
  void refusesWhatIsNotANonNegativeInteger(String text) {
    assertThat(RateLimitHeaders.number(text)).isNull();
  }

  @Test
  void refusesNoText() {
    assertThat(RateLimitHeaders.number(null)).isNull();
  }
}
