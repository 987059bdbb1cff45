package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error class a client sees, through {@link DriverManager} on a committed trace: the
 * SQLState, the JDBC 4 exception subclass, and a one-line message without Calcite's nesting.
 */
class SqlStateTest {
  private static final Path TRACE = TestData.root().resolve("traces/go1.27/chansync.trace");
  /** Runs for hours unless stopped: nested loops over events × events × goroutines. */
  private static final String ENDLESS =
      "SELECT COUNT(*) FROM events a, events b, goroutines c WHERE a.ts + b.ts + c.goid = -1";
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACE);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void syntaxErrorIs42000WithThePosition() {
    SQLException e = fails("SELECT FROM events");
    assertError(e, SQLSyntaxErrorException.class, "42000",
        "syntax error: Incorrect syntax near the keyword 'FROM' at line 1, column 8.");
  }

  @Test
  void unknownTableIs42S02AndUnknownColumn42S22() {
    assertError(fails("SELECT * FROM foo"), SQLSyntaxErrorException.class, "42S02",
        "From line 1, column 15 to line 1, column 17: Object 'foo' not found");
    assertError(fails("SELECT nope FROM events"), SQLSyntaxErrorException.class, "42S22",
        "From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table");
  }

  @Test
  void otherValidationErrorsAre42000() {
    assertError(fails("SELECT abs(goid, 2) FROM goroutines"), SQLSyntaxErrorException.class, "42000",
        "From line 1, column 8 to line 1, column 19: Invalid number of arguments to function 'ABS'. Was expecting 1 arguments");
  }

  @Test
  void writesAre0A000AndTheConnectionStaysReadOnly() throws SQLException {
    assertError(fails("CREATE TABLE t (x INT)"), SQLFeatureNotSupportedException.class, "0A000",
        "gotrace connections are read-only: CREATE statements are not supported");
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM events"));
      assertError(e, SQLFeatureNotSupportedException.class, "0A000",
          "gotrace connections are read-only: DELETE statements are not supported");
    }
    assertTrue(connection.isReadOnly());
    assertTrue(connection.getMetaData().isReadOnly());
    connection.setReadOnly(true);
    assertError(assertThrows(SQLException.class, () -> connection.setReadOnly(false)),
        SQLFeatureNotSupportedException.class, "0A000", "gotrace connections are read-only");
  }

  @Test
  void cancelIsHY008AndTheStatementRunsAgain() throws Exception {
    try (Statement s = connection.createStatement()) {
      CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> count(s, ENDLESS));
      // The cancel flag is cleared when an execution starts, so cancel until the query has stopped.
      while (!running.isDone()) {
        s.cancel();
        Thread.sleep(50);
      }
      SQLException e = assertInstanceOf(SQLException.class,
          assertThrows(ExecutionException.class, running::get).getCause());
      assertError(e, SQLException.class, "HY008", "query cancelled");
      assertEquals(goroutineCount(), count(s, "SELECT COUNT(*) FROM goroutines"));
    }
  }

  @Test
  void queryTimeoutIsHY008AndStopsTheQuery() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(ENDLESS)) {
          rs.next();
        }
      });
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertError(e, SQLTimeoutException.class, "HY008", "query timed out after 1 s");
      assertTrue(seconds < 30, "stopped after " + seconds + " s");
      s.setQueryTimeout(0);
      assertEquals(goroutineCount(), count(s, "SELECT COUNT(*) FROM goroutines"));
    }
  }

  @Test
  void memoryBoundIs53200() throws SQLException {
    try (Connection bounded = DriverManager.getConnection(
        GoTraceDriver.PREFIX + TRACE + ";" + GoTraceDriver.MEMORY_LIMIT_PROPERTY + "=1m;cache=off");
        Statement s = bounded.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT COUNT(*) FROM events").next());
      assertEquals("53200", e.getSQLState());
      assertTrue(e.getMessage().startsWith("out of memory: "), e.getMessage());
      assertTrue(e.getMessage().contains(" would pass the Arrow memory bound of 1 MiB"), e.getMessage());
      assertOneLine(e);
    }
  }

  @Test
  void dataErrorsAre22xxx() {
    assertError(fails("SELECT COUNT(*) / 0 FROM events"), SQLDataException.class, "22012", "division by zero");
    assertError(fails("SELECT CAST(name AS INTEGER) FROM goroutines WHERE name = 'main.main'"), SQLDataException.class,
        "22018", "invalid value for cast: For input string: \"main.main\"");
  }

  /** The error of running {@code sql} to the end. */
  private static SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    });
  }

  private static long count(Statement s, String sql) {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  private static long goroutineCount() throws Exception {
    try (TraceDatabase db = TraceDatabase.open(TRACE)) {
      return db.table("goroutines").rowCount();
    }
  }

  private static void assertError(SQLException e, Class<? extends SQLException> type, String state, String message) {
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertEquals(message, e.getMessage());
    assertInstanceOf(type, e);
    assertOneLine(e);
  }

  private static void assertOneLine(SQLException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
