package dev.gotrace.cli;

import dev.gotrace.cli.format.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql query TRACE SQL}: runs one statement and prints its result. */
@Command(name = "query", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = "Run one SQL query against a trace and print the result on stdout.",
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql query app.trace \"SELECT COUNT(*) AS n FROM goroutines\"",
        "  gotrace-sql query app.trace --format json \"SELECT * FROM gc_pauses ORDER BY dur DESC\" --max-rows 10",
        "  gotrace-sql query app.trace - --format csv < report.sql",
        "  gotrace-sql query app.trace --sql-file report.sql --format markdown",
        "  gotrace-sql query traces/ \"SELECT trace_id, COUNT(*) AS n FROM goroutines GROUP BY trace_id\"",
        "",
        "Identifiers are case-insensitive unless double-quoted. One statement per call; a trailing ';' is allowed.",
        "See 'gotrace-sql --help' for exit codes."})
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = TraceConnections.TRACE_HELP)
  String trace;

  @Mixin CacheOptions cache = new CacheOptions();

  @Parameters(index = "1", arity = "0..1", paramLabel = "SQL",
      description = "The query, or - to read it from stdin.")
  String sql;

  @Option(names = "--sql-file", paramLabel = "FILE", description = "Read the query from FILE instead.")
  Path sqlFile;

  @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
          + "csv is RFC 4180 with a header row, NULL as an empty field; json is an array of objects "
          + "keyed by column name, NULL as null.")
  OutputFormat format;

  @Option(names = "--max-rows", paramLabel = "N", description = "Print at most N rows.")
  Integer maxRows;

  @Option(names = "--no-header", description = "Omit the header row (csv, table; table also drops the row count).")
  boolean noHeader;

  @Override public Integer call() throws Exception {
    if (noHeader && !format.hasOptionalHeader()) {
      throw new ParameterException(spec.commandLine(), "--no-header applies to csv and table, not " + format);
    }
    if (maxRows != null && maxRows < 0) {
      throw new ParameterException(spec.commandLine(), "--max-rows must not be negative: " + maxRows);
    }
    String query = statement(readSql());
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = TraceConnections.open(trace, cache); Statement st = c.createStatement()) {
      if (maxRows != null) st.setMaxRows(maxRows);
      try (ResultSet rs = st.executeQuery(query)) {
        format.printer(!noHeader).print(rs, out);
        TruncationWarning.printIfTruncated(c, spec.commandLine().getErr());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private String readSql() {
    if ((sql == null) == (sqlFile == null)) {
      throw new ParameterException(spec.commandLine(), "give the query as SQL or with --sql-file, not both or neither");
    }
    if (sqlFile != null) {
      try {
        return Files.readString(sqlFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
        throw new CliException(ExitCodes.INPUT, "cannot read SQL file " + sqlFile + ": " + why, e);
      }
    }
    if (!sql.equals("-")) return sql;
    try {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read the query from stdin: " + e.getMessage(), e);
    }
  }

  /** Calcite parses one statement without a terminator; scripts and copied queries usually end in ';'. */
  static String statement(String text) {
    String s = text.strip();
    while (s.endsWith(";")) s = s.substring(0, s.length() - 1).stripTrailing();
    if (s.isEmpty()) throw new CliException(ExitCodes.SQL, "empty query");
    return s;
  }
}
