package dev.cfbuilds.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints seconds and peak heap of {@code drift --official} on a generated document the size of
 * Cloudflare's published one, beside the baseline: swagger-parser parsing and resolving the whole
 * document. Each measurement runs in a fresh JVM with the same {@code -Xmx}, so that one does not
 * inherit the other's heap.
 *
 * <p>Run it as drift/README.md says, from the reactor or with the modules installed (optional
 * system properties {@code paths}, default 4000 filler paths of three operations each; {@code xmx},
 * default {@code 2g}; {@code smallXmx}, default {@code 256m}). The document is in Cloudflare's
 * {@code allOf} shape ({@link OfficialDocuments}). Not part of {@code verify}.
 */
public final class OfficialDriftBenchmark {
  private static final String EXTRACT = "extract";
  private static final String FULL = "full";

  private OfficialDriftBenchmark() {}

  /** Generates the documents and measures each variant in a child JVM, or is that child. */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("child")) {
      child(args[1], Path.of(args[2]));
      return;
    }
    int paths = Integer.getInteger("paths", 4000);
    String xmx = System.getProperty("xmx", "2g");
    String small = System.getProperty("smallXmx", "256m");
    ObjectNode document = OfficialDocuments.fromOurSpec(OfficialDocuments.Style.V30);
    OfficialDocuments.addFiller(document, paths);
    Path json = Files.createTempFile("published-", ".json");
    Path yaml = Files.createTempFile("published-", ".yaml");
    Files.write(json, OfficialDocuments.json(document));
    Files.write(yaml, OfficialDocuments.yaml(document));
    System.out.printf(
        Locale.ROOT,
        "document: %d filler operations, JSON %.1f MB, YAML %.1f MB; child JVMs with -Xmx%s%n",
        paths * 3,
        Files.size(json) / 1e6,
        Files.size(yaml) / 1e6,
        xmx);
    System.out.printf(
        Locale.ROOT,
        "%-8s %-5s %9s %14s   with -Xmx%s: seconds, peak heap MB%n",
        "variant",
        "input",
        "seconds",
        "peak heap MB",
        small);
    for (Path file : List.of(json, yaml)) {
      for (String variant : List.of(EXTRACT, FULL)) {
        String roomy = runChild(variant, file, xmx);
        String tight = runChild(variant, file, small);
        System.out.printf(
            Locale.ROOT, "%-8s %-5s %s   %s%n", variant, input(file), roomy, tight.strip());
      }
    }
    Files.delete(json);
    Files.delete(yaml);
  }

  private static String runChild(String variant, Path file, String xmx)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + xmx);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OfficialDriftBenchmark.class.getName());
    command.add("child");
    command.add(variant);
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    return exit == 0
        ? output.strip().lines().reduce((a, b) -> b).orElse("")
        : output.contains("OutOfMemoryError")
            ? "OutOfMemoryError"
            : "failed: "
                + output
                    .lines()
                    .filter(line -> line.startsWith("Exception"))
                    .findFirst()
                    .orElse(output.strip());
  }

  private static String input(Path file) {
    return file.toString().endsWith(".json") ? "JSON" : "YAML";
  }

  private static void child(String variant, Path file) throws IOException {
    byte[] document = Files.readAllBytes(file);
    long start = System.nanoTime();
    if (variant.equals(EXTRACT)) {
      List<Finding> findings = OfficialDrift.compare(document);
      if (!findings.isEmpty()) {
        throw new IllegalStateException("expected no finding, got " + findings);
      }
    } else {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      options.setResolveCombinators(false);
      SwaggerParseResult result =
          new OpenAPIV3Parser()
              .readContents(new String(document, StandardCharsets.UTF_8), null, options);
      OpenAPI api = result.getOpenAPI();
      if (api == null
          || !OurSpec.operations().stream()
              .allMatch(operation -> api.getPaths().containsKey(operation.path()))) {
        String messages = String.valueOf(result.getMessages());
        throw new IllegalStateException(
            "swagger-parser did not find our operations: "
                + messages.substring(0, Math.min(200, messages.length())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "%9.2f %14.0f%n", seconds, peak / 1e6);
  }
}
