package dev.cfbuilds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The examples inside the spec and the example files beside it must be the same JSON. */
class SpecExamplesTest {
  private static final String SPEC = "/dev/cfbuilds/spec/cloudflare-builds.openapi.yaml";
  private static final String EXAMPLES = "/dev/cfbuilds/spec/examples/";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  @Test
  void sampleResponseInSpecEqualsExampleFile() throws IOException {
    assertThat(inlineExample("200", "sample"))
        .isEqualTo(JSON.fromJson(resource(EXAMPLES + "get-builds-by-version-ids.200.json")));
  }

  @Test
  void errorExampleInSpecEqualsExampleFile() throws IOException {
    assertThat(inlineExample("4XX", "notFound"))
        .isEqualTo(JSON.fromJson(resource(EXAMPLES + "get-builds-by-version-ids.4xx.json")));
  }

  @Test
  void exampleFileIsTheSamplePrintedOnTheReferencePage() throws IOException {
    // The page prints the sample with two-space indentation and no final newline; keep it byte-for-byte.
    String sample = resource(EXAMPLES + "get-builds-by-version-ids.200.json");
    assertThat(sample).startsWith("{\n  \"errors\": [\n").endsWith("\n  }\n}");
  }

  /** Returns the named inline example of a response, passed through JSON so numbers compare alike. */
  @SuppressWarnings("unchecked")
  private static Object inlineExample(String status, String name) throws IOException {
    Map<String, Object> spec = new Yaml().load(resource(SPEC));
    Map<String, Object> node = spec;
    for (String key : new String[] {"paths", "/accounts/{account_id}/builds/builds", "get", "responses",
        status, "content", "application/json", "examples", name}) {
      node = (Map<String, Object>) node.get(key);
      assertThat(node).as("spec node %s", key).isNotNull();
    }
    return JSON.fromJson(JSON.toJson(node.get("value")));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SpecExamplesTest.class.getResourceAsStream(name)) {
      assertThat(in).as("classpath resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
