package dev.gotrace.cli.report;

import dev.gotrace.cli.format.OutputFormat;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Plain text for a terminal or a CI log: conditions as FAILED/passed lines, reports as aligned tables. */
final class TextReportWriter implements ReportWriter {
  private final PrintWriter out;

  TextReportWriter(PrintWriter out) {
    this.out = out;
  }

  @Override public void begin(String trace, List<ConditionResult> conditions, int reports) {
    out.println("gotrace-sql report: " + trace);
    out.println();
    if (conditions.isEmpty()) return;
    for (ConditionResult c : conditions) out.println((c.failed() ? "FAILED  " : "passed  ") + c.described());
    out.println();
  }

  @Override public void report(String name, String doc, ResultSet rows) throws SQLException {
    out.println("== " + name);
    out.println(doc);
    out.println();
    OutputFormat.table.printer(true).print(rows, out);
    out.println();
  }

  @Override public void end() {
    out.flush();
  }
}
