package dev.gotrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * What the user is told about an error: one line and an exit code. The driver classifies SQL
 * errors (SQLState, one-line message; dev.gotrace.jdbc.SqlErrors); the exit code follows the
 * SQLState's class.
 */
record Failure(int exitCode, String message) {
  static Failure of(Throwable e) {
    if (e instanceof CliException cli) return new Failure(cli.exitCode(), cli.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) return ofSqlState(sql);
    }
    if (e instanceof OutOfMemoryError) {
      return new Failure(ExitCodes.INTERNAL, "out of memory; give the JVM more heap, e.g. GOTRACE_SQL_JAVA_OPTS=-Xmx8g");
    }
    if (e instanceof SQLException) return new Failure(ExitCodes.SQL, "query failed: " + firstLine(innermost(e)));
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return new Failure(ExitCodes.INPUT, firstLine(innermost(e)));
    }
    return new Failure(ExitCodes.INTERNAL, "internal error: " + firstLine(innermost(e))
        + " (rerun with --debug for the stack trace)");
  }

  private static Failure ofSqlState(SQLException e) {
    String message = firstLine(e);
    return switch (e.getSQLState().substring(0, 2)) {
      case "53" -> new Failure(ExitCodes.MEMORY, message
          + "; raise the bound with GOTRACE_SQL_MEMORY (e.g. GOTRACE_SQL_MEMORY=20g) or query smaller tables");
      case "08" -> new Failure(ExitCodes.INPUT, message);
      case "HY" -> new Failure(ExitCodes.SQL, e.getSQLState().equals("HY000") ? "query failed: " + message : message);
      default -> new Failure(ExitCodes.SQL, message);
    };
  }

  private static Throwable innermost(Throwable e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) innermost = t;
    }
    return innermost;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) return t.getClass().getSimpleName();
    return m.strip().lines().findFirst().orElse(m).strip();
  }
}
