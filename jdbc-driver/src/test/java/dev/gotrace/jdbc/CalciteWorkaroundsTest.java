package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins each workaround of a Calcite 1.42 limitation: every test shows the limitation still there
 * and fails once Calcite lifts it, so the workaround can go.
 */
class CalciteWorkaroundsTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverManager.getConnection(GoTraceDriver.PREFIX + TestData.root().resolve("traces/go1.27/chansync.trace"));
  }

  @AfterAll
  static void close() throws SQLException { connection.close(); }

  private static long count(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * queries/views/_profile_intervals.sql clips without CASE guards: a guard on
   * {@code COALESCE(g.end_ts, t.duration_ns)} in a pushed-down filter becomes a comparison on
   * {@code end_ts} cast to NOT NULL, which drops every goroutine alive at trace end (a cast that
   * drops nullability, as in CALCITE-7619).
   */
  @Test
  void aCaseGuardOnCoalesceDropsTheRowsWhereItIsNull() throws SQLException {
    String guarded = "SELECT COUNT(*) FROM (SELECT g.end_ts, CASE"
        + " WHEN COALESCE(g.end_ts, t.duration_ns) < b.ts THEN 0 ELSE 1 END AS kept"
        + " FROM blocking_intervals b JOIN goroutines g ON g.goid = b.goid CROSS JOIN trace_info t"
        + " WHERE b.profile IS NOT NULL AND b.dur IS NOT NULL) clipped WHERE kept > 0 AND end_ts IS NULL";
    long alive = count("SELECT COUNT(*) FROM _profile_intervals p JOIN goroutines g ON g.goid = p.goid"
        + " WHERE g.end_ts IS NULL");
    assertTrue(alive > 0, "the trace has blocked goroutines alive at its end");
    assertEquals(0, count(guarded), "Calcite keeps the NULL end_ts rows now: _profile_intervals may guard again");
  }

  /**
   * Calcite's bridge from a scan to generated code hands rows of no columns as Object[] where the
   * code above expects lists: a COUNT(*) over a LIMIT failed with a ClassCastException. With
   * {@link InterpreterBridgeRule} the counts are right; with Calcite's rule back, it still fails.
   */
  @Test
  void calcitesInterpreterBridgeFailsOnRowsOfNoColumns() throws SQLException {
    long goroutines = count("SELECT COUNT(*) FROM goroutines");
    assertTrue(goroutines > 10, "the trace has more than 10 goroutines");
    assertEquals(5, count("SELECT COUNT(*) FROM (SELECT * FROM goroutines LIMIT 5)"));
    assertEquals(goroutines - 3, count("SELECT COUNT(*) FROM (SELECT goid FROM goroutines OFFSET 3 ROWS)"));
    assertEquals(2, count("SELECT COUNT(*) FROM (SELECT 1 FROM unblock_edges FETCH FIRST 2 ROWS ONLY)"));
    // After the statement is converted, the planner that will optimise it has all of GoTracePrepare's rules.
    try (Hook.Closeable calcitesRule = Hook.CONVERTED.addThread((RelNode converted) -> {
      RelOptPlanner planner = converted.getCluster().getPlanner();
      planner.removeRule(InterpreterBridgeRule.INSTANCE);
      planner.addRule(EnumerableRules.TO_INTERPRETER);
    })) {
      SQLException e = assertThrows(SQLException.class, () -> count("SELECT COUNT(*) FROM (SELECT * FROM goroutines LIMIT 6)"),
          "Calcite's own bridge handles rows of no columns now: InterpreterBridge may go");
      assertTrue(e.getMessage().contains("ComparableList"), e.getMessage());
    }
  }

  /** GoTracePrepare rejects writes by their first keyword: Calcite's core parser knows no DDL. */
  @Test
  void calcitesCoreParserKnowsNoDdl() {
    assertThrows(SqlParseException.class,
        () -> SqlParser.create("CREATE TABLE t (x INT)", GoTraceLex.PARSER_CONFIG).parseStmt());
  }
}
