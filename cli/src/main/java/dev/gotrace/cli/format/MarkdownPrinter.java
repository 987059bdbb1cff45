package dev.gotrace.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** GitHub-flavoured Markdown table; numeric columns right-aligned. Streams row by row. */
final class MarkdownPrinter implements ResultPrinter {
  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    Cells cells = Cells.read(rs, "NULL", 0);
    row(out, cells.header);
    StringBuilder rule = new StringBuilder("|");
    for (boolean numeric : cells.numeric) rule.append(numeric ? " ---: |" : " --- |");
    out.println(rule);
    while (rs.next()) row(out, Cells.row(rs, cells.header.size(), "NULL"));
  }

  private static void row(PrintWriter out, List<String> values) {
    StringBuilder b = new StringBuilder("|");
    for (String v : values) b.append(' ').append(v.replace("|", "\\|")).append(" |");
    out.println(b);
  }
}
