package dev.cfbuilds.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows of cells as aligned columns, two spaces apart, for the table format. */
final class TextTable {
  private static final int COLUMN_GAP = 2;

  private TextTable() {}

  /**
   * Prints {@code rows} (the first is usually a header; every row has as many cells as the first)
   * to {@code out}, each line starting with {@code indent}; the last column is not padded.
   */
  static void print(List<List<String>> rows, PrintWriter out, String indent) {
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < widths.length; i++) {
        line.append(row.get(i));
        if (i < widths.length - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + COLUMN_GAP));
        }
      }
      out.println(line);
    }
  }
}
