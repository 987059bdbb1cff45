package dev.gotrace.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells the user when the trace was cut short or damaged. The driver reads such a trace leniently,
 * as {@code go tool trace} does (everything up to the last Sync before the damage), so results are
 * valid but partial; saying so on stderr keeps stdout clean for scripts.
 */
final class TruncationWarning {
  private static final String SQL = "SELECT truncated, event_count, error_message FROM trace_info";

  private TruncationWarning() {}

  static void printIfTruncated(Connection connection, PrintWriter err) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      if (!rs.next() || !rs.getBoolean(1)) return;
      long events = rs.getLong(2);
      err.println("gotrace-sql: warning: the trace is truncated or damaged (" + rs.getString(3)
          + "); results cover only the " + events + (events == 1 ? " event" : " events")
          + " before the damage, as go tool trace would use them");
      err.flush();
    }
  }
}
