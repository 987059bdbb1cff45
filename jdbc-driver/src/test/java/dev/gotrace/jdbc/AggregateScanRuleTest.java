package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * GROUP BY pushed into the Arrow scan ({@link AggregateScanRule}) is planned as {@link
 * ArrowAggregateRel} and gives, on every committed trace, the groups and values the test computes
 * itself from the plain rows of the same table and filter.
 */
@Execution(ExecutionMode.CONCURRENT)
class AggregateScanRuleTest {
  /** table, filter ('' for none), key columns, value column (BIGINT). */
  private static final List<String[]> CASES = List.of(
      new String[] {"events", "", "kind", "ts"},
      new String[] {"events", "goid > 1", "kind,proc_id", "goid"},
      new String[] {"blocking_intervals", "state = 'waiting' AND dur IS NOT NULL", "reason", "dur"},
      new String[] {"blocking_intervals", "", "state,profile", "dur"},
      new String[] {"goroutine_states", "", "state,goid", "dur"},
      new String[] {"goroutines", "is_system", "", "end_ts"});

  @TestFactory Stream<DynamicTest> pushedAggregatesEqualTheRowsGroupedHere() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        for (String[] t : CASES) check(c, t[0], t[1], t[2].isEmpty() ? List.of() : List.of(t[2].split(",")), t[3]);
      }
    }));
  }

  @Test void whatTheScanCannotDecideStaysWithCalcite() throws Exception {
    TestData.Trace trace = TestData.allTraces().get(0);
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
      assertTrue(plan(c, "SELECT kind, COUNT(*) FROM events GROUP BY kind").contains("ArrowAggregateRel"));
      // DISTINCT: Calcite groups by (kind, goid) first, which the scan does, then counts those itself.
      assertTrue(plan(c, "SELECT kind, COUNT(DISTINCT goid) FROM events GROUP BY kind").contains("EnumerableAggregate"));
      assertFalse(plan(c, "SELECT kind, COUNT(*) FROM events WHERE MOD(goid, 2) = 0 GROUP BY kind").contains("ArrowAggregateRel"));
    }
  }

  private static void check(Connection c, String table, String filter, List<String> keys, String value) throws Exception {
    String where = filter.isEmpty() ? "" : " WHERE " + filter;
    String keyList = String.join(", ", keys);
    String select = (keys.isEmpty() ? "" : keyList + ", ") + "COUNT(*) AS n, COUNT(" + value + ") AS nv, SUM(" + value
        + ") AS s, MIN(" + value + ") AS lo, MAX(" + value + ") AS hi";
    String sql = "SELECT " + select + " FROM " + table + where + (keys.isEmpty() ? "" : " GROUP BY " + keyList);
    assertTrue(plan(c, sql).contains("ArrowAggregateRel"), sql);
    Map<List<Object>, Object[]> expected = new HashMap<>();
    for (Map<String, Object> row : query(c, "SELECT " + (keys.isEmpty() ? "" : keyList + ", ") + value + " AS v FROM "
        + table + where)) {
      List<Object> key = new ArrayList<>();
      for (String k : keys) key.add(row.get(k));
      Object[] acc = expected.computeIfAbsent(key, k -> new Object[] {0L, 0L, null, null, null});
      acc[0] = (Long) acc[0] + 1;
      Long v = (Long) row.get("v");
      if (v == null) continue;
      acc[1] = (Long) acc[1] + 1;
      acc[2] = acc[2] == null ? v : (Long) acc[2] + v;
      acc[3] = acc[3] == null ? v : Math.min((Long) acc[3], v);
      acc[4] = acc[4] == null ? v : Math.max((Long) acc[4], v);
    }
    if (keys.isEmpty() && expected.isEmpty()) expected.put(List.of(), new Object[] {0L, 0L, null, null, null});
    Map<List<Object>, Object[]> actual = new HashMap<>();
    for (Map<String, Object> row : query(c, sql)) {
      List<Object> key = new ArrayList<>();
      for (String k : keys) key.add(row.get(k));
      actual.put(key, new Object[] {row.get("n"), row.get("nv"), row.get("s"), row.get("lo"), row.get("hi")});
    }
    assertEquals(expected.keySet(), actual.keySet(), sql);
    for (Map.Entry<List<Object>, Object[]> e : expected.entrySet()) {
      assertTrue(Arrays.equals(e.getValue(), actual.get(e.getKey()), (a, b) -> Objects.equals(a, b) ? 0 : 1),
          sql + " group " + e.getKey() + ": " + Arrays.toString(e.getValue()) + " vs " + Arrays.toString(actual.get(e.getKey())));
    }
  }

  private static String plan(Connection c, String sql) throws Exception {
    return query(c, "EXPLAIN PLAN FOR " + sql).get(0).values().iterator().next().toString();
  }
}
