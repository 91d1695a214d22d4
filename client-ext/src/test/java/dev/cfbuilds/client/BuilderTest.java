package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.client.CloudflareBuildsClient.Builder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuilderTest {
  private static final String TOKEN = "secret-token-value";

  @Test
  void requiresCredentialsNamingTheEnvironmentVariables() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no Cloudflare credentials: call apiToken(...) or apiKey(...), or set"
                + " CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY");
  }

  @Test
  void rejectsANullTokenAtOnce() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().apiToken(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiToken == null");
  }

  @Test
  void rejectsATokenWithATrailingNewlineWithoutEchoingIt() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().apiToken(TOKEN + "\n").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "apiToken contains whitespace or a character not allowed in an HTTP header at index 18"
                + " (check for a trailing newline); its value is not shown")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void rejectsABlankToken() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().apiToken("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiToken is blank");
  }

  @Test
  void rejectsAnEmailWithoutAnAtSign() {
    assertThatThrownBy(
            () -> CloudflareBuildsClient.builder().apiKey("user.example.com", "key").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email must be an email address (name@domain)");
  }

  @Test
  void rejectsPlainHttpToARemoteHost() {
    assertThatThrownBy(
            () ->
                CloudflareBuildsClient.builder()
                    .apiToken(TOKEN)
                    .baseUrl("http://api.cloudflare.com/client/v4/")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseUrl must use https (plain http is allowed only to a loopback host such as"
                + " 127.0.0.1): http://api.cloudflare.com/client/v4/");
  }

  @Test
  void allowsPlainHttpToLoopback() {
    for (String url :
        List.of("http://127.0.0.1:8080/v4", "http://localhost/v4/", "http://[::1]:9/")) {
      CloudflareBuildsClient.builder().apiToken(TOKEN).baseUrl(url).build().close();
    }
  }

  @Test
  void rejectsLimitsBelowOne() {
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().maxConcurrentRequests(0))
        .hasMessage("maxConcurrentRequests must be >= 1 but was 0");
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().maxRetries(-1))
        .hasMessage("maxRetries must be >= 0 but was -1");
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().maxVersionIdsPerRequest(21))
        .hasMessage("maxVersionIdsPerRequest must be <= 20 (the API's limit) but was 21");
    assertThatThrownBy(() -> CloudflareBuildsClient.builder().timeout(Duration.ZERO))
        .hasMessage("timeout must be positive but was PT0S");
  }

  @Test
  void rejectsAnAccountIdThatWouldChangeThePath() {
    for (String bad : List.of("a/b", "..", "a?b", "a#b", "a%2Fb", "a\r\nb", "")) {
      assertThatThrownBy(() -> CloudflareBuildsClient.builder().accountId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("accountId ");
    }
  }

  @Test
  void readsTheTokenFromTheEnvironmentAndPrefersItToTheKey() {
    Builder builder =
        CloudflareBuildsClient.builder()
            .fromEnv(
                Map.of(
                    "CLOUDFLARE_API_TOKEN", TOKEN,
                    "CLOUDFLARE_EMAIL", "user@example.com",
                    "CLOUDFLARE_API_KEY", "global-key",
                    "CLOUDFLARE_ACCOUNT_ID", "acct123"));
    try (CloudflareBuildsClient client = builder.build()) {
      assertThat(client.toString()).contains("apiToken=<redacted>", "accountId=acct123");
    }
  }

  @Test
  void readsTheLegacyPairFromTheEnvironment() {
    Builder builder =
        CloudflareBuildsClient.builder()
            .fromEnv(
                Map.of("CLOUDFLARE_EMAIL", "user@example.com", "CLOUDFLARE_API_KEY", "global-key"));
    try (CloudflareBuildsClient client = builder.build()) {
      assertThat(client.toString()).contains("email=<redacted>, apiKey=<redacted>");
    }
  }

  @Test
  void namesTheMissingHalfOfTheLegacyPair() {
    assertThatThrownBy(
            () ->
                CloudflareBuildsClient.builder()
                    .fromEnv(Map.of("CLOUDFLARE_EMAIL", "user@example.com")))
        .hasMessage(
            "CLOUDFLARE_API_KEY is not set: CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY go together"
                + " (or set CLOUDFLARE_API_TOKEN)");
  }

  @Test
  void takesTheBaseUrlFromTheEnvironment() {
    try (CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .fromEnv(
                Map.of(
                    "CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", "http://127.0.0.1:1/v4"))
            .build()) {
      assertThat(client.toString()).contains("baseUrl=http://127.0.0.1:1/v4/");
    }
  }

  @Test
  void builderToStringShowsAPlainBaseUrlAsItIs() {
    assertThat(
            CloudflareBuildsClient.builder()
                .apiToken(TOKEN)
                .accountId("acct")
                .baseUrl("https://api.example.com/client/v4/"))
        .hasToString(
            "CloudflareBuildsClient.Builder{apiToken=<redacted>, accountId=acct,"
                + " baseUrl=https://api.example.com/client/v4/, maxRetries=2,"
                + " maxConcurrentRequests=4}");
  }

  @Test
  void builderToStringDropsEachPartOfTheBaseUrlThatMayHoldACredential() {
    for (String url :
        List.of(
            "https://user@api.example.com/v4/",
            "https://:pw@api.example.com/v4/",
            "https://api.example.com/v4/?k=v",
            "https://api.example.com/v4/#k")) {
      assertThat(CloudflareBuildsClient.builder().baseUrl(url))
          .as(url)
          .hasToString(
              "CloudflareBuildsClient.Builder{no credentials, accountId=null,"
                  + " baseUrl=https://api.example.com/v4/ (redacted), maxRetries=2,"
                  + " maxConcurrentRequests=4}");
    }
  }

  @Test
  void failsWithoutADefaultAccount() {
    try (CloudflareBuildsClient client = CloudflareBuildsClient.builder().apiToken(TOKEN).build()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds(List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "no default account: pass an accountId, or set one with Builder.accountId(...) or"
                  + " CLOUDFLARE_ACCOUNT_ID");
    }
  }

  @Test
  void everySetterReturnsItsBuilderAndTakesTheEdgeOfItsRange() {
    Builder builder = CloudflareBuildsClient.builder();

    assertThat(
            List.of(
                builder.apiKey("user@example.com", "global-key"),
                builder.apiToken(TOKEN),
                builder.accountId("acct"),
                builder.baseUrl("http://127.0.0.1:1/v4/"),
                builder.maxRetries(0),
                builder.maxRetryAfter(Duration.ZERO),
                builder.rateLimit(1, Duration.ofMillis(1)),
                builder.noRateLimit(),
                builder.cacheTerminalBuilds(0),
                builder.maxConcurrentRequests(1),
                builder.maxVersionIdsPerRequest(CloudflareBuildsClient.MAX_VERSION_IDS_PER_REQUEST),
                builder.connectTimeout(Duration.ofMillis(1)),
                builder.timeout(Duration.ofMillis(1)),
                builder.callTimeout(Duration.ofMillis(1)),
                builder.logLevel(LogLevel.NONE),
                builder.logger(line -> {}),
                builder.sleeper(Sleeper.system()),
                builder.clock(java.time.Clock.systemUTC()),
                builder.progressListener(ProgressListener.NONE),
                builder.fromEnv(Map.of())))
        .allSatisfy(returned -> assertThat(returned).isSameAs(builder));
    builder.build().close();
  }
}
