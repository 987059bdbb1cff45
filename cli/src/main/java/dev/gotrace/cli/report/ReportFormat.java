package dev.gotrace.cli.report;

import java.io.PrintWriter;
import java.util.function.Function;

/** The output formats of {@code gotrace-sql report}. */
public enum ReportFormat {
  text(TextReportWriter::new),
  markdown(MarkdownReportWriter::new),
  json(JsonReportWriter::new),
  junit(JunitReportWriter::new);

  private final Function<PrintWriter, ReportWriter> writer;

  ReportFormat(Function<PrintWriter, ReportWriter> writer) {
    this.writer = writer;
  }

  /** A writer of this format to {@code out}. */
  public ReportWriter writer(PrintWriter out) {
    return writer.apply(out);
  }
}
