package dev.gotrace.cli.timeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stacks as "function file:line" lines, leaf first, read from stack_frames once. */
final class StackTexts {
  private final Map<Long, List<String>> frames = new HashMap<>();

  StackTexts(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery(
             "SELECT stack_id, function_name, file, line FROM stack_frames ORDER BY stack_id, depth")) {
      while (rs.next()) {
        frames.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
            .add(rs.getString(2) + " " + rs.getString(3) + ":" + rs.getLong(4));
      }
    }
  }

  /** The frames of the stack, or null for no stack (a NULL stack_id, read as 0 with wasNull). */
  List<String> of(long stackId, boolean isNull) {
    return isNull ? null : frames.get(stackId);
  }
}
