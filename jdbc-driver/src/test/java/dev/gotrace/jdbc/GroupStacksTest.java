package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * goroutine_group_stacks on the cpuprofile program's Go 1.27 trace: the burner goroutines
 * (main.burnAll.func1) only run burn, so every CPU sample of their group has main.burn on its
 * stack and the group holds all the trace's samples taken in them; main waits for them in
 * burnAll's wg.Wait, the line the source has. On every committed trace, what it reads from
 * group_stack_times (summed at load) equals cpu_samples and blocking_intervals joined with goroutines.
 */
@Execution(ExecutionMode.CONCURRENT)
class GroupStacksTest {
  private static final Scenario CPUPROFILE = new Scenario("cpuprofile");
  /** goroutine_group_stacks written over the sample and interval rows, as the view was before the sums. */
  private static final String FROM_ROWS = """
      SELECT name, stack_id, SUM(cpu_samples) AS cpu_samples, SUM(wait_ns) AS wait_ns, SUM(syscall_ns) AS syscall_ns
      FROM (
        SELECT g.name, c.stack_id, COUNT(*) AS cpu_samples, CAST(0 AS BIGINT) AS wait_ns, CAST(0 AS BIGINT) AS syscall_ns
        FROM cpu_samples c JOIN goroutines g ON g.goid = c.goid
        GROUP BY g.name, c.stack_id
        UNION ALL
        SELECT g.name, b.stack_id, CAST(0 AS BIGINT),
               SUM(CASE WHEN b.state = 'waiting' THEN COALESCE(b.dur, t.duration_ns - b.ts) ELSE 0 END),
               SUM(CASE WHEN b.state = 'syscall' THEN COALESCE(b.dur, t.duration_ns - b.ts) ELSE 0 END)
        FROM blocking_intervals b JOIN goroutines g ON g.goid = b.goid CROSS JOIN trace_info t
        WHERE b.state IN ('waiting', 'syscall')
        GROUP BY g.name, b.stack_id
      ) u
      GROUP BY name, stack_id
      ORDER BY name, stack_id NULLS FIRST""";

  @TestFactory Stream<DynamicTest> summedStacksEqualTheRows() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        List<Map<String, Object>> summed = query(c, "SELECT * FROM goroutine_group_stacks ORDER BY name, stack_id NULLS FIRST");
        assertEquals(query(c, FROM_ROWS), summed);
      }
    }));
  }

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
