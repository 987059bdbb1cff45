package dev.gotrace.cli;

import com.google.perftools.profiles.ProfileProto.Profile;
import dev.gotrace.cli.pprof.PprofWriter;
import dev.gotrace.cli.pprof.ProfileKind;
import dev.gotrace.cli.pprof.ProfileQuery;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql pprof TRACE --profile KIND | --sql SQL}: a profile that {@code go tool pprof} opens. */
@Command(name = "pprof", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = {"Write a gzipped pprof profile of a trace, for go tool pprof.",
        "--profile net|sync|syscall|sched gives go tool trace -pprof=KIND's samples (contentions/count, "
            + "delay/nanoseconds); cpu gives the CPU samples taken during the trace (samples/count, cpu/nanoseconds "
            + "at runtime/pprof's default 100 Hz).",
        "--sql runs any query returning stack_id and integer value columns, one sample per row: x_ns columns "
            + "are x/nanoseconds, x_bytes x/bytes, others count."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql pprof app.trace --profile sync -o sync.pb.gz && go tool pprof -top sync.pb.gz",
        "  gotrace-sql pprof app.trace -o worker-blocking.pb.gz --sql \\",
        "      \"SELECT b.stack_id, COUNT(*) AS contentions, SUM(b.dur) AS delay_ns FROM blocking_intervals b",
        "       JOIN goroutines g ON g.goid = b.goid WHERE b.profile = 'sync' AND g.name = 'main.worker'",
        "       AND b.dur IS NOT NULL GROUP BY b.stack_id\"",
        "",
        "See 'gotrace-sql --help' for exit codes."})
final class PprofCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Mixin CacheOptions cache = new CacheOptions();

  /** Exactly one of --profile and --sql. */
  static final class Source {
    @Option(names = "--profile", required = true, paramLabel = "KIND",
        description = "One of: ${COMPLETION-CANDIDATES}.")
    ProfileKind profile;

    @Option(names = "--sql", required = true, paramLabel = "SQL",
        description = "A query returning stack_id and integer value columns.")
    String sql;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the profile to FILE instead of stdout.")
  Path output;

  @Override public Integer call() throws Exception {
    ProfileQuery query = source.profile != null ? source.profile.query() : ProfileQuery.custom(QueryCommand.statement(source.sql));
    Profile profile;
    try (Connection c = TraceConnections.open(trace, cache)) {
      profile = PprofWriter.profile(c, query);
      TruncationWarning.printIfTruncated(c, spec.commandLine().getErr());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--sql: " + e.getMessage(), e);
    } catch (RuntimeException | ExceptionInInitializerError e) {
      // As in query: Calcite's generated code may fail while rows are fetched without a SQLException.
      throw new SQLException(e.getMessage(), e);
    }
    try (OutputStream out = open()) {
      PprofWriter.write(profile, out);
    }
    return ExitCodes.OK;
  }

  private OutputStream open() {
    if (output == null) return new BufferedOutputStream(System.out) {
      @Override public void close() throws IOException { flush(); } // stdout stays open for Main
    };
    try {
      return new BufferedOutputStream(Files.newOutputStream(output));
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
