package dev.cfbuilds.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a response body safe to commit: keeps its structure and replaces every environment-variable
 * value, and every other string under a name that looks secret, with {@value #REDACTED}.
 *
 * <p>Environment variables come in two shapes, and both are handled: a string ({@code "NAME":
 * "value"}) is replaced; an object ({@code "NAME": {"is_secret": true, "created_on": "…", "value":
 * "…"}}) keeps {@code is_secret} and {@code created_on} and has its {@code value} replaced. A name
 * looks secret when one of its words (split at {@code _}, {@code -}, {@code .} and case changes) is
 * {@code secret}, {@code password}, {@code credential(s)}, {@code private}, {@code signature},
 * {@code authorization}, {@code cookie} or {@code apikey}, or its last word is {@code token} or
 * {@code key}: {@code api_token} and {@code deploy_key} are redacted, {@code build_token_name} and
 * {@code build_token_uuid} are not.
 */
public final class Redaction {
  /** What every secret is replaced with. */
  public static final String REDACTED = "<redacted>";

  private static final String ENVIRONMENT_VARIABLES = "environment_variables";
  private static final String VALUE = "value";
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "secret",
          "secrets",
          "password",
          "passwd",
          "passphrase",
          "credential",
          "credentials",
          "private",
          "signature",
          "authorization",
          "cookie",
          "apikey");
  private static final Set<String> SECRET_LAST_WORDS = Set.of("token", "key");
  private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Redaction() {}

  /**
   * Returns {@code json} redacted and pretty-printed.
   *
   * @throws DriftInputException if {@code json} is not JSON
   */
  public static String redact(String json) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DriftInputException("not JSON: cannot redact the body");
    }
    redactTree(tree);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tells whether a property named {@code name} looks like it holds a secret. */
  static boolean looksSecret(String name) {
    List<String> words = new ArrayList<>();
    for (String word : WORD_BREAK.split(name)) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    if (words.isEmpty()) {
      return false;
    }
    return words.stream().anyMatch(SECRET_WORDS::contains)
        || SECRET_LAST_WORDS.contains(words.get(words.size() - 1));
  }

  private static void redactTree(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals(ENVIRONMENT_VARIABLES) && value instanceof ObjectNode variables) {
          redactVariables(variables);
        } else if (value.isTextual() && looksSecret(field.getKey())) {
          field.setValue(object.textNode(REDACTED));
        } else {
          redactTree(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(Redaction::redactTree);
    }
  }

  private static void redactVariables(ObjectNode variables) {
    for (Map.Entry<String, JsonNode> variable : variables.properties()) {
      JsonNode value = variable.getValue();
      if (value instanceof ObjectNode described) {
        if (described.has(VALUE) && !described.get(VALUE).isNull()) {
          described.put(VALUE, REDACTED);
        }
        redactTree(described);
      } else if (!value.isNull()) {
        variable.setValue(variables.textNode(REDACTED));
      }
    }
  }
}
