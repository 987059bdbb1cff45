package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.WaitChainScenarioTest.hasFrame;
import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the leak program's trace: goroutine_leaks finds the five leakyWorker goroutines (blocked on a
 * channel receive) and the two stuckForever ones (empty select), created and blocked at the lines
 * the source marks, waiting at least the 100 ms main sleeps before stopping the trace; the five
 * finishingWorker goroutines, which exit, are not there.
 */
class LeakScenarioTest {
  private static final Scenario LEAK = new Scenario("leak");
  private static final long MAIN_SLEEP_NS = 100_000_000L;

  @Test void leaksAreTheProgramsLeakedGoroutines() throws Exception {
    try (Connection c = LEAK.connect()) {
      List<Map<String, Object>> leaks = query(c, "SELECT * FROM goroutine_leaks WHERE name LIKE 'main.%' ORDER BY name");
      assertEquals(2, leaks.size(), leaks.toString());
      check(c, leaks.get(0), "main.leakyWorker", 5, "chan receive", "leak: leakyWorker created", "leak: leakyWorker blocks");
      check(c, leaks.get(1), "main.stuckForever", 2, "forever", "leak: stuckForever created", "leak: stuckForever blocks");
      assertEquals(List.of(), query(c, "SELECT goid FROM goroutines_blocked_at_end WHERE name = 'main.finishingWorker'"));
      assertEquals(5L, asLong(query(c, "SELECT COUNT(*) AS n FROM goroutines WHERE name = 'main.finishingWorker' "
          + "AND end_reason = 'exit'").get(0).get("n")));
    }
  }

  private static void check(Connection c, Map<String, Object> group, String name, long goroutines, String reason,
      String createdAt, String blockedAt) throws Exception {
    assertEquals(name, group.get("name"));
    assertEquals(goroutines, asLong(group.get("goroutines")), group.toString());
    assertEquals(reason, group.get("reason"));
    assertTrue(hasFrame(c, group.get("create_stack_id"), "main.main", LEAK.line(createdAt)), group.toString());
    assertTrue(hasFrame(c, group.get("block_stack_id"), name, LEAK.line(blockedAt)), group.toString());
    assertTrue(asLong(group.get("min_blocked_ns")) > MAIN_SLEEP_NS, group.toString());
    assertTrue(asLong(group.get("min_blocked_ns")) <= asLong(group.get("max_blocked_ns")));
  }
}
