package dev.gotrace.cli;

import dev.gotrace.cli.timeline.TimelineExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gotrace-sql export TRACE --timeline FILE}: a timeline for trace viewers; {@code export
 * TRACE|DIR... --parquet OUT | --arrow DIR}: every table as a dataset for other engines.
 */
@Command(name = "export", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = {"Export traces for other tools: a timeline in Chrome's trace-event JSON, which "
        + "ui.perfetto.dev and chrome://tracing open; or every table as a Parquet or Arrow IPC dataset "
        + "partitioned by trace_id (OUT/<table>/trace_id=<id>/part-0.parquet), for Spark, Trino, DuckDB, "
        + "pyarrow or Polars, with the shipped views' SQL in OUT/views.json."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql export app.trace --timeline app.json",
        "  gotrace-sql export traces/ --parquet traces-parquet",
        "  gotrace-sql export 'runs/**/*.trace' --arrow traces-arrow --force",
        "  gotrace-sql export app.trace --timeline workers.json --where \"name = 'main.worker'\"",
        "  gotrace-sql export app.trace --timeline first-second.json --from 0 --to 1000000000",
        "",
        "The timeline has a track per P with the goroutines it ran, a track per selected goroutine with its",
        "states (stacks as args), logs and arrows from the goroutine that unblocked it, its user regions,",
        "user tasks, GC and stop-the-world bands, and counters of the heap, GOMAXPROCS and goroutines by state.",
        "--where selects goroutines; the goroutines that unblocked them are shown too, so every arrow has two ends.",
        "",
        "A dataset's trace_id is the trace's path relative to the directory or glob named (the file name for a",
        "file). Tables hold ns times as INT64 and strings dictionary-encoded. The views are written for one",
        "trace: views.json says which run on other engines and how (per trace_id); README.md has recipes."})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TRACE",
      description = "Go execution trace file; with --parquet or --arrow also directories (every *.trace under them) "
          + "and globs, several allowed.")
  List<String> traces;

  @Mixin CacheOptions cache = new CacheOptions();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Output output;

  /** What to write; exactly one. */
  static final class Output {
    @Option(names = "--timeline", paramLabel = "FILE", description = "Write the timeline to FILE (Chrome trace-event JSON).")
    Path timeline;

    @Option(names = "--parquet", paramLabel = "OUT",
        description = "Write every table as Parquet under directory OUT, partitioned by trace_id, and OUT/views.json.")
    Path parquet;

    @Option(names = "--arrow", paramLabel = "DIR",
        description = "Write every table as Arrow IPC files under directory DIR, partitioned by trace_id, and DIR/views.json.")
    Path arrow;
  }

  @Option(names = "--force", description = "With --parquet or --arrow: replace OUT if it holds a previous export.")
  boolean force;

  @Option(names = "--where", paramLabel = "CONDITION",
      description = "SQL condition on the goroutines table choosing the goroutines to show (default: all), "
          + "e.g. \"name LIKE 'main.%'\" or \"goid IN (SELECT goid FROM regions WHERE name = 'fetch')\".")
  String where;

  @Option(names = "--from", paramLabel = "NS", description = "Start of the time window, ns since the trace start.")
  Long from;

  @Option(names = "--to", paramLabel = "NS", description = "End of the time window, ns since the trace start.")
  Long to;

  @Override public Integer call() throws Exception {
    if (output.timeline == null) {
      if (where != null || from != null || to != null) {
        throw new ParameterException(spec.commandLine(), "--where, --from and --to apply to --timeline only");
      }
      DatasetExport.Format format = output.parquet != null ? DatasetExport.Format.PARQUET : DatasetExport.Format.ARROW;
      Path out = output.parquet != null ? output.parquet : output.arrow;
      new DatasetExport(traces, out, format, force, spec.commandLine().getErr()).run();
      return ExitCodes.OK;
    }
    if (traces.size() > 1) throw new ParameterException(spec.commandLine(), "--timeline takes one trace file");
    if (force) throw new ParameterException(spec.commandLine(), "--force applies to --parquet and --arrow only");
    Path trace = Path.of(traces.get(0));
    Path timeline = output.timeline;
    if (from != null && to != null && from > to) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    if (from != null && from < 0) throw new ParameterException(spec.commandLine(), "--from must not be negative");
    TimelineExport.Summary summary;
    // Written beside the target and moved into place at the end: a failed export leaves no half file.
    Path partial = timeline.resolveSibling(timeline.getFileName() + ".partial");
    try (Connection c = TraceConnections.open(trace, cache)) {
      try (OutputStream out = create(partial)) {
        summary = new TimelineExport(c, where, from, to).write(out);
      } catch (Exception | Error e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, timeline, StandardCopyOption.REPLACE_EXISTING);
      TruncationWarning.printIfTruncated(c, spec.commandLine().getErr());
    }
    spec.commandLine().getErr().println("gotrace-sql: wrote " + summary.events() + " events of "
        + summary.goroutines() + " goroutines, " + summary.from() + ".." + summary.to() + " ns, to " + timeline);
    return ExitCodes.OK;
  }

  private static OutputStream create(Path file) {
    try {
      return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
