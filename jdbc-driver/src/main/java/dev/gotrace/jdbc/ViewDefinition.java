package dev.gotrace.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shipped SQL view as written in its {@code .sql} file.
 *
 * <p>The file starts with a header of {@code --} comment lines: first what the view is, then one
 * line per column, {@code -- column_name TYPE: meaning}; a comment line after a column line that
 * is not itself a column line continues that column's meaning. The SQL follows; a trailing
 * semicolon is dropped. Identifiers are written as in any gotrace query (unquoted lower case).
 *
 * @param name view name (the file name without {@code .sql})
 * @param sql the view's query
 * @param doc what one row of the view is
 * @param columns documented columns in header order: name to {@link ColumnDoc}
 */
public record ViewDefinition(String name, String sql, String doc, Map<String, ColumnDoc> columns) {
  private static final Pattern COLUMN_LINE =
      Pattern.compile("--\\s*([a-z_][a-z0-9_]*)\\s+([A-Z][A-Z0-9_]*(?:\\s*\\([0-9, ]+\\))?(?:\\s+[A-Z]+)*)\\s*:\\s*(.*)");

  /**
   * A documented view column.
   *
   * @param type SQL type as written in the header
   * @param meaning what the column holds (JDBC REMARKS)
   */
  public record ColumnDoc(String type, String meaning) {}

  /** Parses the text of view {@code name}'s file. */
  public static ViewDefinition parse(String name, String text) {
    StringBuilder doc = new StringBuilder();
    Map<String, ColumnDoc> columns = new LinkedHashMap<>();
    String lastColumn = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) continue;
      if (!line.startsWith("--")) break;
      Matcher column = COLUMN_LINE.matcher(line);
      if (column.matches()) {
        lastColumn = column.group(1);
        columns.put(lastColumn, new ColumnDoc(column.group(2), column.group(3).strip()));
        continue;
      }
      String words = line.substring(2).strip();
      if (words.isEmpty()) continue;
      if (lastColumn == null) {
        append(doc, words);
      } else {
        ColumnDoc previous = columns.get(lastColumn);
        columns.put(lastColumn, new ColumnDoc(previous.type(), append(new StringBuilder(previous.meaning()), words).toString()));
      }
    }
    String sql = text.strip();
    if (sql.endsWith(";")) sql = sql.substring(0, sql.length() - 1).strip();
    return new ViewDefinition(name, sql, doc.toString(), Collections.unmodifiableMap(columns));
  }

  private static StringBuilder append(StringBuilder b, String words) {
    if (b.length() > 0) b.append(' ');
    return b.append(words);
  }
}
