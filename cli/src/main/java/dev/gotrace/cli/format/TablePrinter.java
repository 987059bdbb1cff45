package dev.gotrace.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Aligned plain-text table with a row count, for people at a terminal. The first {@link
 * OutputFormat#TABLE_BLOCK_ROWS} rows set the column widths; later rows print as they come, a
 * longer value widening its column from there on (as psql's FETCH_COUNT does), so a result of
 * millions of rows starts at once and holds one block in memory.
 */
final class TablePrinter implements ResultPrinter {
  private final boolean header;

  /** With {@code header} false, only the rows: no header, rule or row count. */
  TablePrinter(boolean header) { this.header = header; }

  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    Cells cells = Cells.read(rs, "NULL", OutputFormat.TABLE_BLOCK_ROWS);
    int[] w = cells.widths(header);
    if (header) {
      line(out, cells.header, w, cells, false);
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < w.length; i++) {
        if (i > 0) rule.append("-+-");
        rule.append("-".repeat(w[i]));
      }
      out.println(rule);
    }
    for (List<String> row : cells.rows) line(out, row, w, cells, true);
    long count = cells.rows.size();
    if (count == OutputFormat.TABLE_BLOCK_ROWS) {
      while (rs.next()) {
        List<String> row = Cells.row(rs, w.length, "NULL");
        Cells.widen(w, row);
        line(out, row, w, cells, true);
        count++;
      }
    }
    if (header) out.println("(" + count + (count == 1 ? " row)" : " rows)"));
  }

  private static void line(PrintWriter out, List<String> values, int[] w, Cells cells,
      boolean alignNumbers) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (i > 0) b.append(" | ");
      b.append(Cells.pad(values.get(i), w[i], alignNumbers && cells.numeric.get(i)));
    }
    out.println(b.toString().stripTrailing());
  }
}
