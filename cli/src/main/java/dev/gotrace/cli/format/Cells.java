package dev.gotrace.cli.format;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The column labels and the first rows of a result set as text cells, for the table formats. */
final class Cells {
  final List<String> header = new ArrayList<>();
  final List<Boolean> numeric = new ArrayList<>();
  final List<List<String>> rows = new ArrayList<>();

  /** Reads the column labels and up to {@code maxRows} rows; the result set is left on the last row read. */
  static Cells read(ResultSet rs, String nullText, int maxRows) throws SQLException {
    Cells cells = new Cells();
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    for (int i = 1; i <= n; i++) {
      cells.header.add(md.getColumnLabel(i));
      cells.numeric.add(isNumeric(md.getColumnType(i)));
    }
    while (cells.rows.size() < maxRows && rs.next()) cells.rows.add(row(rs, n, nullText));
    return cells;
  }

  /** The {@code n} values of the result set's current row as text. */
  static List<String> row(ResultSet rs, int n, String nullText) throws SQLException {
    List<String> row = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Object v = rs.getObject(i);
      row.add(v == null ? nullText : visible(v.toString()));
    }
    return row;
  }

  /** Line breaks and tabs in a cell would break the alignment; show them escaped, as psql does. */
  static String visible(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) return s;
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  int[] widths(boolean withHeader) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) w[i] = withHeader ? header.get(i).length() : 0;
    for (List<String> row : rows) widen(w, row);
    return w;
  }

  /** Widens each of {@code widths} to its value in {@code row}, where that is longer. */
  static void widen(int[] widths, List<String> row) {
    for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row.get(i).length());
  }

  static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static boolean isNumeric(int sqlType) {
    switch (sqlType) {
      case java.sql.Types.TINYINT, java.sql.Types.SMALLINT, java.sql.Types.INTEGER,
          java.sql.Types.BIGINT, java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE,
          java.sql.Types.DECIMAL, java.sql.Types.NUMERIC:
        return true;
      default:
        return false;
    }
  }
}
