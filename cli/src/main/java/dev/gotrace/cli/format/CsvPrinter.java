package dev.gotrace.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** RFC 4180 CSV (CRLF line ends) with a header row; NULL is an empty field. Streams row by row. */
final class CsvPrinter implements ResultPrinter {
  private final boolean header;

  CsvPrinter(boolean header) { this.header = header; }

  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    StringBuilder b = new StringBuilder();
    if (header) {
      for (int i = 1; i <= n; i++) {
        if (i > 1) b.append(',');
        b.append(quote(md.getColumnLabel(i)));
      }
      out.print(b.append("\r\n"));
    }
    while (rs.next()) {
      b.setLength(0);
      for (int i = 1; i <= n; i++) {
        if (i > 1) b.append(',');
        Object v = rs.getObject(i);
        // Integers are most values of a trace and never need quotes: appended without a string of their own.
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          b.append(((Number) v).longValue());
        } else if (v != null) {
          b.append(quote(v.toString()));
        }
      }
      out.print(b.append("\r\n"));
    }
  }

  /**
   * Quotes a field that contains a separator, quote or line break. An empty string is quoted too,
   * so that it differs from NULL (an empty field).
   */
  static String quote(String s) {
    boolean needs = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0;
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
