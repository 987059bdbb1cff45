package dev.gotrace.cli;

import dev.gotrace.cli.timeline.TimelineExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql export TRACE --timeline FILE}: writes what a query selects for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = "Export a trace for other tools: a timeline in Chrome's trace-event JSON, which "
        + "ui.perfetto.dev and chrome://tracing open.",
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql export app.trace --timeline app.json",
        "  gotrace-sql export app.trace --timeline workers.json --where \"name = 'main.worker'\"",
        "  gotrace-sql export app.trace --timeline first-second.json --from 0 --to 1000000000",
        "",
        "The timeline has a track per P with the goroutines it ran, a track per selected goroutine with its",
        "states (stacks as args), logs and arrows from the goroutine that unblocked it, its user regions,",
        "user tasks, GC and stop-the-world bands, and counters of the heap, GOMAXPROCS and goroutines by state.",
        "--where selects goroutines; the goroutines that unblocked them are shown too, so every arrow has two ends."})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Mixin CacheOptions cache = new CacheOptions();

  @Option(names = "--timeline", required = true, paramLabel = "FILE",
      description = "Write the timeline to FILE (Chrome trace-event JSON).")
  Path timeline;

  @Option(names = "--where", paramLabel = "CONDITION",
      description = "SQL condition on the goroutines table choosing the goroutines to show (default: all), "
          + "e.g. \"name LIKE 'main.%'\" or \"goid IN (SELECT goid FROM regions WHERE name = 'fetch')\".")
  String where;

  @Option(names = "--from", paramLabel = "NS", description = "Start of the time window, ns since the trace start.")
  Long from;

  @Option(names = "--to", paramLabel = "NS", description = "End of the time window, ns since the trace start.")
  Long to;

  @Override public Integer call() throws Exception {
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
