package dev.cfbuilds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * What the command tests share about the API they point the command at: its account and token, the
 * environment that names a loopback server, and the sample payload.
 */
final class ApiFixture {
  /** The token the tests give the command; {@link CliRun} checks that no run prints it. */
  static final String TOKEN = "s3cr3t-t0ken-never-printed";

  static final String ACCOUNT = "acct123";

  /** A well-formed version ID. */
  static final String A = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";

  private static final String SAMPLE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";

  private ApiFixture() {}

  /**
   * Returns the environment that sends the command to {@code server} with the token and account.
   */
  static Map<String, String> serverEnv(MockWebServer server) {
    return Map.of(
        "CLOUDFLARE_API_TOKEN",
        TOKEN,
        "CLOUDFLARE_ACCOUNT_ID",
        ACCOUNT,
        "CLOUDFLARE_BASE_URL",
        server.url("/client/v4/").toString());
  }

  /** Returns the spec's sample 200 body: one build, of the version {@code "foo"}. */
  static String sample() {
    return resource(SAMPLE);
  }

  /** Returns the sample 200 body with its build keyed by {@code versionId}. */
  static String sampleWithBuildFor(String versionId) {
    return sample().replace("\"foo\"", "\"" + versionId + "\"");
  }

  /** Returns the class-path resource {@code name} as UTF-8 text. */
  static String resource(String name) {
    try (InputStream in = ApiFixture.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
