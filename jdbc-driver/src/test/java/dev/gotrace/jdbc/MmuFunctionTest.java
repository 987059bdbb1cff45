package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The mmu, mmu_worst_windows and mmu_percentiles table functions give Go 1.27's MMU and MUD
 * (testdata/golden/.../mmu.json, from internal/trace) through SQL.
 */
class MmuFunctionTest {
  private static final TestData.Trace TRACE = TestData.allTraces().stream()
      .filter(t -> t.toString().equals("go1.27/gcpressure")).findFirst().orElseThrow();

  @Test void mmuEqualsGoForEveryGoldenWindowAndFlagSet() throws Exception {
    JsonNode golden = new ObjectMapper().readTree(TRACE.golden("mmu.json").toFile());
    // Table function arguments must be literals: Calcite types the function's result at planning.
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + TRACE.file());
        Statement st = c.createStatement()) {
      for (JsonNode result : golden.get("results")) {
        for (int i = 0; i < golden.get("windows_ns").size(); i++) {
          long window = golden.get("windows_ns").get(i).asLong();
          String sql = "SELECT window_ns, flags, mmu FROM TABLE(mmu(" + window + ", '"
              + result.get("flags").asText() + "'))";
          try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(window, rs.getLong("window_ns"));
            assertEquals(result.get("mmu").get(i).asDouble(), rs.getDouble("mmu"),
                result.get("flags").asText() + " at " + window);
            assertFalse(rs.next());
          }
        }
      }
    }
  }

  @Test void percentilesEqualGosMudForEveryGoldenWindowAndFlagSet() throws Exception {
    JsonNode golden = new ObjectMapper().readTree(TRACE.golden("mmu.json").toFile());
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + TRACE.file());
        Statement st = c.createStatement()) {
      for (JsonNode result : golden.get("results")) {
        for (int i = 0; i < golden.get("windows_ns").size(); i++) {
          long window = golden.get("windows_ns").get(i).asLong();
          String sql = "SELECT quantile, utilization FROM TABLE(mmu_percentiles(" + window + ", '"
              + result.get("flags").asText() + "')) ORDER BY quantile";
          try (ResultSet rs = st.executeQuery(sql)) {
            for (int q = 0; q < golden.get("mud_quantiles").size(); q++) {
              assertTrue(rs.next());
              assertEquals(golden.get("mud_quantiles").get(q).asDouble(), rs.getDouble("quantile"));
              assertEquals(result.get("mud").get(i).get(q).asDouble(), rs.getDouble("utilization"),
                  result.get("flags").asText() + " at " + window);
            }
            assertFalse(rs.next());
          }
        }
      }
    }
  }

  @Test void worstWindowsAreOrderedAndNoBetterThanTheMmu() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + TRACE.file());
        ResultSet mmu = c.createStatement().executeQuery("SELECT mmu FROM TABLE(mmu(10000000, 'stw'))");
        ResultSet worst = c.createStatement().executeQuery(
            "SELECT window_rank, ts, utilization FROM TABLE(mmu_worst_windows(10000000, 'stw', 3))")) {
      assertTrue(mmu.next());
      double previous = mmu.getDouble(1);
      int rank = 0;
      while (worst.next()) {
        assertEquals(++rank, worst.getInt("window_rank"));
        assertTrue(worst.getDouble("utilization") >= previous, "windows must come worst first");
        previous = worst.getDouble("utilization");
        if (rank == 1) assertEquals(mmu.getDouble(1), previous, "the worst window is the MMU");
      }
      assertEquals(3, rank);
    }
  }

  @Test void unknownFlagIsAClearError() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + TRACE.file())) {
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().executeQuery("SELECT * FROM TABLE(mmu(1000000, 'stw|gc'))").next());
      Throwable t = e;
      while (t.getCause() != null) t = t.getCause();
      assertTrue(t.getMessage().contains("unknown utilization flag 'gc'"), t.getMessage());
    }
  }
}
