package dev.cfbuilds.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.EnvironmentVariables;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.redis.testing.RedisServer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keeps the samples of this module's README.md and of the root README's "Many processes" section
 * compiling and working, against a real Redis and a stub of the API. {@code mvn verify} compiles
 * it; running it takes over 5 minutes (the sample keeps Cloudflare's 5-minute window, and a fresh
 * Redis admits nothing in its first window), so it is tagged {@code slow} and runs with {@code
 * -DexcludedGroups=}.
 */
@Tag("slow")
class ReadmeSampleTest {
  @Test
  void theRedisSampleRuns() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      redis.awaitFirstWindow(Duration.ofMinutes(5).plusSeconds(5));
      StubApi api = new StubApi();
      try {
        Map<String, String> env =
            Map.of(
                EnvironmentVariables.API_TOKEN,
                "test-token",
                EnvironmentVariables.BASE_URL,
                api.baseUrl(),
                EnvironmentVariables.ACCOUNT_ID,
                StubApi.ACCOUNT);
        assertThat(sample(redis.uri(), env, StubApi.ids(3))).hasSize(3);
        assertThat(sample(redis.uri(), env, StubApi.ids(3))).hasSize(3);
        assertThat(api.arrivals()).hasSize(1); // the second run found the stopped builds in Redis
      } finally {
        api.close();
      }
    }
  }

  /** The README's sample, with the URI and the environment as parameters. */
  private static Map<String, Build> sample(
      String uri, Map<String, String> environment, Collection<String> versionIds) {
    // README: begin
    try (RedisStore store = RedisStore.create(uri);
        CloudflareBuildsClient client =
            CloudflareBuildsClient.builder().fromEnv(environment).sharedStore(store).build()) {
      Map<String, Build> builds = client.getBuildsByVersionIds(versionIds);
      return builds;
    }
    // README: end
  }
}
