package dev.gotrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.jdbc.GoTraceDriver;
import dev.gotrace.jdbc.SharedTraces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Flight SQL server through Apache Arrow's own Flight SQL JDBC driver (and, to count batches,
 * Arrow's FlightSqlClient), compared with our JDBC driver on the same committed traces.
 */
class FlightSqlServerTest {
  private static final Path CHANSYNC = TestData.root().resolve("traces/go1.27/chansync.trace");
  private static final Path MIX = TestData.root().resolve("traces/go1.27/mix.trace");
  private static final List<String> PROFILES = List.of("net_blocking_profile", "sync_blocking_profile",
      "syscall_blocking_profile", "sched_latency_profile");
  /** Runs for hours unless stopped: nested loops over events × events × goroutines. */
  private static final String ENDLESS =
      "SELECT COUNT(*) FROM events a, events b, goroutines c WHERE a.ts + b.ts + c.goid = -1";

  private static final Properties NO_CACHE = new Properties();

  static {
    NO_CACHE.setProperty(GoTraceDriver.CACHE_PROPERTY, "off");
  }

  private TraceFlightServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
  }

  private TraceFlightServer serve(String token, int maxQueries, Path... traces) throws Exception {
    server = TraceFlightServer.start(SharedTraces.open(List.of(traces), NO_CACHE), "127.0.0.1", 0,
        token, maxQueries);
    return server;
  }

  private Connection flight(String token) throws SQLException {
    Properties p = new Properties();
    p.setProperty("useEncryption", "false");
    if (token != null) p.setProperty("token", token);
    return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port(), p);
  }

  @Test
  void metadataListsEveryTableAndViewWithTheDriversColumnsAndRemarks() throws Exception {
    serve(null, 8, CHANSYNC, MIX);
    try (Connection f = flight(null); Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + CHANSYNC)) {
      DatabaseMetaData fmd = f.getMetaData();
      assertEquals("gotrace-sql", fmd.getDatabaseProductName());
      assertTrue(fmd.isReadOnly());
      assertEquals(new TreeSet<>(List.of("chansync", "mix")), strings(fmd.getSchemas(), "TABLE_SCHEM"));
      Set<String> expected = new TreeSet<>();
      try (ResultSet rs = ours.getMetaData().getTables(null, GoTraceDriver.SCHEMA, "%", null)) {
        while (rs.next()) expected.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
      }
      Set<String> actual = new TreeSet<>();
      try (ResultSet rs = fmd.getTables(null, "chansync", "%", null)) {
        while (rs.next()) actual.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
      }
      assertEquals(expected, actual);
      assertEquals(columns(ours.getMetaData(), GoTraceDriver.SCHEMA, "sync_blocking_profile"),
          columns(fmd, "chansync", "sync_blocking_profile"));
      assertEquals(columns(ours.getMetaData(), GoTraceDriver.SCHEMA, "goroutines"), columns(fmd, "mix", "goroutines"));
    }
  }

  @Test
  void theFourProfileViewsEqualOurDriversRowsWithTheirTypes() throws Exception {
    serve(null, 8, CHANSYNC, MIX);
    try (Connection f = flight(null)) {
      for (Path trace : List.of(CHANSYNC, MIX)) {
        String schema = trace.getFileName().toString().replace(".trace", "");
        try (Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + trace)) {
          for (String view : PROFILES) {
            String sql = "SELECT * FROM %s ORDER BY delay_ns DESC, stack_id";
            List<Map<String, Object>> expected = rows(ours, String.format(sql, view));
            assertEquals(expected, rows(f, String.format(sql, schema + "." + view)), schema + "." + view);
          }
        }
      }
      try (Statement s = f.createStatement(); ResultSet rs = s.executeQuery("SELECT stack_id, delay_ns, leaf_function FROM sync_blocking_profile")) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(List.of(Types.BIGINT, Types.BIGINT, Types.VARCHAR),
            List.of(md.getColumnType(1), md.getColumnType(2), md.getColumnType(3)));
      }
    }
  }

  /** A directory served as one catalogue schema beside a trace: the driver's catalogue rows and metadata. */
  @Test
  void aCatalogueIsOneSchemaWithTheDriversRows() throws Exception {
    Path dir = CHANSYNC.getParent();
    server = TraceFlightServer.start(SharedTraces.openSpecs(List.of(CHANSYNC.toString(), dir.toString()), NO_CACHE),
        "127.0.0.1", 0, null, 8);
    try (Connection f = flight(null); Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + dir + ";cache=off")) {
      assertEquals(new TreeSet<>(List.of("chansync", "go1_27")), strings(f.getMetaData().getSchemas(), "TABLE_SCHEM"));
      String sql = "SELECT trace_id, COUNT(*) AS n, SUM(exec_ns) AS exec_ns FROM %sgoroutine_analysis GROUP BY trace_id ORDER BY trace_id";
      List<Map<String, Object>> expected = rows(ours, String.format(sql, ""));
      assertEquals(9, expected.size());
      assertEquals(expected, rows(f, String.format(sql, "go1_27.")));
      assertEquals(rows(ours, "SELECT trace_id, decode_status FROM traces ORDER BY trace_id"),
          rows(f, "SELECT trace_id, decode_status FROM go1_27.traces ORDER BY trace_id"));
      assertEquals(columns(ours.getMetaData(), GoTraceDriver.SCHEMA, "sync_blocking_profile"),
          columns(f.getMetaData(), "go1_27", "sync_blocking_profile"));
    }
  }

  @Test
  void preparedStatementParametersAreBound() throws Exception {
    serve(null, 8, CHANSYNC);
    try (Connection f = flight(null); Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + CHANSYNC)) {
      List<Map<String, Object>> top = rows(ours, "SELECT stack_id, delay_ns FROM sync_blocking_profile ORDER BY delay_ns DESC LIMIT 1");
      try (var ps = f.prepareStatement("SELECT stack_id, delay_ns FROM sync_blocking_profile WHERE stack_id = ?")) {
        ps.setLong(1, (Long) top.get(0).get("stack_id"));
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(top, rows(rs));
        }
      }
    }
  }

  @Test
  void aMillionRowResultIsStreamedInBatchesWithoutTheServerHoldingIt() throws Exception {
    serve(null, 8, CHANSYNC);
    String sql = "SELECT a.event_id, b.ts FROM events a CROSS JOIN events b LIMIT 1000000";
    long expectedRows;
    try (Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + CHANSYNC)) {
      expectedRows = (Long) rows(ours, "SELECT COUNT(*) AS n FROM (" + sql + ")").get(0).get("n");
    }
    assertEquals(1_000_000, expectedRows, "the cross join should reach the limit");
    try (RootAllocator allocator = new RootAllocator();
        FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port())).build();
        FlightSqlClient sql2 = new FlightSqlClient(client)) {
      FlightInfo info = sql2.execute(sql);
      long rows = 0;
      int batches = 0;
      long peak = 0;
      try (FlightStream stream = sql2.getStream(info.getEndpoints().get(0).getTicket())) {
        while (stream.next()) {
          rows += stream.getRoot().getRowCount();
          batches++;
          peak = Math.max(peak, server.allocatedBytes());
        }
      }
      assertEquals(expectedRows, rows);
      assertTrue(batches >= expectedRows / TraceSqlProducer.BATCH_ROWS, batches + " batches");
      // Two BIGINT columns of the whole result would be 16 bytes a row.
      assertTrue(peak < expectedRows * 16 / 4, "server held " + peak + " bytes");
    }
  }

  /**
   * Arrow's JDBC driver stops waiting on Statement.cancel but leaves the call open until its
   * connection closes; then gRPC cancels the call and the server stops the query at once.
   */
  @Test
  void aCancelledQueryFreesItsSlotAndMemory() throws Exception {
    serve(null, 8, CHANSYNC);
    Connection f = flight(null);
    Statement s = f.createStatement();
    CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
      try (ResultSet rs = s.executeQuery(ENDLESS)) {
        rs.next();
      } catch (SQLException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    awaitRunning(1);
    long start = System.nanoTime();
    s.cancel();
    assertThrows(java.util.concurrent.ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS));
    f.close();
    awaitRunning(0);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertTrue(seconds < 20, "the server stopped the query " + seconds + " s after the client cancelled");
    assertEquals(0, server.allocatedBytes());
  }

  @Test
  void cancelFlightInfoStopsTheQuery() throws Exception {
    serve(null, 8, CHANSYNC);
    try (RootAllocator allocator = new RootAllocator();
        FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port())).build();
        FlightSqlClient sql = new FlightSqlClient(client)) {
      FlightInfo info = sql.execute(ENDLESS);
      CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket())) {
          while (stream.next()) {
            // the query is stopped before its one row
          }
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      awaitRunning(1);
      assertEquals(org.apache.arrow.flight.CancelStatus.CANCELLED,
          sql.cancelFlightInfo(new org.apache.arrow.flight.CancelFlightInfoRequest(info)).getStatus());
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> reading.get(60, TimeUnit.SECONDS));
      assertTrue(String.valueOf(e.getCause()).contains("query cancelled"), String.valueOf(e.getCause()));
      awaitRunning(0);
      assertEquals(0, server.allocatedBytes());
    }
  }

  @Test
  void queriesPastTheBoundAreRefusedClearly() throws Exception {
    serve(null, 1, CHANSYNC);
    try (Connection f = flight(null); Statement slow = f.createStatement(); Connection g = flight(null)) {
      CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> {
        try (ResultSet rs = slow.executeQuery(ENDLESS)) {
          rs.next();
        } catch (SQLException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      awaitRunning(1);
      SQLException e = assertThrows(SQLException.class, () -> rows(g, "SELECT COUNT(*) AS n FROM goroutines"));
      assertTrue(e.getMessage().contains("maximum of 1 concurrent queries"), e.getMessage());
      slow.cancel();
      assertThrows(java.util.concurrent.ExecutionException.class, () -> holding.get(60, TimeUnit.SECONDS));
      f.close();
      awaitRunning(0);
      assertEquals(1, rows(g, "SELECT COUNT(*) AS n FROM goroutines").size());
    }
  }

  @Test
  void aTokenServerRefusesClientsWithoutIt() throws Exception {
    serve("s3cret-token", 8, CHANSYNC);
    for (String token : new String[] {null, "wrong"}) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Connection f = flight(token)) {
          rows(f, "SELECT COUNT(*) AS n FROM goroutines");
        }
      });
      assertTrue(String.valueOf(e.getMessage()).contains("UNAUTHENTICATED")
          || String.valueOf(e.getCause()).contains("UNAUTHENTICATED"), String.valueOf(e));
    }
    try (Connection f = flight("s3cret-token"); Connection ours = DriverManager.getConnection(GoTraceDriver.PREFIX + CHANSYNC)) {
      String sql = "SELECT COUNT(*) AS n FROM goroutines";
      assertEquals(rows(ours, sql), rows(f, sql));
    }
  }

  @Test
  void offLoopbackWithoutATokenIsRefusedBeforeBinding() throws Exception {
    SharedTraces traces = SharedTraces.open(List.of(CHANSYNC), NO_CACHE);
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TraceFlightServer.start(traces, "0.0.0.0", 0, null, 8));
      assertTrue(e.getMessage().contains("needs --token"), e.getMessage());
    } finally {
      traces.close();
    }
  }

  @Test
  void eightConcurrentClientsOnTwoTracesGetTheSameAnswersAsOneAtATime() throws Exception {
    serve(null, 8, CHANSYNC, MIX);
    List<String> queries = new ArrayList<>();
    for (String schema : List.of("chansync", "mix")) {
      for (String view : PROFILES) queries.add("SELECT * FROM " + schema + "." + view + " ORDER BY delay_ns DESC, stack_id");
      queries.add("SELECT goid, exec_ns, block_ns FROM " + schema + ".goroutine_analysis ORDER BY goid");
    }
    Map<String, List<Map<String, Object>>> alone = new LinkedHashMap<>();
    try (Connection f = flight(null)) {
      for (String q : queries) alone.put(q, rows(f, q));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<String, List<Map<String, Object>>>>> clients = new ArrayList<>();
      for (int client = 0; client < 8; client++) {
        int offset = client;
        clients.add(pool.submit(() -> {
          Map<String, List<Map<String, Object>>> got = new LinkedHashMap<>();
          try (Connection f = flight(null)) {
            // Each client starts at a different query, so the same and different traces are read at once.
            for (int i = 0; i < queries.size(); i++) {
              String q = queries.get((i + offset) % queries.size());
              got.put(q, rows(f, q));
            }
          }
          return got;
        }));
      }
      for (Future<Map<String, List<Map<String, Object>>>> client : clients) {
        Map<String, List<Map<String, Object>>> got = client.get(300, TimeUnit.SECONDS);
        for (String q : queries) assertEquals(alone.get(q), got.get(q), q);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitRunning(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (server.runningQueries() != n) {
      assertTrue(System.nanoTime() < deadline, "running queries stayed at " + server.runningQueries() + ", not " + n);
      Thread.sleep(20);
    }
  }

  private static List<String> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("REMARKS"));
      }
    }
    return out;
  }

  private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** Rows as label → value; integers as Long, so both drivers' boxing compares equal. */
  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) v = ((Number) v).longValue();
        if (v instanceof org.apache.arrow.vector.util.Text t) v = t.toString();
        row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Set<String> strings(ResultSet rs, String label) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (rs) {
      while (rs.next()) out.add(rs.getString(label));
    }
    return out;
  }
}
