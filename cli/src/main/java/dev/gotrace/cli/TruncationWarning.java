package dev.gotrace.cli;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.jdbc.DecodeStatus;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells the user when the trace was cut short or damaged. The driver reads such a trace leniently,
 * as {@code go tool trace} does (everything up to the last Sync before the damage), so results are
 * valid but partial; saying so on stderr keeps stdout clean for scripts. Asked after the query ran,
 * so it never decodes a trace the query did not need to read.
 */
final class TruncationWarning {
  private TruncationWarning() {}

  static void printIfTruncated(Connection connection, PrintWriter err) throws SQLException {
    Optional<TraceReadResult> decoded = DecodeStatus.of(connection);
    if (decoded.isEmpty() || !decoded.get().truncated()) return;
    long events = decoded.get().eventCount();
    String why = decoded.get().error() == null ? "cut short" : decoded.get().error().getMessage();
    err.println("gotrace-sql: warning: the trace is truncated or damaged (" + why
        + "); results cover only the " + events + (events == 1 ? " event" : " events")
        + " before the damage, as go tool trace would use them");
    err.flush();
  }
}
