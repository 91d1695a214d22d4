package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import picocli.CommandLine.IVersionProvider;

/**
 * Gives {@code --version} the project version: the client's, which the tool is built and shipped
 * with.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"cfbuilds " + CloudflareBuildsClient.version()};
  }
}
