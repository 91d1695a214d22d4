package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.cfbuilds.drift.Finding;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code cfbuilds drift} writes its findings to standard output. */
enum DriftFormat {
  /**
   * One line per finding, {@code KIND<TAB>PATH<TAB>DETAIL<TAB>OPERATION}, for people and {@code
   * grep}. The operation comes last, so that the first three columns stay where they were before it
   * was added.
   */
  TEXT {
    @Override
    void write(List<Finding> findings, String checked, PrintWriter out) {
      for (Finding finding : findings) {
        out.println(
            finding.kind()
                + "\t"
                + finding.path()
                + "\t"
                + finding.detail()
                + "\t"
                + finding.operation());
      }
    }
  },

  /** A heading and a table, for a CI job summary (such as {@code $GITHUB_STEP_SUMMARY}). */
  MARKDOWN {
    @Override
    void write(List<Finding> findings, String checked, PrintWriter out) {
      out.println("### cfbuilds drift: " + checked);
      out.println();
      if (findings.isEmpty()) {
        out.println("No drift found.");
        return;
      }
      out.println(count(findings.size()) + ".");
      out.println();
      out.println("| Kind | Path | Detail | Operation |");
      out.println("| --- | --- | --- | --- |");
      for (Finding finding : findings) {
        out.println(
            "| "
                + finding.kind()
                + " | `"
                + cell(finding.path()).replace("`", "'")
                + "` | "
                + cell(finding.detail())
                + " | "
                + cell(finding.operation())
                + " |");
      }
    }
  },

  /**
   * {@code {"checked": …, "findings": [{"kind", "path", "detail", "operation"}, …]}}, for tools.
   */
  JSON {
    @Override
    void write(List<Finding> findings, String checked, PrintWriter out) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("checked", checked);
      report.put(
          "findings",
          findings.stream()
              .map(
                  finding -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("kind", finding.kind().name());
                    entry.put("path", finding.path());
                    entry.put("detail", finding.detail());
                    entry.put("operation", finding.operation());
                    return entry;
                  })
              .toList());
      out.println(REPORT.toJson(report));
    }
  };

  private static final JsonAdapter<Map<String, Object>> REPORT =
      new Moshi.Builder()
          .build()
          .<Map<String, Object>>adapter(
              Types.newParameterizedType(Map.class, String.class, Object.class))
          .indent("  ");

  /**
   * Writes {@code findings} to {@code out}; {@code checked} says what was compared, such as {@code
   * the published document openapi.json}.
   */
  abstract void write(List<Finding> findings, String checked, PrintWriter out);

  /** Returns {@code 1 finding} or {@code N findings}. */
  static String count(int findings) {
    return findings + (findings == 1 ? " finding" : " findings");
  }

  /** Escapes what would break a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }
}
