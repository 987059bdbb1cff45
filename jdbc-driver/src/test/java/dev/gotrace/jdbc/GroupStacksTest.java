package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * goroutine_group_stacks on the cpuprofile program's Go 1.27 trace: the burner goroutines
 * (main.burnAll.func1) only run burn, so every CPU sample of their group has main.burn on its
 * stack and the group holds all the trace's samples taken in them; main waits for them in
 * burnAll's wg.Wait, the line the source has.
 */
class GroupStacksTest {
  private static final Scenario CPUPROFILE = new Scenario("cpuprofile");

  @Test void burnersAreOnCpuInBurnAndMainWaitsForThem() throws Exception {
    TestData.Trace trace = TestData.v2Traces().stream().filter(t -> t.toString().equals("go1.27/cpuprofile"))
        .findFirst().orElseThrow();
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
      long samples = asLong(query(c, "SELECT COUNT(*) AS n FROM cpu_samples s JOIN goroutines g ON g.goid = s.goid "
          + "WHERE g.name = 'main.burnAll.func1'").get(0).get("n"));
      assertTrue(samples > 0);
      assertEquals(samples, asLong(query(c, "SELECT SUM(cpu_samples) AS n FROM goroutine_group_stacks "
          + "WHERE name = 'main.burnAll.func1'").get(0).get("n")));
      assertEquals(samples, asLong(query(c, "SELECT SUM(s.cpu_samples) AS n FROM goroutine_group_stacks s "
          + "WHERE s.name = 'main.burnAll.func1' AND s.stack_id IN "
          + "(SELECT stack_id FROM stack_frames WHERE function_name = 'main.burn')").get(0).get("n")));
      long waited = asLong(query(c, "SELECT SUM(s.wait_ns) AS n FROM goroutine_group_stacks s WHERE s.name = 'main.main' "
          + "AND s.stack_id IN (SELECT stack_id FROM stack_frames WHERE function_name = 'main.burnAll' AND line = "
          + CPUPROFILE.line("wg.Wait()") + ")").get(0).get("n"));
      assertTrue(waited > 0, "main waits in burnAll's wg.Wait");
    }
  }
}
