package dev.gotrace.cli.format;

import java.util.function.Function;

/** The output formats of {@code gotrace-sql query}. */
public enum OutputFormat {
  table(TablePrinter::new, true),
  csv(CsvPrinter::new, true),
  json(header -> new JsonPrinter(), false),
  markdown(header -> new MarkdownPrinter(), false);

  /** Rows the table format reads before it prints anything: they set its column widths. */
  public static final int TABLE_BLOCK_ROWS = 10_000;

  private final Function<Boolean, ResultPrinter> printer;
  private final boolean optionalHeader;

  OutputFormat(Function<Boolean, ResultPrinter> printer, boolean optionalHeader) {
    this.printer = printer;
    this.optionalHeader = optionalHeader;
  }

  /** Whether the header can be left out ({@code --no-header}); JSON and Markdown need theirs. */
  public boolean hasOptionalHeader() { return optionalHeader; }

  /** A printer of this format, with or without the header where {@link #hasOptionalHeader()}. */
  public ResultPrinter printer(boolean header) { return printer.apply(header); }
}
