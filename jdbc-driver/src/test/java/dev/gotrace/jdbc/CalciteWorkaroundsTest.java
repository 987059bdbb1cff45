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

  /** GoTracePrepare rejects writes by their first keyword: Calcite's core parser knows no DDL. */
  @Test
  void calcitesCoreParserKnowsNoDdl() {
    assertThrows(SqlParseException.class,
        () -> SqlParser.create("CREATE TABLE t (x INT)", GoTraceLex.PARSER_CONFIG).parseStmt());
  }
}
