package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any response the models accept, reading and writing it back gives the same JSON tree (key
 * order aside). Payloads are the reference page's sample, changed at random at every level: unknown
 * properties, random enum and other texts, values of another JSON type, nulls, absences, and both
 * shapes of environment variables.
 */
class RoundTripPropertyTest {
  private static final String SAMPLE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";

  /** Reads JSON as a tree, keeping nulls, as the payloads' reference. */
  private static final JsonAdapter<Object> TREE =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private static final JsonAdapter<BuildsByVersionIdsResponse> MODELS =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  /** How often, per node, one change is made. */
  private static final double CHANGE_RATE = 0.15;

  @Property(tries = 300)
  void readingAndWritingGivesTheSameJson(@ForAll("payloads") String payload) throws IOException {
    assertThat(roundTrip(MODELS, payload)).isEqualTo(TREE.fromJson(payload));
  }

  @Property(tries = 100)
  void aCopyFromToBuilderEqualsTheModelAndWritesTheSameJson(@ForAll("payloads") String payload)
      throws IOException {
    BuildsByVersionIdsResponse read = MODELS.fromJson(payload);
    BuildsByVersionIdsResponse copy = read.toBuilder().build();

    assertThat(copy).isEqualTo(read).isNotSameAs(read);
    assertThat(TREE.fromJson(MODELS.toJson(copy))).isEqualTo(TREE.fromJson(payload));
  }

  @Example
  void payloadsChangeTheSampleInEveryWayTheTestClaims() {
    Random random = new Random(42);
    String sample = TREE.toJson(sampleTree());
    int changed = 0;
    boolean objectShape = false;
    boolean unknownField = false;
    boolean nullValue = false;
    for (int i = 0; i < 200; i++) {
      String payload = TREE.toJson(mutate(sampleTree(), random, null, true));
      changed += payload.equals(sample) ? 0 : 1;
      objectShape |= payload.contains("\"is_secret\"");
      unknownField |= payload.contains("\"x_");
      nullValue |= payload.contains(":null");
    }

    assertThat(changed).isGreaterThan(190);
    assertThat(objectShape).isTrue();
    assertThat(unknownField).isTrue();
    assertThat(nullValue).isTrue();
  }

  @Example
  void roundTripCheckFailsForACodecThatDropsNulls() throws IOException {
    JsonAdapter<Object> dropsNulls = new Moshi.Builder().build().adapter(Object.class);
    String payload = "{\"success\":true,\"result\":null}";

    assertThat(roundTrip(dropsNulls, payload)).isNotEqualTo(TREE.fromJson(payload));
  }

  private static <T> Object roundTrip(JsonAdapter<T> adapter, String payload) throws IOException {
    return TREE.fromJson(adapter.toJson(adapter.fromJson(payload)));
  }

  @Provide
  Arbitrary<String> payloads() {
    return Arbitraries.randomValue(random -> TREE.toJson(mutate(sampleTree(), random, null, true)));
  }

  /**
   * Returns {@code node} with random changes: in objects, properties replaced, nulled, removed or
   * added; in arrays, items replaced; strings replaced by random text. {@code key} is the property
   * {@code node} is the value of, or null.
   */
  @SuppressWarnings("unchecked")
  private static Object mutate(Object node, Random random, String key, boolean root) {
    if (!root && random.nextDouble() < CHANGE_RATE / 2) {
      return randomJson(random, 2);
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        double roll = random.nextDouble();
        if (roll < CHANGE_RATE / 3) {
          continue;
        }
        if (roll < CHANGE_RATE * 2 / 3) {
          object.put(entry.getKey(), null);
          continue;
        }
        Object value = entry.getValue();
        if ("environment_variables".equals(key) && random.nextBoolean()) {
          value = environmentVariableObject(random);
        }
        object.put(entry.getKey(), mutate(value, random, entry.getKey(), false));
      }
      while (random.nextDouble() < CHANGE_RATE) {
        object.put("x_" + random.nextInt(1000), randomJson(random, 3));
      }
      return object;
    }
    if (node instanceof List<?> list) {
      List<Object> array = new ArrayList<>();
      for (Object item : list) {
        array.add(mutate(item, random, null, false));
      }
      if (random.nextDouble() < CHANGE_RATE) {
        array.add(randomJson(random, 1));
      }
      return array;
    }
    if (node instanceof String && random.nextDouble() < CHANGE_RATE) {
      return randomText(random);
    }
    return node;
  }

  /** Returns an environment variable in the object shape Cloudflare's MCP server reads. */
  private static Map<String, Object> environmentVariableObject(Random random) {
    Map<String, Object> variable = new LinkedHashMap<>();
    boolean secret = random.nextBoolean();
    variable.put("is_secret", secret);
    variable.put("created_on", "2024-05-0" + (1 + random.nextInt(9)) + "T12:00:00Z");
    variable.put("value", secret ? null : randomText(random));
    return variable;
  }

  /** Returns a random JSON value of at most {@code depth} levels of nesting. */
  private static Object randomJson(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 7 : 5)) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return (double) (random.nextInt(2_000_001) - 1_000_000);
      case 3:
        return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 4:
        return randomText(random);
      case 5:
        List<Object> array = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(randomJson(random, depth - 1));
        }
        return array;
      default:
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.put("k" + random.nextInt(10), randomJson(random, depth - 1));
        }
        return object;
    }
  }

  /**
   * Returns text that may be an enum value, a date-time or UUID in another form, or anything else,
   * control characters and non-ASCII included.
   */
  private static String randomText(Random random) {
    List<String> likely =
        List.of(
            "gitlab",
            "timed_out",
            "SUCCESS",
            "",
            "2019-12-27T18:11:19.100+00:00",
            "2019-02-30T00:00:00Z",
            "182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E",
            "https://example.com/a b",
            "ünïcødé \u2028 \"quoted\" \\ \t");
    if (random.nextBoolean()) {
      return likely.get(random.nextInt(likely.size()));
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sampleTree() {
    try (InputStream in = RoundTripPropertyTest.class.getResourceAsStream(SAMPLE)) {
      return (Map<String, Object>)
          TREE.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
