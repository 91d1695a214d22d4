package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ERROR_EXAMPLE;
import static dev.cfbuilds.contract.SpecResources.PATH;
import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples inside the spec and the example files beside it must be the same JSON. */
class SpecExamplesTest {

  @Test
  void sampleResponseInSpecEqualsExampleFile() {
    assertThat(inlineExample("200", "sample"))
        .isEqualTo(SpecResources.jsonTree(SpecResources.read(SAMPLE)));
  }

  @Test
  void errorExampleInSpecEqualsExampleFile() {
    assertThat(inlineExample("4XX", "notFound"))
        .isEqualTo(SpecResources.jsonTree(SpecResources.read(ERROR_EXAMPLE)));
  }

  @Test
  void exampleFileIsTheSamplePrintedOnTheReferencePage() {
    // The page prints the sample with two-space indentation and no final newline; keep it
    // byte-for-byte.
    String sample = SpecResources.read(SAMPLE);
    assertThat(sample).startsWith("{\n  \"errors\": [\n").endsWith("\n  }\n}");
  }

  /**
   * Returns the named inline example of a response, passed through JSON so numbers compare alike.
   */
  private static Object inlineExample(String status, String name) {
    Object value =
        SpecResources.node(
                SpecResources.specTree(),
                "paths",
                PATH,
                "get",
                "responses",
                status,
                "content",
                "application/json",
                "examples",
                name)
            .get("value");
    return SpecResources.jsonTree(SpecResources.json(value));
  }
}
