package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How {@code cfbuilds builds} writes the builds it found to standard output. */
enum OutputFormat {
  /** Aligned columns for people. */
  TABLE {
    @Override
    void write(Map<String, Build> builds, PrintWriter out) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(
          List.of(
              "VERSION ID",
              "OUTCOME",
              "STATUS",
              "BRANCH",
              "COMMIT",
              "TRIGGER",
              "CREATED",
              "DURATION"));
      builds.forEach(
          (versionId, build) ->
              rows.add(
                  cells(
                      versionId,
                      build,
                      "-",
                      BuildCells::outcome,
                      BuildCells::status,
                      BuildCells::branch,
                      BuildCells::shortCommit,
                      BuildCells::triggerSource,
                      BuildCells::createdOnUtc,
                      BuildCells::durationText)));
      TextTable.print(rows, out, "");
    }
  },

  /**
   * The {@code builds} object exactly as the API returns it, keyed by version ID, for {@code jq}:
   * properties the spec does not know, unknown enum texts and values of an unexpected type
   * included.
   */
  JSON {
    @Override
    void write(Map<String, Build> builds, PrintWriter out) {
      out.println(BUILDS_ADAPTER.toJson(builds));
    }
  },

  /**
   * Comma-separated values (RFC 4180 quoting) with a header row, full commit hashes, durations in
   * seconds.
   */
  CSV {
    @Override
    void write(Map<String, Build> builds, PrintWriter out) {
      out.println(
          "version_id,build_outcome,status,branch,commit_hash,build_trigger_source,created_on,"
              + "duration_seconds");
      builds.forEach(
          (versionId, build) -> {
            List<String> row =
                cells(
                    versionId,
                    build,
                    "",
                    BuildCells::outcome,
                    BuildCells::status,
                    BuildCells::branch,
                    BuildCells::commit,
                    BuildCells::triggerSource,
                    BuildCells::createdOn,
                    BuildCells::durationSeconds);
            List<String> quoted = new ArrayList<>();
            for (String cell : row) {
              quoted.add(csvField(cell));
            }
            out.println(String.join(",", quoted));
          });
    }
  };

  private static final JsonAdapter<Map<String, Build>> BUILDS_ADAPTER =
      ApiWiring.moshi()
          .<Map<String, Build>>adapter(
              Types.newParameterizedType(Map.class, String.class, Build.class))
          .indent("  ");

  /** Writes {@code builds} (keyed by version ID, in the order to show) to {@code out}. */
  abstract void write(Map<String, Build> builds, PrintWriter out);

  @SafeVarargs
  private static List<String> cells(
      String versionId, Build build, String absent, Function<Build, String>... columns) {
    List<String> cells = new ArrayList<>();
    cells.add(versionId);
    for (Function<Build, String> column : columns) {
      String value = column.apply(build);
      cells.add(value == null ? absent : value);
    }
    return cells;
  }

  /** Returns {@code cells} as one CSV row, a null cell as an empty field. */
  static String csvRow(String... cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add(csvField(cell == null ? "" : cell));
    }
    return String.join(",", quoted);
  }

  /** Returns {@code value} as one CSV field, quoted as RFC 4180 asks when it must be. */
  static String csvField(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\r")
        || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
