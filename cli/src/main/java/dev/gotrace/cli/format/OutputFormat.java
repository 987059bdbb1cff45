package dev.gotrace.cli.format;

import java.util.function.Supplier;

/** The output formats of {@code gotrace-sql query}. */
public enum OutputFormat {
  table(TablePrinter::new),
  csv(CsvPrinter::new),
  json(JsonPrinter::new),
  markdown(MarkdownPrinter::new);

  private final Supplier<ResultPrinter> printer;

  OutputFormat(Supplier<ResultPrinter> printer) { this.printer = printer; }

  public ResultPrinter printer() { return printer.get(); }
}
