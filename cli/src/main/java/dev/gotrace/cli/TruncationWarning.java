package dev.gotrace.cli;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.jdbc.DecodeStatus;
import dev.gotrace.jdbc.TraceCatalogue;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells the user when the trace was cut short or damaged. The driver reads such a trace leniently,
 * as {@code go tool trace} does (everything up to the last Sync before the damage), so results are
 * valid but partial; saying so on stderr keeps stdout clean for scripts. Asked after the query ran,
 * so it never decodes a trace the query did not need to read. In a catalogue, one line per trace that
 * could not be read (it has no rows) or was read only up to damage.
 */
final class TruncationWarning {
  private TruncationWarning() {}

  static void printIfTruncated(Connection connection, PrintWriter err) throws SQLException {
    for (TraceCatalogue.Problem p : DecodeStatus.catalogueProblems(connection)) {
      if (p.failed()) {
        err.println("gotrace-sql: warning: trace " + p.traceId() + " could not be read (" + p.message()
            + "); it has no rows (see the table traces)");
      } else {
        err.println("gotrace-sql: warning: trace " + p.traceId() + " is truncated or damaged (" + p.message()
            + "); its rows cover only the " + events(p.eventCount()) + " before the damage, as go tool trace would use them");
      }
    }
    err.flush();
    Optional<TraceReadResult> decoded = DecodeStatus.of(connection);
    if (decoded.isEmpty() || !decoded.get().truncated()) return;
    long events = decoded.get().eventCount();
    String why = decoded.get().error() == null ? "cut short" : decoded.get().error().getMessage();
    err.println("gotrace-sql: warning: the trace is truncated or damaged (" + why
        + "); results cover only the " + events(events) + " before the damage, as go tool trace would use them");
    err.flush();
  }

  private static String events(long n) {
    return n + (n == 1 ? " event" : " events");
  }
}
