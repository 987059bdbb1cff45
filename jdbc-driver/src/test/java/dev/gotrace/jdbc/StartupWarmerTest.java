package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class StartupWarmerTest {
  /** The warm-up runs, and a view still plans and answers after it. */
  @Test
  void warmingLeavesPlanningIntact() throws Exception {
    assertDoesNotThrow(StartupWarmer::warm);
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TestData.root().resolve("traces/go1.27/chansync.trace"));
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sync_blocking_profile s JOIN stacks USING (stack_id)")) {
      rs.next();
      try (ResultSet plain = c.createStatement().executeQuery("SELECT COUNT(*) FROM sync_blocking_profile")) {
        plain.next();
        assertEquals(plain.getLong(1), rs.getLong(1));
      }
    }
  }
}
