package dev.cfbuilds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Use it from Maven" section equal to the dependency blocks of {@code
 * examples/consumer/pom.xml}, the user's project that CI builds from the staged artifacts alone.
 */
class ReadmeMavenSectionTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path CONSUMER_POM = Path.of("..", "examples", "consumer", "pom.xml");
  private static final String HEADING = "## Use it from Maven";

  @Test
  void readmeShowsExactlyTheConsumersDependencyBlocks() throws IOException {
    assertThat(mavenSample(Files.readString(README, StandardCharsets.UTF_8)))
        .isEqualTo(dependencyBlocks(Files.readString(CONSUMER_POM, StandardCharsets.UTF_8)));
  }

  @Test
  void consumerImportsTheBomOfThisVersion() throws IOException {
    assertThat(dependencyBlocks(Files.readString(CONSUMER_POM, StandardCharsets.UTF_8)))
        .contains(
            "<artifactId>cfbuilds-bom</artifactId>\n<version>"
                + CloudflareBuildsClient.version()
                + "</version>");
  }

  @Test
  void catchesAReadmeThatDiffersFromTheConsumer() throws IOException {
    String consumer = dependencyBlocks(Files.readString(CONSUMER_POM, StandardCharsets.UTF_8));
    String readme =
        HEADING
            + "\n\n```xml\n"
            + consumer.replace("cfbuilds-client", "cfbuilds-client-generated")
            + "\n```\n";

    assertThat(mavenSample(readme)).isNotEqualTo(consumer);
  }

  @Test
  void namesTheMissingSection() {
    assertThatThrownBy(() -> mavenSample("# cfbuilds\n\n```xml\n<dependencies/>\n```\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("README.md has no ```xml block under \"## Use it from Maven\"");
  }

  /** Returns the first {@code ```xml} block after the section's heading, trimmed line by line. */
  private static String mavenSample(String readme) {
    Matcher m =
        Pattern.compile(Pattern.quote(HEADING) + "\\n(?:[^#\\n].*\\n|\\n)*?```xml\\n(?s:(.*?))```")
            .matcher(readme);
    if (!m.find()) {
      throw new AssertionError("README.md has no ```xml block under \"" + HEADING + "\"");
    }
    return trimLines(m.group(1));
  }

  /**
   * Returns the POM's {@code dependencyManagement} and {@code dependencies}, trimmed line by line.
   */
  private static String dependencyBlocks(String pom) {
    Matcher m =
        Pattern.compile(
                "(  <dependencyManagement>.*?</dependencyManagement>)\\s*"
                    + "(  <dependencies>.*?</dependencies>)",
                Pattern.DOTALL)
            .matcher(pom);
    assertThat(m.find()).as("dependency blocks in %s", CONSUMER_POM).isTrue();
    return trimLines(m.group(1) + "\n" + m.group(2));
  }

  /** Drops indentation and blank lines, so the README may indent the XML differently. */
  private static String trimLines(String xml) {
    return xml.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
