package dev.gotrace.cli;

import dev.gotrace.core.format.TraceFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a {@code jdbc:gotrace:} connection; a trace that cannot be read is an input error naming the file. */
final class TraceConnections {
  static final String URL_PREFIX = "jdbc:gotrace:";

  private TraceConnections() {}

  /** The URL of {@code trace} with the cache options, after checking that it is a readable file. */
  static String url(Path trace, CacheOptions cache) {
    if (!Files.exists(trace)) throw new CliException(ExitCodes.INPUT, "no such file: " + trace);
    if (!Files.isRegularFile(trace)) throw new CliException(ExitCodes.INPUT, "not a regular file: " + trace);
    if (!Files.isReadable(trace)) throw new CliException(ExitCodes.INPUT, "permission denied: " + trace);
    return URL_PREFIX + trace.toAbsolutePath() + cache.urlProperties();
  }

  static Connection open(Path trace, CacheOptions cache) {
    String url = url(trace, cache);
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
