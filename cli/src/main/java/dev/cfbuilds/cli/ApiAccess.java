package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.EnvironmentVariables;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Adds {@code --account-id}, {@code --api-token-file} and {@code --rate-limit} to a subcommand that
 * calls the API (a picocli mixin), and reads the account and credentials the way every such
 * subcommand does: the option, else the environment.
 *
 * <p>A command can reword the two options' help in its resource bundle, under the keys {@code
 * account-id} and {@code api-token-file}, as {@code drift} does to say they go with {@code --live}.
 */
final class ApiAccess {
  /**
   * Lists the environment variables the client reads, as lines of a help footer with {@code %n}
   * between them.
   */
  static final String ENVIRONMENT_HELP =
      "  CLOUDFLARE_API_TOKEN    an API token with Workers CI Read, or%n"
          + "  CLOUDFLARE_EMAIL and%n"
          + "  CLOUDFLARE_API_KEY      an account email and its Global API key%n"
          + "  CLOUDFLARE_ACCOUNT_ID   the default for --account-id%n"
          + "  CLOUDFLARE_BASE_URL     the API root, for a proxy or stub%n"
          + "  CFBUILDS_REDIS_URL      redis://host:port/db: share one rate budget and%n"
          + "                          build cache with every process using it";

  /** The environment variable naming the Redis that every command shares its budget through. */
  static final String REDIS_URL = "CFBUILDS_REDIS_URL";

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "Cloudflare account ID. Default: $CLOUDFLARE_ACCOUNT_ID.")
  private String accountId;

  @Option(
      names = "--api-token-file",
      paramLabel = "FILE",
      description = "Read the API token from FILE instead of $CLOUDFLARE_API_TOKEN.")
  private Path apiTokenFile;

  @Option(
      names = "--rate-limit",
      paramLabel = "N/DURATION",
      converter = RateLimitOption.Converter.class,
      description =
          "Send at most N requests in any window of DURATION (ms, s, m or h), such as 1000/5m."
              + " Default: Cloudflare's 1200/5m. With $CFBUILDS_REDIS_URL, across every process"
              + " sharing it.")
  private RateLimitOption rateLimit;

  /**
   * Applies {@code --rate-limit} to {@code builder}, and, if {@code CFBUILDS_REDIS_URL} is set in
   * {@code env}, shares the budget and the build cache through that Redis. Returns the store, which
   * the caller closes after the client, or {@code null}.
   *
   * @throws UsageException if {@code CFBUILDS_REDIS_URL} is not a Redis URI
   */
  RedisStore share(CloudflareBuildsClient.Builder builder, Map<String, String> env) {
    if (rateLimit != null) {
      builder.rateLimit(rateLimit.requests(), rateLimit.per());
    }
    String url = env.get(REDIS_URL);
    if (url == null || url.isBlank()) {
      return null;
    }
    RedisStore store;
    try {
      store = RedisStore.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException(REDIS_URL + ": " + e.getMessage());
    }
    builder.sharedStore(store);
    return store;
  }

  /** Returns {@code --account-id} if given, else {@code CLOUDFLARE_ACCOUNT_ID} from {@code env}. */
  String accountId(Map<String, String> env) {
    String account = accountId != null ? accountId : env.get(EnvironmentVariables.ACCOUNT_ID);
    if (account == null || account.isBlank()) {
      throw new UsageException(
          "no account ID: pass --account-id or set " + EnvironmentVariables.ACCOUNT_ID);
    }
    return account;
  }

  /** Returns {@code --account-id} if given, else {@code fallback}: the demo's account. */
  String accountIdOr(String fallback) {
    return accountId != null ? accountId : fallback;
  }

  /**
   * Returns the environment the client reads, with the token from {@code --api-token-file} if given
   * (it then replaces an email and Global API key).
   */
  Map<String, String> environment(Map<String, String> env) {
    if (apiTokenFile == null) {
      return env;
    }
    String token = readFile(apiTokenFile).strip();
    if (token.isEmpty()) {
      throw new UsageException("the API token file " + apiTokenFile + " is empty");
    }
    Map<String, String> withToken = new HashMap<>(env);
    withToken.remove(EnvironmentVariables.EMAIL);
    withToken.remove(EnvironmentVariables.API_KEY);
    withToken.put(EnvironmentVariables.API_TOKEN, token);
    return withToken;
  }

  /** Returns {@code file} as UTF-8 text, or fails with a usage error naming it. */
  static String readFile(Path file) {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  /** Returns the bytes of {@code file}, or fails with a usage error naming it. */
  static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e);
    }
  }
}
