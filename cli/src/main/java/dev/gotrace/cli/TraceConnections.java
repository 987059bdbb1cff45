package dev.gotrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a {@code jdbc:gotrace:} connection, checking the file first so the error names it. */
final class TraceConnections {
  static final String URL_PREFIX = "jdbc:gotrace:";

  private TraceConnections() {}

  static String url(Path trace) {
    if (!Files.exists(trace)) throw new CliException("no such file: " + trace);
    if (!Files.isRegularFile(trace)) throw new CliException("not a regular file: " + trace);
    return URL_PREFIX + trace.toAbsolutePath();
  }

  static Connection open(Path trace) throws SQLException {
    return DriverManager.getConnection(url(trace));
  }
}
