package dev.gotrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/** {@code gotrace-sql shell TRACE [sqlline options]}: SQLLine connected to the trace. */
@Command(name = "shell", description = "Interactive SQL shell (SQLLine) on a trace. Extra arguments go to SQLLine, "
    + "e.g. -e \"SELECT ...\" or --run=script.sql for non-interactive use.")
final class ShellCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Parameters(index = "1..*", paramLabel = "SQLLINE_ARG", description = "Passed to SQLLine.")
  List<String> sqllineArgs = new ArrayList<>();

  @Override public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of(
        "-d", "dev.gotrace.jdbc.GoTraceDriver",
        "-u", TraceConnections.url(trace),
        "-n", "", "-p", "",
        "--isolation=TRANSACTION_NONE",
        "--maxWidth=" + terminalWidth()));
    args.addAll(sqllineArgs);
    SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), System.in, true);
    return status == SqlLine.Status.OK ? 0 : 2;
  }

  /** Without a TTY jline reports width 0 and SQLLine prints empty columns (java-stack.md §5). */
  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 200 : Math.max(80, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return 200;
    }
  }
}
