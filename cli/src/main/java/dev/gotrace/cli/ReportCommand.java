package dev.gotrace.cli;

import dev.gotrace.cli.report.ConditionResult;
import dev.gotrace.cli.report.HtmlReportWriter;
import dev.gotrace.cli.report.ReportFormat;
import dev.gotrace.cli.report.ReportWriter;
import dev.gotrace.jdbc.ViewDefinition;
import dev.gotrace.jdbc.ViewLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql report TRACE [NAME...]}: canned reports and CI gates over one trace. */
@Command(name = "report", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = {"Run the canned reports (queries/reports/, also views report_NAME) on a trace and check CI gates.",
        "Reports: summary, leaks, top_sync, top_net, top_syscall, sched_latency, gc, regions, tasks."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql report app.trace",
        "  gotrace-sql report app.trace summary leaks --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
        "  gotrace-sql report app.trace --format junit -o gotrace-report.xml \\",
        "      --fail-if \"(SELECT MAX(dur) FROM gc_pauses) > 5000000\" --fail-if \"(SELECT COUNT(*) FROM report_leaks) > 0\"",
        "  gotrace-sql report app.trace --report-file slow_requests.sql",
        "  gotrace-sql report app.trace --format html -o report.html --timeline-where \"name LIKE 'main.%'\"",
        "",
        "Each --fail-if is a SQL boolean expression over the trace. If any is true the exit code is 1 and the",
        "output and stderr name it with the value found (the left side of a comparison); NULL does not fail.",
        "A condition that is not valid SQL or not boolean is a usage error (exit code 64).",
        "See 'gotrace-sql --help' for exit codes."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Parameters(index = "1..*", paramLabel = "NAME",
      description = "Shipped reports to run (default: all of them, or none when --report-file is given).")
  List<String> names = new ArrayList<>();

  @Mixin CacheOptions cache = new CacheOptions();

  @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). markdown suits a CI job "
          + "summary, junit is one test case per condition and per report, html is one self-contained page "
          + "with the reports and charts (latency histograms, MMU, heap and goroutines over time, flame graphs "
          + "of the blocking profiles, a timeline); use it with -o.")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
  Path output;

  @Option(names = "--fail-if", paramLabel = "SQL", description = "Exit with code 1 if this SQL boolean expression is true.")
  List<String> failIf = new ArrayList<>();

  @Option(names = "--timeline-where", paramLabel = "CONDITION",
      description = "html: SQL condition on goroutines choosing the timeline's goroutines (default: the "
          + HtmlReportWriter.DEFAULT_TIMELINE_GOROUTINES + " non-system goroutines that ran longest).")
  String timelineWhere;

  @Option(names = "--report-file", paramLabel = "FILE",
      description = "Also run the report in FILE: a query with a header like queries/reports/*.sql.")
  List<Path> reportFiles = new ArrayList<>();

  @Override public Integer call() throws Exception {
    List<ViewDefinition> reports = selectedReports();
    List<FailCondition> conditions = failIf.stream().map(FailCondition::parse).toList();
    List<ConditionResult> results = new ArrayList<>();
    try (Connection c = TraceConnections.open(trace, cache)) {
      for (FailCondition condition : conditions) results.add(condition.evaluate(c));
      try (PrintWriter out = output()) {
        ReportWriter writer = format.writer(out, c, timelineWhere);
        writer.begin(trace.getFileName().toString(), results, reports.size());
        for (ViewDefinition report : reports) run(c, report, writer);
        writer.end();
      }
      TruncationWarning.printIfTruncated(c, spec.commandLine().getErr());
    }
    boolean failed = false;
    for (ConditionResult r : results) {
      if (!r.failed()) continue;
      failed = true;
      spec.commandLine().getErr().println("gotrace-sql: condition failed: " + r.described());
    }
    return failed ? ExitCodes.CONDITION_FAILED : ExitCodes.OK;
  }

  private static void run(Connection c, ViewDefinition report, ReportWriter writer) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(QueryCommand.statement(report.sql()))) {
      writer.report(report.name(), description(report), rs);
    } catch (RuntimeException | ExceptionInInitializerError e) {
      // As in query: Calcite's generated code may fail while rows are fetched without a SQLException.
      throw new SQLException("report " + report.name() + ": " + e.getMessage(), e);
    }
  }

  /** What the report answers, without the "name: " its header starts with (the name is shown already). */
  private static String description(ViewDefinition report) {
    String prefix = report.name() + ": ";
    return report.doc().startsWith(prefix) ? report.doc().substring(prefix.length()) : report.doc();
  }

  /** The named shipped reports (or all), then those of --report-file. */
  private List<ViewDefinition> selectedReports() {
    List<ViewDefinition> shipped = ViewLoader.reports().views();
    List<ViewDefinition> selected = new ArrayList<>();
    if (names.isEmpty() && reportFiles.isEmpty()) selected.addAll(shipped);
    for (String name : names) {
      String full = name.startsWith(ViewLoader.REPORT_PREFIX) ? name : ViewLoader.REPORT_PREFIX + name;
      selected.add(shipped.stream().filter(r -> r.name().equals(full)).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), "no report named " + name + "; reports: "
              + String.join(", ", shipped.stream().map(r -> r.name().substring(ViewLoader.REPORT_PREFIX.length())).toList()))));
    }
    for (Path file : reportFiles) selected.add(ViewDefinition.parse(reportName(file), read(file)));
    return selected;
  }

  private static String reportName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new CliException(ExitCodes.INPUT, "cannot read report file " + file + ": " + why, e);
    }
  }

  private PrintWriter output() {
    if (output == null) return new PrintWriter(spec.commandLine().getOut()) {
      @Override public void close() { flush(); } // stdout stays open for Main
    };
    try {
      return new PrintWriter(new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
