package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.junit.jupiter.api.Test;

/**
 * {@link CurrentRow} hands out exactly what Avatica's {@code getObject} returns, with the same
 * {@code wasNull}, and leaves to Avatica what it converts. Also notices an Avatica that no
 * longer has the fields it reads.
 */
class CurrentRowTest {
  private static Connection chansync() throws SQLException {
    return DriverManager.getConnection(GoTraceDriver.PREFIX + TestData.root().resolve("traces/go1.27/chansync.trace"));
  }

  @Test
  void everyValueIsAvaticasOwnWithTheSameWasNull() throws SQLException {
    String sql = "SELECT event_id, goid, CAST(proc_id AS INTEGER) AS p, CAST(MOD(event_id, 100) AS SMALLINT) AS s,"
        + " CAST(MOD(event_id, 100) AS TINYINT) AS t, goid > 5 AS b, CAST(ts AS DOUBLE) / 3 AS d,"
        + " CAST(ts AS REAL) AS r, kind, reason, name FROM events";
    try (Connection connection = chansync(); Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      AvaticaResultSet avatica = rs.unwrap(AvaticaResultSet.class);
      CurrentRow row = CurrentRow.of(avatica);
      assertNotNull(row, "Avatica's result set no longer has the cursor and row fields CurrentRow reads");
      int columns = rs.getMetaData().getColumnCount();
      int[] direct = new int[columns + 1];
      int[] nulls = new int[columns + 1];
      long rows = 0;
      while (rs.next()) {
        rows++;
        for (int c = 1; c <= columns; c++) {
          Object value = row.value(c);
          boolean wasNull = avatica.wasNull();
          Object expected = avatica.getObject(c);
          if (value == CurrentRow.UNREAD) continue;
          direct[c]++;
          assertEquals(expected, value, "column " + c + " of row " + rows);
          assertEquals(expected == null ? null : expected.getClass(), value == null ? null : value.getClass());
          assertEquals(avatica.wasNull(), wasNull, "wasNull after column " + c);
          if (value == null) nulls[c]++;
        }
      }
      assertTrue(rows > 10_000, "rows " + rows);
      for (int c = 1; c <= columns; c++) {
        assertEquals(rows, direct[c], "column " + c + " read directly in every row");
      }
      // goid, proc_id, reason and name are NULL in some rows, and the NULLs came through too.
      for (int c : new int[] {2, 3, 6, 10, 11}) assertTrue(nulls[c] > 0, "NULLs in column " + c);
    }
  }

  @Test
  void whatAvaticaConvertsIsLeftToIt() throws SQLException {
    String sql = "SELECT CAST(goid AS DECIMAL(20, 1)) AS exact, CAST(kind AS CHAR(20)) AS fixed,"
        + " TIMESTAMP '2026-01-01 00:00:00' AS stamp, event_id FROM events WHERE event_id < 3";
    try (Connection connection = chansync(); Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      CurrentRow row = CurrentRow.of(rs.unwrap(AvaticaResultSet.class));
      assertSame(CurrentRow.UNREAD, row.value(4), "no row yet");
      assertTrue(rs.next());
      for (int c : new int[] {0, 1, 2, 3, 5}) assertSame(CurrentRow.UNREAD, row.value(c), "column " + c);
      assertNotSame(CurrentRow.UNREAD, row.value(4));
      // Through the connection's result set: Avatica's conversions, as before.
      assertEquals(20, rs.getString(2).length(), "CHAR(20) padded");
      assertEquals(java.sql.Timestamp.class, rs.getObject(3).getClass());
      while (rs.next()) { /* to the end */ }
      assertSame(CurrentRow.UNREAD, row.value(4), "after the last row");
    }
  }
}
