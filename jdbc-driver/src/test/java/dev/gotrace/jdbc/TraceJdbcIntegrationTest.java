package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.SchemaContract;
import dev.gotrace.core.TestData;
import dev.gotrace.core.table.Rows;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The driver over real traces: for every committed trace (v1 and v2) opened with {@link DriverManager}, the
 * metadata lists every table and view of the contract (spec schema.md) with a REMARKS text on every
 * column, and row counts and leading rows equal core's {@link TraceDatabase} on the same file. Also
 * two traces open at once, cancel and early close on a real trace, memory freed on close, and plans.
 */
class TraceJdbcIntegrationTest {
  private static final List<String> TABLES = List.copyOf(SchemaContract.TABLES.keySet());
  private static final List<String> VIEWS = List.copyOf(SchemaContract.VIEWS.keySet());
  /** Tables whose leading rows are compared value by value. */
  private static final List<String> SAMPLED = List.of("events", "goroutines", "stack_frames", "goroutine_states",
      "blocking_intervals", "regions", "ranges", "metrics");
  private static final int SAMPLE_ROWS = 300;

  @TestFactory
  Stream<DynamicTest> everyTraceMatchesCoreThroughTheDriver() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file());
          TraceDatabase db = TraceDatabase.open(trace.file())) {
        checkMetadata(c.getMetaData());
        for (String table : TABLES) {
          assertEquals(List.of(Long.toString(db.table(table).rowCount())), Fixtures.rows(c, "SELECT COUNT(*) FROM " + table),
              table);
        }
        for (String table : SAMPLED) {
          List<Map<String, Object>> core = Rows.of(db.table(table));
          List<Map<String, Object>> jdbc = rows(c, "SELECT * FROM " + table + " LIMIT " + SAMPLE_ROWS);
          assertEquals(normalised(core.subList(0, Math.min(SAMPLE_ROWS, core.size()))), normalised(jdbc), table);
        }
      }
    }));
  }

  /** Every contract table and view is there, each column documented. */
  private static void checkMetadata(DatabaseMetaData md) throws SQLException {
    Map<String, String> kinds = new TreeMap<>();
    try (ResultSet rs = md.getTables(null, GoTraceDriver.SCHEMA, "%", null)) {
      while (rs.next()) kinds.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
    }
    for (String t : TABLES) assertEquals("TABLE", kinds.get(t), t);
    for (String v : VIEWS) assertEquals("VIEW", kinds.get(v), v);
    Map<String, Integer> columns = new TreeMap<>();
    List<String> undocumented = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, GoTraceDriver.SCHEMA, "%", "%")) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        columns.merge(table, 1, Integer::sum);
        String remarks = rs.getString("REMARKS");
        if (remarks == null || remarks.isBlank()) undocumented.add(table + "." + rs.getString("COLUMN_NAME"));
      }
    }
    assertEquals(List.of(), undocumented);
    for (String t : kinds.keySet()) assertTrue(columns.getOrDefault(t, 0) > 0, t + " has no columns in getColumns");
  }

  @Test
  void twoTracesOpenAtOnceWithInterleavedResultSets() throws Exception {
    Path a = trace("go1.27", "chansync");
    Path b = trace("go1.22", "nethttp");
    try (Connection ca = DriverManager.getConnection(GoTraceDriver.PREFIX + a);
        Connection cb = DriverManager.getConnection(GoTraceDriver.PREFIX + b);
        TraceDatabase da = TraceDatabase.open(a);
        TraceDatabase dbb = TraceDatabase.open(b);
        Statement sa = ca.createStatement();
        Statement sb = cb.createStatement();
        ResultSet ra = sa.executeQuery("SELECT event_id, ts FROM events");
        ResultSet rb = sb.executeQuery("SELECT event_id, ts FROM events")) {
      List<Map<String, Object>> ea = Rows.of(da.table("events"));
      List<Map<String, Object>> eb = Rows.of(dbb.table("events"));
      int na = 0;
      int nb = 0;
      boolean moreA = true;
      boolean moreB = true;
      while (moreA || moreB) {
        if (moreA && (moreA = ra.next())) {
          assertEquals(ea.get(na).get("ts"), ra.getLong("ts"), "chansync row " + na);
          na++;
        }
        if (moreB && (moreB = rb.next())) {
          assertEquals(eb.get(nb).get("ts"), rb.getLong("ts"), "nethttp row " + nb);
          nb++;
        }
      }
      assertEquals(ea.size(), na);
      assertEquals(eb.size(), nb);
    }
  }

  @Test
  void statementCancelledFromAnotherThreadStopsAJoinOnARealTrace() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace("go1.27", "nethttp"));
        Statement s = c.createStatement()) {
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        CountDownLatch running = new CountDownLatch(1);
        Future<?> query = executor.submit(() -> {
          // A cross join of the events with themselves: far too many rows to finish before the cancel.
          try (ResultSet rs = s.executeQuery("SELECT a.event_id, b.event_id FROM events a, events b")) {
            running.countDown();
            while (rs.next()) { }
          }
          return null;
        });
        running.await();
        s.cancel();
        Exception e = assertThrows(Exception.class, query::get);
        assertNotNull(e.getCause());
      } finally {
        executor.shutdownNow();
      }
      // The connection stays usable.
      assertEquals(1, rows(c, "SELECT COUNT(*) AS n FROM trace_info").size());
    }
  }

  /** The allocator of each table built so far is named after it, under the trace's allocator. */
  private static Set<String> builtTables(RootAllocator allocator) {
    Set<String> names = new java.util.TreeSet<>();
    for (var trace : allocator.getChildAllocators()) {
      for (var table : trace.getChildAllocators()) names.add(table.getName());
    }
    return names;
  }

  @Test
  void aProfileViewBuildsOnlyTheTablesItReadsInOnePass() throws Exception {
    try (RootAllocator allocator = new RootAllocator()) {
      GoTraceDriver driver = new GoTraceDriver((path, cache, limit) -> TraceDatabaseCatalog.open(path, cache, allocator), ViewLoader.shipped(),
          FunctionRegistry.EMPTY);
      try (Connection c = driver.connect(GoTraceDriver.PREFIX + trace("go1.27", "mix"), new Properties())) {
        assertFalse(rows(c, "SELECT * FROM sync_blocking_profile").isEmpty());
        assertEquals(Set.of("blocking_profiles", "group_blocking_profiles", "group_stack_times", "stacks", "trace_info"),
            builtTables(allocator));
        assertFalse(rows(c, "SELECT * FROM goroutine_analysis").isEmpty());
        assertFalse(builtTables(allocator).contains("events"), builtTables(allocator).toString());
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void theLeakViewsBuildNoGoroutineStates() throws Exception {
    try (RootAllocator allocator = new RootAllocator()) {
      GoTraceDriver driver = new GoTraceDriver((path, cache, limit) -> TraceDatabaseCatalog.open(path, cache, allocator), ViewLoader.shipped(),
          FunctionRegistry.EMPTY);
      try (Connection c = driver.connect(GoTraceDriver.PREFIX + TestData.root().resolve("scenarios/leak.trace"), new Properties())) {
        assertFalse(rows(c, "SELECT * FROM goroutine_leaks").isEmpty());
        assertFalse(rows(c, "SELECT * FROM goroutines_blocked_at_end").isEmpty());
        assertEquals(Set.of("goroutines", "trace_info"), builtTables(allocator));
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void resultSetClosedEarlyThenConnectionFreesAllMemory() throws Exception {
    try (RootAllocator allocator = new RootAllocator()) {
      GoTraceDriver driver = new GoTraceDriver((path, cache, limit) -> TraceDatabaseCatalog.open(path, cache, allocator), ViewLoader.shipped(),
          FunctionRegistry.EMPTY);
      Connection c = driver.connect(GoTraceDriver.PREFIX + trace("go1.27", "gcpressure"), new Properties());
      assertEquals(0, allocator.getAllocatedMemory(), "tables are built by the first query that reads them");
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM events");
      assertTrue(rs.next());
      assertTrue(allocator.getAllocatedMemory() > 0, "the trace's tables live in the given allocator");
      rs.close();
      assertTrue(rs.isClosed());
      // After the early close the connection still answers, and the trace is still there.
      assertFalse(rows(c, "SELECT goid FROM goroutine_analysis").isEmpty());
      long decoded = allocator.getAllocatedMemory();
      assertFalse(rows(c, "SELECT goid FROM goroutine_analysis").isEmpty());
      assertEquals(decoded, allocator.getAllocatedMemory(), "tables once built are reused");
      c.close();
      assertTrue(s.isClosed());
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void countStarIsAValuesNodeAndAProjectionReadsOnlyItsColumns() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace("go1.27", "mix"))) {
      String count = String.join("\n", Fixtures.rows(c, "EXPLAIN PLAN FOR SELECT COUNT(*) FROM events"));
      assertTrue(count.contains("EnumerableValues"), count);
      assertFalse(count.contains("Scan"), count);
      String projection = String.join("\n", Fixtures.rows(c, "EXPLAIN PLAN FOR SELECT ts, goid FROM events"));
      // events columns: event_id 0, ts 1, kind 2, goid 3, ...
      assertTrue(projection.contains("projects=[[1, 3]]"), projection);
    }
  }

  private static Path trace(String version, String program) {
    return TestData.root().resolve("traces").resolve(version).resolve(program + ".trace");
  }

  private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
    return dev.gotrace.jdbc.golden.SqlRows.query(c, sql);
  }

  /** Rows with integers as Long and every other value as its string, so JDBC and Arrow types compare. */
  private static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> n = new LinkedHashMap<>();
      for (String column : new TreeSet<>(row.keySet())) {
        Object v = row.get(column);
        n.put(column, v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            ? (Object) ((Number) v).longValue() : v == null ? null : v.toString());
      }
      out.add(n);
    }
    return out;
  }
}
