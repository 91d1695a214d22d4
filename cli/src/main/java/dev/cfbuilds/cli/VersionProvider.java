package dev.cfbuilds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Gives {@code --version} the Maven project version, from a resource filtered at build time. */
final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/dev/cfbuilds/cli/cfbuilds-cli.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"cfbuilds " + version()};
  }

  /** Returns the project version, such as {@code 0.1.0}. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
