package dev.gotrace.cli;

import dev.gotrace.cli.format.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql query TRACE SQL}: runs one statement and prints its result. */
@Command(name = "query", description = "Run one SQL query against a trace and print the result.")
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Parameters(index = "1", paramLabel = "SQL", description = "The query, e.g. \"SELECT COUNT(*) FROM events\".")
  String sql;

  @Option(names = {"-f", "--format"}, defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = TraceConnections.open(trace);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      format.printer().print(rs, out);
    }
    out.flush();
    return 0;
  }
}
