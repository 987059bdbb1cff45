package dev.gotrace.cli.pprof;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The frames of every stack of a trace (stack_frames), leaf first, at most the 128 cmd/trace keeps. */
final class StackFrames {
  /** cmd/trace keeps the first 128 frames of a stack. */
  static final int MAX_FRAMES = 128;

  /** One frame of a stack. */
  record Frame(long pc, String function, String file, long line) {}

  private final Map<Long, List<Frame>> stacks;

  private StackFrames(Map<Long, List<Frame>> stacks) {
    this.stacks = stacks;
  }

  static StackFrames load(Connection c) throws SQLException {
    Map<Long, List<Frame>> stacks = new HashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT stack_id, pc, function_name, file, line FROM stack_frames ORDER BY stack_id, depth")) {
      while (rs.next()) {
        List<Frame> frames = stacks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
        if (frames.size() < MAX_FRAMES) frames.add(new Frame(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
      }
    }
    return new StackFrames(stacks);
  }

  /** The frames of {@code stackId}; none for a NULL or unknown stack. */
  List<Frame> of(Long stackId) {
    return stackId == null ? List.of() : stacks.getOrDefault(stackId, List.of());
  }
}
