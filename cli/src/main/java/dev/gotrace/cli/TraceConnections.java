package dev.gotrace.cli;

import dev.gotrace.core.GoTrace;
import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.format.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opens a {@code jdbc:gotrace:} connection on what a command's TRACE argument names: a trace file,
 * or a catalogue (a directory, a glob or several of these separated by ','; see {@link TraceFiles});
 * a trace that cannot be read is an input error naming the file.
 */
final class TraceConnections {
  static final String URL_PREFIX = "jdbc:gotrace:";
  /** How the commands' help describes TRACE. */
  static final String TRACE_HELP = "Go execution trace file; or a catalogue of traces: a directory (its *.trace files), "
      + "a glob in quotes ('traces/*.trace') or several of these separated by ','.";

  private TraceConnections() {}

  /** The specs {@code trace} lists (split on ','). */
  static List<String> specs(String trace) {
    return Arrays.stream(trace.split(",")).map(String::strip).toList();
  }

  /** True if {@code trace} names a catalogue rather than one trace file. */
  static boolean isCatalogue(String trace) {
    try {
      return TraceFiles.isCatalogue(specs(trace));
    } catch (InvalidPathException e) {
      throw new CliException(ExitCodes.INPUT, "not a file path: " + trace, e);
    }
  }

  /**
   * The URL of {@code trace} with the cache options, after checking that a single trace is a
   * readable file (a catalogue's files are the driver's to list: a damaged one does not fail it).
   */
  static String url(String trace, CacheOptions cache) {
    if (isCatalogue(trace)) {
      return URL_PREFIX + specs(trace).stream().map(s -> Path.of(s).toAbsolutePath().toString())
          .collect(Collectors.joining(",")) + cache.urlProperties();
    }
    return url(Path.of(trace), cache);
  }

  /** The URL of the trace file {@code trace} with the cache options, after checking that it is a readable file. */
  static String url(Path trace, CacheOptions cache) {
    if (!Files.exists(trace)) throw new CliException(ExitCodes.INPUT, "no such file: " + trace);
    if (!Files.isRegularFile(trace)) throw new CliException(ExitCodes.INPUT, "not a regular file: " + trace);
    if (!Files.isReadable(trace)) throw new CliException(ExitCodes.INPUT, "permission denied: " + trace);
    return URL_PREFIX + trace.toAbsolutePath() + cache.urlProperties();
  }

  /** Fails with an input error unless {@code trace} starts with a Go trace header (cheap: nothing is decoded). */
  static void checkHeader(Path trace) {
    try {
      GoTrace.probe(trace);
    } catch (IOException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read " + trace + ": " + e.getMessage(), e);
    } catch (TraceFormatException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read " + trace + ": not a readable Go trace: " + e.getMessage(), e);
    }
  }

  static Connection open(String trace, CacheOptions cache) {
    return connect(url(trace, cache), trace);
  }

  static Connection open(Path trace, CacheOptions cache) {
    return connect(url(trace, cache), trace.toString());
  }

  private static Connection connect(String url, String trace) {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read " + trace + ": " + reason(e), e);
    }
  }

  /** The decoder's message if it rejected the file, else the innermost one. */
  private static String reason(SQLException e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TraceFormatException) return "not a readable Go trace: " + t.getMessage();
      if (t.getMessage() != null) innermost = t;
    }
    return innermost.getMessage();
  }
}
