package dev.gotrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sqlline.SqlLine;

/** {@code gotrace-sql shell TRACE [sqlline options]}: SQLLine connected to the trace. */
@Command(name = "shell", mixinStandardHelpOptions = true, usageHelpWidth = 110,
    description = {"Interactive SQL shell (SQLLine) on a trace. Arguments after TRACE go to SQLLine:",
        "-e \"SQL\" (repeatable) or --run=script.sql run non-interactively and exit;",
        "--outputformat=csv|tsv|json|table changes the output. In the shell, !help lists",
        "the commands, !tables the tables, !quit leaves. Exit code 2 if a statement failed."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql shell app.trace",
        "  gotrace-sql shell app.trace --outputformat=csv -e \"SELECT COUNT(*) AS n FROM goroutines\"",
        "  gotrace-sql shell app.trace --run=report.sql",
        "  gotrace-sql shell 'traces/*.trace'"})
final class ShellCommand implements Callable<Integer> {
  /** Width for SQLLine's tables when there is no terminal to ask. */
  private static final int DEFAULT_WIDTH = 200;

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "TRACE", description = TraceConnections.TRACE_HELP)
  String trace;

  @Mixin CacheOptions cache = new CacheOptions();

  @Parameters(index = "1..*", paramLabel = "SQLLINE_ARG", description = "Passed to SQLLine.")
  List<String> sqllineArgs = new ArrayList<>();

  @Override public Integer call() throws Exception {
    String url = TraceConnections.url(trace, cache);
    // SQLLine reports a trace it cannot open with a stack trace and then runs on without a
    // connection; a file that is not a Go trace at all is caught here first, cheaply. A catalogue
    // opens even with damaged traces (they are listed in its traces table).
    if (!TraceConnections.isCatalogue(trace)) TraceConnections.checkHeader(Path.of(trace));
    List<String> args = new ArrayList<>(List.of(
        "-d", "dev.gotrace.jdbc.GoTraceDriver",
        "-u", url,
        "-n", "", "-p", "",
        "--isolation=TRANSACTION_NONE",
        // SQLLine prints a Java stack trace under each error unless told not to.
        "--verbose=" + main.debug));
    if (System.console() == null) {
      // No terminal: jline reports width 0 and SQLLine prints empty columns (java-stack.md §5).
      args.add("--maxWidth=" + width());
    }
    args.addAll(sqllineArgs);
    SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), System.in, true);
    switch (status) {
      case OK:
        return ExitCodes.OK;
      case ARGS:
        return ExitCodes.USAGE;
      default:
        return ExitCodes.SQL;
    }
  }

  private static int width() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? DEFAULT_WIDTH : Math.max(80, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
