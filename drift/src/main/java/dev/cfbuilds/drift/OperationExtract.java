package dev.cfbuilds.drift;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Cuts a large OpenAPI document down to the path items of our spec and the components they reach,
 * reading it as a stream so that the thousands of other operations are skipped, never built as a
 * tree.
 *
 * <p>The first pass keeps the top-level fields except {@code paths} and {@code components}, and
 * each path item whose template is one of ours, parameter names aside. Each further pass over
 * {@code components} keeps the entries that what was kept so far {@code $ref}s, until a pass finds
 * no new one (one pass per level of nesting). Only local {@code #/components/…} references are
 * followed, by name; resolving them is left to swagger-parser, which gets the extract. A YAML
 * document is first copied to JSON, token by token.
 */
final class OperationExtract {
  private static final String COMPONENTS_PREFIX = "#/components/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] document;

  private OperationExtract(byte[] document) {
    this.document = document;
  }

  /**
   * Returns the extract of {@code document} (JSON or YAML) holding the path items whose templates
   * are among {@code paths}, parameter names aside: the first of each, in document order.
   *
   * @throws DriftInputException if the document is not a JSON or YAML object, or has none of the
   *     paths
   */
  static ObjectNode extract(byte[] document, Collection<String> paths) {
    try {
      byte[] json = looksLikeJson(document) ? document : yamlToJson(document);
      return new OperationExtract(json).run(paths);
    } catch (IOException e) {
      throw new DriftInputException("not a JSON or YAML OpenAPI document: " + e.getMessage(), e);
    }
  }

  private ObjectNode run(Collection<String> wantedPaths) throws IOException {
    ObjectNode extract = JSON.createObjectNode();
    ObjectNode paths = extract.putObject("paths");
    try (JsonParser parser = JSON.createParser(document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new DriftInputException("not an OpenAPI document: the top level is not an object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("paths")) {
          keepPaths(parser, wantedPaths, paths);
        } else if (field.equals("components") || field.equals("webhooks")) {
          parser.skipChildren();
        } else {
          extract.set(field, JSON.readTree(parser));
        }
      }
    }
    if (paths.isEmpty()) {
      throw new DriftInputException(
          "the document has none of our spec's paths: " + String.join(", ", wantedPaths));
    }
    Set<String> wanted = new LinkedHashSet<>();
    collectRefs(extract, wanted);
    ObjectNode components = extract.putObject("components");
    Set<String> kept = new HashSet<>();
    while (!kept.containsAll(wanted)) {
      int before = kept.size();
      keepComponents(wanted, kept, components);
      if (kept.size() == before) {
        break; // The rest do not exist; swagger-parser reports them.
      }
    }
    return extract;
  }

  private void keepPaths(JsonParser parser, Collection<String> wantedPaths, ObjectNode paths)
      throws IOException {
    Set<String> wanted = new HashSet<>();
    for (String path : wantedPaths) {
      wanted.add(template(path));
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String candidate = parser.currentName();
      parser.nextToken();
      // remove(): a second path of the same template (another parameter name) is not read.
      if (wanted.remove(template(candidate))) {
        paths.set(candidate, JSON.readTree(parser));
      } else {
        parser.skipChildren();
      }
    }
  }

  /** Makes one pass over {@code components}, keeping the wanted entries not kept yet. */
  private void keepComponents(Set<String> wanted, Set<String> kept, ObjectNode components)
      throws IOException {
    try (JsonParser parser = JSON.createParser(document)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (!field.equals("components") || parser.currentToken() != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String section = parser.currentName();
          if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            continue;
          }
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            String ref = COMPONENTS_PREFIX + section + "/" + escape(name);
            if (wanted.contains(ref) && kept.add(ref)) {
              JsonNode entry = JSON.readTree(parser);
              components.withObjectProperty(section).set(name, entry);
              collectRefs(entry, wanted);
            } else {
              parser.skipChildren();
            }
          }
        }
      }
    }
  }

  /** Adds every local component {@code $ref} under {@code node} to {@code refs}. */
  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals("$ref")
            && value.isTextual()
            && value.asText().startsWith(COMPONENTS_PREFIX)) {
          refs.add(value.asText());
        } else {
          collectRefs(value, refs);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectRefs(element, refs);
      }
    }
  }

  /** Returns a path template with its parameter names dropped: {@code /accounts/{}/builds}. */
  static String template(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  /** Escapes a name for a JSON pointer, as a {@code $ref} writes it. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static boolean looksLikeJson(byte[] document) {
    for (byte b : document) {
      if (b == '{') {
        return true;
      }
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return false;
      }
    }
    return false;
  }

  /**
   * Copies a YAML document to JSON, token by token, so that the passes over it read JSON: one YAML
   * parse instead of one per pass, and JSON is several times faster to parse.
   */
  private static byte[] yamlToJson(byte[] yaml) throws IOException {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML stops at 3 MB by default; Cloudflare's document is tens of MB.
    options.setCodePointLimit(Integer.MAX_VALUE);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    ByteArrayOutputStream json = new ByteArrayOutputStream(yaml.length);
    try (JsonParser parser = factory.createParser(yaml);
        JsonGenerator generator = JSON.createGenerator(json)) {
      if (parser.nextToken() == null) {
        throw new DriftInputException("not an OpenAPI document: it is empty");
      }
      generator.copyCurrentStructure(parser);
    }
    return json.toByteArray();
  }
}
