package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection life cycle: URLs, errors, memory ownership, concurrency, cancel, read-only. */
class DriverTest {
  private RootAllocator allocator;
  private Fixtures fixtures;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    fixtures = new Fixtures(allocator);
  }

  @AfterEach
  void tearDown() {
    allocator.close(); // fails if any test leaked Arrow memory
  }

  @Test
  void connectionCloseFreesTheTrace() throws Exception {
    Connection c = fixtures.connect();
    assertEquals(GoTraceDriver.SCHEMA, c.getSchema());
    assertEquals(List.of("5000"), Fixtures.rows(c, "SELECT COUNT(*) FROM events"));
    assertTrue(fixtures.catalog(0).allocatedBytes() > 0);
    c.close();
    assertTrue(fixtures.catalog(0).isClosed());
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void aResultSetLeadsBackToTheStatementAndConnectionHandedOut() throws Exception {
    try (Connection c = fixtures.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_id FROM events ORDER BY event_id LIMIT 2")) {
      assertSame(s, rs.getStatement());
      assertSame(c, rs.getStatement().getConnection());
      assertSame(rs, rs.unwrap(ResultSet.class));
      assertTrue(rs.isWrapperFor(ResultSet.class));
      assertEquals("event_id", rs.getMetaData().getColumnLabel(1));
      assertTrue(rs.next());
      assertEquals(0L, rs.getLong(1));
      assertEquals(0L, rs.getLong("event_id"));
      assertTrue(rs.next());
      assertEquals(1L, rs.getObject(1));
      assertFalse(rs.next());
      SQLException afterClose = assertThrows(SQLException.class, () -> {
        rs.close();
        rs.getLong(1);
      });
      assertNotNull(afterClose.getSQLState(), afterClose.getMessage());
    }
  }

  /** JDBC 4.1's getObject(column, Class), as frameworks that map rows by class call it (Avatica's failed for BIGINT). */
  @Test
  void getObjectWithAClassReadsEachColumnAsThatClass() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TestData.root().resolve("traces/go1.27/chansync.trace"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT goid, name, end_ts, is_system, incarnations, 2.5e0 AS x, DATE '2026-12-07' AS d"
            + " FROM goroutines WHERE goid = 1")) {
      assertTrue(rs.next());
      assertEquals(1L, rs.getObject(1, Long.class));
      assertEquals(1L, rs.getObject("goid", long.class));
      assertEquals(1, rs.getObject(1, Integer.class));
      assertEquals(java.math.BigInteger.ONE, rs.getObject(1, java.math.BigInteger.class));
      assertEquals("1", rs.getObject(1, String.class));
      assertEquals("main.main", rs.getObject(2, String.class));
      assertEquals("main.main", rs.getObject("name", Object.class));
      assertNull(rs.getObject(3, Long.class), "end_ts of a goroutine alive at trace end is NULL");
      assertNull(rs.getObject("end_ts", Object.class));
      assertEquals(Boolean.FALSE, rs.getObject(4, Boolean.class));
      assertEquals(1, rs.getObject(5, Integer.class));
      assertEquals(1L, rs.getObject(5, Long.class));
      assertEquals(2.5d, rs.getObject(6, Double.class));
      assertEquals(java.time.LocalDate.of(2026, 12, 7), rs.getObject(7, java.time.LocalDate.class));
      assertEquals(java.sql.Date.valueOf("2026-12-07"), rs.getObject(7, java.sql.Date.class));
      SQLException notANumber = assertThrows(SQLException.class, () -> rs.getObject(2, Long.class));
      assertEquals(SqlErrors.INVALID_CAST, notANumber.getSQLState(), notANumber.getMessage());
      SQLException plainGetter = assertThrows(SQLException.class, () -> rs.getLong(2));
      assertEquals(SqlErrors.INVALID_CAST, plainGetter.getSQLState(), plainGetter.getMessage());
      assertEquals("invalid value for cast: cannot convert to long", plainGetter.getMessage());
      SQLException otherClass = assertThrows(SQLException.class, () -> rs.getObject(1, java.util.UUID.class));
      assertEquals(SqlErrors.INVALID_CAST, otherClass.getSQLState(), otherClass.getMessage());
      assertTrue(otherClass.getMessage().contains("BIGINT"), otherClass.getMessage());
    }
  }

  @Test
  void connectionCloseClosesAResultSetLeftOpenAndThenFreesTheTrace() throws Exception {
    Connection c = fixtures.connect();
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT * FROM events");
    assertTrue(rs.next());
    assertFalse(fixtures.catalog(0).isClosed());
    c.close();
    assertTrue(rs.isClosed());
    assertTrue(s.isClosed());
    assertTrue(fixtures.catalog(0).isClosed());
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void closingAResultSetEarlyReleasesItsScan() throws Exception {
    try (Connection c = fixtures.connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT * FROM events");
      assertTrue(rs.next());
      GoTraceSchema schema = c.unwrap(CalciteConnection.class).getRootSchema()
          .getSubSchema(GoTraceDriver.SCHEMA).unwrap(GoTraceSchema.class);
      rs.close();
      // With no scan left reading, closing the schema frees the trace at once.
      schema.close();
      assertTrue(fixtures.catalog(0).isClosed());
    }
  }

  @Test
  void twoConnectionsAtOnceHaveTheirOwnTraces() throws Exception {
    try (Connection first = fixtures.connect()) {
      Connection second = fixtures.connect();
      try (Statement s1 = first.createStatement(); Statement s2 = second.createStatement();
          ResultSet r1 = s1.executeQuery("SELECT event_id FROM events ORDER BY event_id");
          ResultSet r2 = s2.executeQuery("SELECT event_id FROM events WHERE kind = 'GoEnd' ORDER BY event_id")) {
        // Interleave the two result sets.
        for (int i = 0; i < 3; i++) {
          assertTrue(r1.next());
          assertTrue(r2.next());
          assertEquals(i, r1.getLong(1));
          assertEquals(3 + 6 * i, r2.getLong(1));
        }
      }
      second.close();
      assertTrue(fixtures.catalog(1).isClosed());
      assertFalse(fixtures.catalog(0).isClosed());
      assertEquals(List.of("5000"), Fixtures.rows(first, "SELECT COUNT(event_id) FROM events"));
    }
    assertTrue(fixtures.catalog(0).isClosed());
  }

  @Test
  void cancelStopsTheRunningScanAndTheStatementCanRunAgain() throws Exception {
    try (Connection c = fixtures.connect(); Statement s = c.createStatement()) {
      FixtureTable events = fixtures.catalog(0).table("events");
      // Cancel while the scan is in its second batch, as another thread would.
      events.onBatchEntered(batch -> {
        if (batch == 1) cancel(s);
      });
      SQLException e = assertThrows(SQLException.class,
          () -> Fixtures.rows(s, "SELECT COUNT(*) FROM events WHERE goid = 5"));
      assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
      events.onBatchEntered(batch -> { });
      // goid = 5 where i*31 mod 50 = 5: i = 5 + 50k, 100 rows, minus i mod 7 = 3 and i mod 97 = 0.
      assertEquals(List.of(Long.toString(expectedGoid5Count())), Fixtures.rows(s, "SELECT COUNT(*) FROM events WHERE goid = 5"));
    }
  }

  private static long expectedGoid5Count() {
    long n = 0;
    for (int i = 5; i < FixtureCatalog.EVENT_ROWS; i += 50) {
      if (i % 7 != 3 && i % 97 != 0) n++;
    }
    return n;
  }

  private static void cancel(Statement s) {
    try {
      s.cancel();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE t (x INT)", "create view v as select 1", "DROP TABLE events",
      "INSERT INTO events (event_id) VALUES (1)", "UPDATE events SET goid = 1", "DELETE FROM events",
      "  -- comment\n /* block */ (INSERT INTO events (event_id) VALUES (2))", "ALTER TABLE events ADD x INT"})
  void statementsThatWriteAreRejected(String sql) throws Exception {
    try (Connection c = fixtures.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      assertEquals(List.of("5000"), Fixtures.rows(c, "SELECT COUNT(*) FROM events"));
    }
  }

  @Test
  void missingFileIsAnSqlExceptionNamingThePath() {
    String url = GoTraceDriver.PREFIX + "/no/such/dir/x.trace";
    // Through DriverManager: the driver is registered by META-INF/services.
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertTrue(e.getMessage().contains("/no/such/dir/x.trace"), e.getMessage());
    assertInstanceOf(NoSuchFileException.class, e.getCause());
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void undecodableTraceIsAnSqlExceptionWithTheDecoderError() throws Exception {
    TraceFormatException bad = new TraceFormatException("not a Go execution trace", 0, TraceFormatException.NO_GENERATION);
    GoTraceDriver driver = new GoTraceDriver((path, cache, limit) -> {
      throw bad;
    }, ViewLoader.fromResources(getClass().getClassLoader(), Fixtures.TEST_VIEWS), FunctionRegistry.EMPTY);
    SQLException e = assertThrows(SQLException.class, () -> driver.connect(fixtures.url(), new Properties()));
    assertTrue(e.getMessage().contains("not a Go execution trace"), e.getMessage());
    assertEquals(bad, e.getCause());
  }

  @Test
  void urlWithoutPathIsRejectedAndOtherUrlsAreNotOurs() throws Exception {
    GoTraceDriver driver = fixtures.driver();
    assertThrows(SQLException.class, () -> driver.connect("jdbc:gotrace:", new Properties()));
    assertNull(driver.connect("jdbc:calcite:", new Properties()));
    assertFalse(driver.acceptsURL("jdbc:calcite:"));
    assertTrue(driver.acceptsURL("jdbc:gotrace:" + Path.of("x.trace")));
  }

  @Test
  void calcitePropertiesAfterThePathApply() throws Exception {
    try (Connection c = fixtures.driver().connect(fixtures.url() + ";caseSensitive=true", new Properties())) {
      assertThrows(SQLException.class, () -> Fixtures.rows(c, "SELECT COUNT(*) FROM \"EVENTS\""));
      assertEquals(List.of("5000"), Fixtures.rows(c, "SELECT COUNT(*) FROM events"));
    }
    try (Connection c = fixtures.connect()) {
      assertEquals(List.of("5000"), Fixtures.rows(c, "SELECT COUNT(*) FROM \"EVENTS\""));
    }
  }
}
