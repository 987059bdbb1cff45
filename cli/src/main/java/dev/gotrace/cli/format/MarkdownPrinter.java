package dev.gotrace.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** GitHub-flavoured Markdown table; numeric columns right-aligned. Streams row by row. */
final class MarkdownPrinter implements ResultPrinter {
  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> header = new ArrayList<>(n);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 1; i <= n; i++) {
      header.add(md.getColumnLabel(i));
      rule.append(Cells.isNumeric(md.getColumnType(i)) ? " ---: |" : " --- |");
    }
    row(out, header);
    out.println(rule);
    while (rs.next()) row(out, Cells.row(rs, n, "NULL"));
  }

  private static void row(PrintWriter out, List<String> values) {
    StringBuilder b = new StringBuilder("|");
    for (String v : values) b.append(' ').append(v.replace("|", "\\|")).append(" |");
    out.println(b);
  }
}
