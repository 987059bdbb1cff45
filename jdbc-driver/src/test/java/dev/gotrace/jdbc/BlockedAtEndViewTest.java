package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * goroutines_blocked_at_end, read from goroutines.open_state*, equals its former formulation over
 * goroutine_states (kept here as the independent reference) on every committed trace and scenario.
 */
class BlockedAtEndViewTest {
  private static final String FROM_GOROUTINE_STATES = """
      SELECT g.goid, g.name, g.create_stack_id, g.creator_goid, s.reason, s.ts AS blocked_ts,
             t.duration_ns - s.ts AS blocked_ns, s.stack_id AS block_stack_id
      FROM goroutine_states s
      JOIN goroutines g ON g.goid = s.goid AND s.incarnation = g.incarnations
      CROSS JOIN trace_info t
      WHERE s.state = 'waiting' AND s.dur IS NULL AND NOT g.is_system""";
  private static final String VIEW = "SELECT * FROM goroutines_blocked_at_end";
  private static final String BY_GOID = " ORDER BY goid";

  @TestFactory Stream<DynamicTest> theViewEqualsItsGoroutineStatesFormulationOnEveryTrace() {
    Stream<Path> traces = TestData.allTraces().stream().map(TestData.Trace::file);
    Stream<Path> scenarios = Stream.of("leak", "convoy", "waitchain").map(p -> new Scenario(p).trace());
    return Stream.concat(traces, scenarios).map(trace -> dynamicTest(trace.toString(), () -> {
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace)) {
        assertEquals(query(c, "SELECT * FROM (" + FROM_GOROUTINE_STATES + ")" + BY_GOID), query(c, VIEW + BY_GOID));
        assertEquals(columnTypes(c, FROM_GOROUTINE_STATES), columnTypes(c, VIEW));
      }
    }));
  }

  @Test void theLeakScenarioHasGoroutinesBlockedAtEnd() throws Exception {
    try (Connection c = new Scenario("leak").connect()) {
      assertFalse(query(c, VIEW).isEmpty(), "the comparison above is not only of empty results");
    }
  }

  private static List<String> columnTypes(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) types.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i));
      return types;
    }
  }
}
