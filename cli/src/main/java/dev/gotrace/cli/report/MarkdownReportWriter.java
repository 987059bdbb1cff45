package dev.gotrace.cli.report;

import dev.gotrace.cli.format.OutputFormat;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * GitHub-flavoured Markdown, fit for a job summary ({@code >> $GITHUB_STEP_SUMMARY}): a heading, a
 * table of the conditions, then one section per report with its description and rows.
 */
final class MarkdownReportWriter implements ReportWriter {
  private final PrintWriter out;

  MarkdownReportWriter(PrintWriter out) {
    this.out = out;
  }

  @Override public void begin(String trace, List<ConditionResult> conditions, int reports) {
    out.println("## gotrace-sql report: " + code(trace));
    out.println();
    if (conditions.isEmpty()) return;
    long failed = conditions.stream().filter(ConditionResult::failed).count();
    out.println(failed == 0 ? "All " + conditions.size() + " conditions passed."
        : "**" + failed + " of " + conditions.size() + " conditions failed.**");
    out.println();
    out.println("| result | condition | found |");
    out.println("| --- | --- | ---: |");
    for (ConditionResult c : conditions) {
      out.println("| " + (c.failed() ? ":x: failed" : ":white_check_mark: passed") + " | " + code(c.condition()) + " | "
          + cell(String.valueOf(c.found() == null ? "NULL" : c.found())) + " |");
    }
    out.println();
  }

  @Override public void report(String name, String doc, ResultSet rows) throws SQLException {
    out.println("### " + name);
    out.println();
    out.println(cell(doc));
    out.println();
    OutputFormat.markdown.printer(true).print(rows, out);
    out.println();
  }

  @Override public void end() {
    out.flush();
  }

  /** Inline code that may itself contain backticks (CommonMark: a longer fence) or pipes (escaped in tables). */
  private static String code(String s) {
    String fence = s.contains("`") ? "`` " : "`";
    String close = s.contains("`") ? " ``" : "`";
    return fence + cell(s) + close;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
