package dev.gotrace.cli.report;

import java.io.PrintWriter;
import java.sql.Connection;

/** The output formats of {@code gotrace-sql report}. */
public enum ReportFormat {
  text,
  markdown,
  json,
  junit,
  html;

  /**
   * A writer of this format to {@code out}. Only html reads the trace beyond the reports (its
   * charts), through {@code connection}, with {@code timelineCondition} choosing the timeline's
   * goroutines (null: the default selection).
   */
  public ReportWriter writer(PrintWriter out, Connection connection, String timelineCondition) {
    return switch (this) {
      case text -> new TextReportWriter(out);
      case markdown -> new MarkdownReportWriter(out);
      case json -> new JsonReportWriter(out);
      case junit -> new JunitReportWriter(out);
      case html -> new HtmlReportWriter(out, connection, timelineCondition);
    };
  }
}
