package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.contract.SpecResources.SpecExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples inside the spec and the example files beside it must be the same JSON: every inline
 * response example has its file {@code <operation>.<status>.json}, and every file is some
 * operation's example.
 */
class SpecExamplesTest {

  @Test
  void everyInlineExampleEqualsItsFile() {
    assertThat(mismatches(SpecResources.specTree())).isEmpty();
  }

  @Test
  void everyOperationHasA200AndAnErrorExample() {
    Map<String, Set<String>> statuses =
        SpecResources.specExamples(SpecResources.specTree()).stream()
            .collect(
                Collectors.groupingBy(
                    SpecExample::operationId,
                    Collectors.mapping(
                        example -> example.status().equals("200") ? "200" : "error",
                        Collectors.toCollection(TreeSet::new))));

    assertThat(statuses.keySet())
        .containsExactlyInAnyOrderElementsOf(SpecResources.operationIds(SpecResources.specTree()));
    assertThat(statuses)
        .allSatisfy((id, kinds) -> assertThat(kinds).containsExactly("200", "error"));
  }

  @Test
  void everyExampleFileIsAnInlineExample() throws IOException {
    Set<String> inline = new TreeSet<>();
    SpecResources.specExamples(SpecResources.specTree())
        .forEach(example -> inline.add(Path.of(example.file()).getFileName().toString()));
    Set<String> files;
    try (Stream<Path> listing = Files.list(Path.of(System.getProperty("cfbuilds.examplesDir")))) {
      files =
          listing
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(files).isEqualTo(inline);
  }

  @Test
  void changedInlineExampleIsReportedWithItsFile() {
    Map<String, Object> spec = SpecResources.specTree();
    Map<String, Object> deployment =
        SpecResources.node(
            spec,
            "paths",
            "/accounts/{account_id}/workers/scripts/{script_name}/deployments",
            "get",
            "responses",
            "200",
            "content",
            "application/json",
            "examples",
            "gradual",
            "value",
            "result");
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) deployment.get("deployments")).get(0);
    first.put("strategy", "immediate");

    assertThat(mismatches(spec))
        .containsExactly(
            "worker-deployments-list-deployments 200 gradual differs from"
                + " /dev/cfbuilds/spec/examples/worker-deployments-list-deployments.200.json");
  }

  @Test
  void exampleFileIsTheSamplePrintedOnTheReferencePage() {
    // The page prints the sample with two-space indentation and no final newline; keep it
    // byte-for-byte.
    String sample = SpecResources.read(SAMPLE);
    assertThat(sample).startsWith("{\n  \"errors\": [\n").endsWith("\n  }\n}");
  }

  /** Returns each inline example of {@code spec} that is not the JSON of its file. */
  private static List<String> mismatches(Map<String, Object> spec) {
    List<String> mismatches = new ArrayList<>();
    for (SpecExample example : SpecResources.specExamples(spec)) {
      // Passed through JSON so that numbers compare alike.
      Object inline = SpecResources.jsonTree(SpecResources.json(example.value()));
      if (!inline.equals(SpecResources.jsonTree(SpecResources.read(example.file())))) {
        mismatches.add(example + " differs from " + example.file());
      }
    }
    return mismatches;
  }
}
