package dev.gamingapi.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints rows as aligned columns, two spaces apart, under an upper-case header; or one object's
 * fields as {@code name value} lines. Missing and empty values print as {@code -} so that no cell
 * is blank and the columns stay readable.
 */
public final class Table {
  private static final String NONE = "-";

  private final List<String[]> rows = new ArrayList<>();

  private Table() {}

  /** A table with these column headers. */
  public static Table of(String... headers) {
    Table table = new Table();
    table.rows.add(headers.clone());
    return table;
  }

  /** Adds a row; a null cell prints as {@code -}. */
  public Table row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] instanceof JsonNode node ? text(node) : text(cells[i]);
    }
    rows.add(row);
    return this;
  }

  /** Prints the table. */
  public void print(PrintWriter out) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Prints every field of a JSON object as {@code name value}, in the API's order. */
  public static void fields(JsonNode object, PrintWriter out) {
    Table table = new Table();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      table.row(field.getKey(), field.getValue());
    }
    table.print(out);
  }

  /**
   * A JSON value as one cell: null as {@code -}, an array as its items joined by commas (empty:
   * {@code -}), an object as {@code key=value} pairs, anything else as its text.
   */
  public static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NONE;
    }
    if (node.isArray()) {
      StringJoiner items = new StringJoiner(",");
      node.forEach(item -> items.add(text(item)));
      return items.length() == 0 ? NONE : items.toString();
    }
    if (node.isObject()) {
      StringJoiner pairs = new StringJoiner(" ");
      node.properties().forEach(f -> pairs.add(f.getKey() + "=" + text(f.getValue())));
      return pairs.length() == 0 ? NONE : pairs.toString();
    }
    String text = node.asText();
    return text.isEmpty() ? NONE : text;
  }

  private static String text(Object cell) {
    return cell == null || cell.toString().isEmpty() ? NONE : cell.toString();
  }
}
