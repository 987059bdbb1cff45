package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the waitchain program's trace: waitA waits for relayB, which waits for sleeperC, which sleeps
 * (woken by a timer). unblock_edges has exactly the program's two edges and wait_chain walks them
 * back from waitA, with the stacks at the lines the source marks; related_goroutines of waitA (Go's
 * RelatedGoroutinesV2) is waitA, relayB and sleeperC.
 */
class WaitChainScenarioTest {
  private static final Scenario WAITCHAIN = new Scenario("waitchain");

  @Test void waitChainWalksFromWaitAThroughRelayBToSleeperC() throws Exception {
    try (Connection c = WAITCHAIN.connect()) {
      long a = goid(c, "main.waitA");
      long b = goid(c, "main.relayB");
      long sleeper = goid(c, "main.sleeperC");
      long during = asLong(query(c, "SELECT ts + dur / 2 AS t FROM goroutine_states WHERE goid = " + a
          + " AND state = 'waiting'").get(0).get("t"));
      List<Map<String, Object>> chain = query(c, "SELECT * FROM TABLE(wait_chain(" + a + ", " + during + ")) ORDER BY depth");
      assertEquals(3, chain.size(), chain.toString());

      check(c, chain.get(0), 0, a, "chan receive", "main.waitA", WAITCHAIN.line("chain: A waits for B"));
      assertEquals(b, asLong(chain.get(0).get("unblocker_goid")));
      assertTrue(hasFrame(c, chain.get(0).get("unblock_stack_id"), "main.relayB", WAITCHAIN.line("chain: B unblocks A")));

      check(c, chain.get(1), 1, b, "chan receive", "main.relayB", WAITCHAIN.line("chain: B waits for C"));
      assertEquals(sleeper, asLong(chain.get(1).get("unblocker_goid")));
      assertTrue(hasFrame(c, chain.get(1).get("unblock_stack_id"), "main.sleeperC", WAITCHAIN.line("chain: C unblocks B")));

      check(c, chain.get(2), 2, sleeper, "sleep", "main.sleeperC", WAITCHAIN.line("chain: C sleeps"));
      assertNull(chain.get(2).get("unblocker_goid"), "a timer, not a goroutine, ends the sleep");
      // Each link was unblocked after the one it waited for: the chain goes back in time.
      assertTrue(asLong(chain.get(2).get("unblocked_ts")) < asLong(chain.get(1).get("unblocked_ts")));
      assertTrue(asLong(chain.get(1).get("unblocked_ts")) < asLong(chain.get(0).get("unblocked_ts")));
      assertTrue(asLong(chain.get(0).get("blocked_ts")) <= during && during < asLong(chain.get(0).get("unblocked_ts")));
    }
  }

  @Test void unblockEdgesAreTheProgramsEdges() throws Exception {
    try (Connection c = WAITCHAIN.connect()) {
      long a = goid(c, "main.waitA");
      long b = goid(c, "main.relayB");
      long sleeper = goid(c, "main.sleeperC");
      List<Map<String, Object>> edges = query(c, "SELECT e.unblocker_goid, e.goid, e.reason, e.blocked_stack_id, "
          + "e.unblock_stack_id, e.wait_ns, e.ts - e.blocked_ts AS span FROM unblock_edges e JOIN goroutines g ON g.goid = e.goid "
          + "WHERE g.name IN ('main.waitA', 'main.relayB', 'main.sleeperC') ORDER BY e.ts");
      assertEquals(2, edges.size(), edges.toString());
      assertEquals(List.of(sleeper, b), List.of(asLong(edges.get(0).get("unblocker_goid")), asLong(edges.get(0).get("goid"))));
      assertEquals(List.of(b, a), List.of(asLong(edges.get(1).get("unblocker_goid")), asLong(edges.get(1).get("goid"))));
      assertTrue(hasFrame(c, edges.get(0).get("blocked_stack_id"), "main.relayB", WAITCHAIN.line("chain: B waits for C")));
      assertTrue(hasFrame(c, edges.get(1).get("unblock_stack_id"), "main.relayB", WAITCHAIN.line("chain: B unblocks A")));
      for (Map<String, Object> e : edges) assertEquals(e.get("span"), e.get("wait_ns"));
    }
  }

  @Test void relatedGoroutinesOfWaitAAreItsUnblockerAndTheirs() throws Exception {
    try (Connection c = WAITCHAIN.connect()) {
      long a = goid(c, "main.waitA");
      List<Map<String, Object>> related = query(c, "SELECT goid, depth FROM TABLE(related_goroutines(" + a + ")) ORDER BY depth");
      assertEquals(List.of(a, goid(c, "main.relayB"), goid(c, "main.sleeperC")),
          related.stream().map(r -> asLong(r.get("goid"))).toList());
      assertEquals(List.of(0, 1, 2), related.stream().map(r -> ((Number) r.get("depth")).intValue()).toList());
    }
  }

  private static void check(Connection c, Map<String, Object> link, int depth, long goid, String reason, String function,
      int line) throws Exception {
    assertEquals(depth, ((Number) link.get("depth")).intValue());
    assertEquals(goid, asLong(link.get("goid")), link.toString());
    assertEquals(reason, link.get("reason"));
    assertTrue(hasFrame(c, link.get("blocked_stack_id"), function, line), link + " blocked at " + function + ":" + line);
    assertEquals(asLong(link.get("unblocked_ts")) - asLong(link.get("blocked_ts")), asLong(link.get("wait_ns")));
  }

  static long goid(Connection c, String name) throws Exception {
    List<Map<String, Object>> rows = query(c, "SELECT goid FROM goroutines WHERE name = '" + name + "'");
    assertEquals(1, rows.size(), name);
    return asLong(rows.get(0).get("goid"));
  }

  static boolean hasFrame(Connection c, Object stackId, String function, int line) throws Exception {
    if (stackId == null) return false;
    return !query(c, "SELECT depth FROM stack_frames WHERE stack_id = " + stackId + " AND function_name = '" + function
        + "' AND line = " + line).isEmpty();
  }
}
