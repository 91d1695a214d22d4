package dev.cfbuilds.drift;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Names the one operation cfbuilds describes, and loads our spec from the {@code cfbuilds-spec}
 * jar.
 */
public final class OurSpec {
  /** The operation's path template, as our spec and Cloudflare's document write it. */
  public static final String PATH = "/accounts/{account_id}/builds/builds";

  /** The operation's HTTP method. */
  public static final String METHOD = "GET";

  /** Where the {@code cfbuilds-spec} jar keeps our spec. */
  static final String RESOURCE = "/dev/cfbuilds/spec/cloudflare-builds.openapi.yaml";

  private OurSpec() {}

  /** Returns our spec's YAML text. */
  public static String yaml() {
    try (InputStream in = OurSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the cfbuilds-spec jar is not on the classpath: no " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
