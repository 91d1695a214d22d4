package dev.cfbuilds.cli;

import dev.cfbuilds.client.EnvironmentVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the account and credentials the way every subcommand that calls the API does: {@code
 * --account-id} or {@code CLOUDFLARE_ACCOUNT_ID}, and {@code --api-token-file} or the environment.
 */
final class ApiAccess {
  private ApiAccess() {}

  /** Returns {@code option} if given, else {@code CLOUDFLARE_ACCOUNT_ID} from {@code env}. */
  static String accountId(String option, Map<String, String> env) {
    String account = option != null ? option : env.get(EnvironmentVariables.ACCOUNT_ID);
    if (account == null || account.isBlank()) {
      throw new UsageException(
          "no account ID: pass --account-id or set " + EnvironmentVariables.ACCOUNT_ID);
    }
    return account;
  }

  /**
   * Returns the environment the client reads, with the token from {@code apiTokenFile} if given (it
   * then replaces an email and Global API key).
   */
  static Map<String, String> environment(Path apiTokenFile, Map<String, String> env) {
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
