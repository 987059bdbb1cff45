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
        "Reports: summary, leaks, top_sync, top_net, top_syscall, sched_latency, gc, regions, tasks.",
        "On a catalogue (a directory, glob or several traces) each report has a row set per trace (trace_id).",
        "With --baseline OLD.trace the report is trace_diff, OLD against TRACE, per profile stack and goroutine group."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql report app.trace",
        "  gotrace-sql report app.trace summary leaks --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
        "  gotrace-sql report app.trace --format junit -o gotrace-report.xml \\",
        "      --fail-if \"(SELECT MAX(dur) FROM gc_pauses) > 5000000\" \\",
        "      --fail-if \"(SELECT COUNT(*) FROM report_leaks) > 0\"",
        "  gotrace-sql report app.trace --report-file slow_requests.sql",
        "  gotrace-sql report app.trace --format html -o report.html --timeline-where \"name LIKE 'main.%'\"",
        "  gotrace-sql report new.trace --baseline old.trace --format markdown \\",
        "      --fail-if \"(SELECT MAX(delta_ns) FROM trace_diff WHERE kind = 'sync') > 100000000\"",
        "  gotrace-sql report 'traces/*.trace' summary",
        "",
        "Each --fail-if is a SQL boolean expression over the trace. If any is true the exit code is 1 and the",
        "output and stderr name it with the value found (the left side of a comparison); NULL does not fail.",
        "A condition that is not valid SQL or not boolean is a usage error (exit code 64).",
        "See 'gotrace-sql --help' for exit codes."})
final class ReportCommand implements Callable<Integer> {
  /** The report, and view, of --baseline. */
  private static final String TRACE_DIFF = "trace_diff";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = TraceConnections.TRACE_HELP)
  String trace;

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

  @Option(names = "--baseline", paramLabel = "OLD.trace",
      description = "Compare TRACE (a trace file) with this earlier trace: the report trace_diff (also the view "
          + "trace_diff for --fail-if), then the NAMEd reports over both traces.")
  Path baseline;

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
    boolean catalogue = TraceConnections.isCatalogue(trace);
    if (baseline != null) checkBaseline(catalogue);
    if (format == ReportFormat.html && (catalogue || baseline != null)) {
      throw new ParameterException(spec.commandLine(), "--format html reports one trace, not a catalogue or a baseline");
    }
    List<ViewDefinition> reports = selectedReports();
    List<FailCondition> conditions = failIf.stream().map(FailCondition::parse).toList();
    List<ConditionResult> results = new ArrayList<>();
    // The baseline and the trace, as one catalogue in that order: its view trace_diff compares them.
    String traces = baseline == null ? trace : baseline.toAbsolutePath() + "," + Path.of(trace).toAbsolutePath();
    try (Connection c = TraceConnections.open(traces, cache)) {
      for (FailCondition condition : conditions) results.add(condition.evaluate(c));
      try (PrintWriter out = output()) {
        ReportWriter writer = format.writer(out, c, timelineWhere);
        writer.begin(title(catalogue), results, reports.size());
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

  /** --baseline compares two readable trace files, not a file with itself. */
  private void checkBaseline(boolean catalogue) {
    if (catalogue) throw new ParameterException(spec.commandLine(), "--baseline compares two trace files; TRACE is a catalogue: " + trace);
    Path current = Path.of(trace);
    TraceConnections.url(baseline, cache);
    TraceConnections.url(current, cache);
    try {
      if (Files.isSameFile(baseline, current)) {
        throw new ParameterException(spec.commandLine(), "--baseline names TRACE itself: " + baseline);
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read " + baseline + ": " + e.getMessage(), e);
    }
    // In a catalogue a damaged trace has no rows; a diff against one would pass every gate.
    TraceConnections.checkHeader(baseline);
    TraceConnections.checkHeader(current);
  }

  /** What the report is about: the trace's file name, the catalogue as given, or the two traces compared. */
  private String title(boolean catalogue) {
    if (baseline != null) return Path.of(trace).getFileName() + " against baseline " + baseline;
    return catalogue ? trace : Path.of(trace).getFileName().toString();
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

  /** With --baseline the diff; the named shipped reports (or all, without a baseline), then those of --report-file. */
  private List<ViewDefinition> selectedReports() {
    List<ViewDefinition> shipped = ViewLoader.reports().views();
    List<ViewDefinition> selected = new ArrayList<>();
    if (baseline != null) selected.add(traceDiff());
    else if (names.isEmpty() && reportFiles.isEmpty()) selected.addAll(shipped);
    for (String name : names) {
      String full = name.startsWith(ViewLoader.REPORT_PREFIX) ? name : ViewLoader.REPORT_PREFIX + name;
      selected.add(shipped.stream().filter(r -> r.name().equals(full)).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), "no report named " + name + "; reports: "
              + String.join(", ", shipped.stream().map(r -> r.name().substring(ViewLoader.REPORT_PREFIX.length())).toList()))));
    }
    for (Path file : reportFiles) selected.add(ViewDefinition.parse(reportName(file), read(file)));
    return selected;
  }

  /** The report of --baseline: the view trace_diff, documented as queries/catalogue/trace_diff.sql. */
  private static ViewDefinition traceDiff() {
    ViewDefinition diff = ViewLoader.catalogue().views().stream().filter(v -> v.name().equals(TRACE_DIFF)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + TRACE_DIFF + " in the shipped SQL"));
    return new ViewDefinition(TRACE_DIFF, "SELECT * FROM " + TRACE_DIFF, diff.doc(), diff.columns());
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
