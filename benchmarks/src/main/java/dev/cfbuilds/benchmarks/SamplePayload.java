package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Builds response bodies from the spec's sample response: its envelope as it is, and its one build
 * under each version ID asked for. Bodies are compact JSON, as the API sends them.
 */
public final class SamplePayload {
  /** Where the {@code cfbuilds-spec} jar keeps the sample 200 response. */
  public static final String RESOURCE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";

  private final String beforeResult;
  private final String afterResult;
  private final String build;

  private SamplePayload(String beforeResult, String afterResult, String build) {
    this.beforeResult = beforeResult;
    this.afterResult = afterResult;
    this.build = build;
  }

  /** Reads the sample from the classpath. */
  public static SamplePayload load() {
    try (InputStream in = SamplePayload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (cfbuilds-spec)");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the sample build as compact JSON. */
  public String buildJson() {
    return build;
  }

  /** Returns the sample envelope with the sample build under each of {@code versionIds}. */
  public String envelope(Collection<String> versionIds) {
    StringBuilder out =
        new StringBuilder(
            beforeResult.length()
                + afterResult.length()
                + versionIds.size() * (build.length() + 42)
                + 32);
    out.append('{').append(beforeResult).append("\"result\":{\"builds\":{");
    boolean first = true;
    for (String id : versionIds) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append('"').append(id).append("\":").append(build);
    }
    return out.append("}}").append(afterResult).append('}').toString();
  }

  /** Returns {@link #envelope} encoded as UTF-8. */
  public byte[] envelopeBytes(Collection<String> versionIds) {
    return envelope(versionIds).getBytes(StandardCharsets.UTF_8);
  }

  private static SamplePayload parse(String sample) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(sample));
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    String build = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.equals("result")) {
        build = firstBuild(reader);
      } else {
        (build == null ? before : after).add('"' + name + "\":" + raw(reader));
      }
    }
    reader.endObject();
    if (build == null) {
      throw new IllegalStateException(RESOURCE + " has no result.builds entry");
    }
    String head = before.isEmpty() ? "" : String.join(",", before) + ",";
    String tail = after.isEmpty() ? "" : "," + String.join(",", after);
    return new SamplePayload(head, tail, build);
  }

  private static String firstBuild(JsonReader reader) throws IOException {
    String build = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (!reader.nextName().equals("builds")) {
        reader.skipValue();
        continue;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        reader.skipName();
        if (build == null) {
          build = raw(reader);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
    }
    reader.endObject();
    return build;
  }

  /** Returns the next value exactly as written, less the whitespace between tokens. */
  private static String raw(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return compact(source.readUtf8());
    }
  }

  /** Drops whitespace outside strings. */
  static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
