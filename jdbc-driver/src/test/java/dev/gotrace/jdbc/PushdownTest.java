package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filter push-down returns exactly what Calcite computes on its own: every predicate is run over
 * {@code events} (Arrow, pushed down) and over {@code plain_events} (the same rows in a plain
 * scannable table, filtered by Calcite), and the rows must be equal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushdownTest {
  private RootAllocator allocator;
  private Connection connection;

  @BeforeAll
  void open() throws Exception {
    allocator = new RootAllocator();
    Fixtures fixtures = new Fixtures(allocator);
    connection = fixtures.connect();
    connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchema(GoTraceDriver.SCHEMA)
        .add("plain_events", new PlainTable(fixtures.catalog(0).table("events")));
  }

  @AfterAll
  void close() throws Exception {
    connection.close();
    allocator.close(); // fails if Arrow memory leaked
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // BIGINT, with NULLs and a value beyond INTEGER
      "goid = 5", "goid <> 5", "goid < 10", "goid <= 10", "goid > 40", "goid >= 40", "5 > goid",
      "goid = 5000000000", "goid > 4999999999", "goid IS NULL", "goid IS NOT NULL",
      "goid IN (1, 2, 3, 5000000000)", "goid NOT IN (1, 2, 3)", "goid BETWEEN 10 AND 20",
      "goid NOT BETWEEN 10 AND 20", "goid BETWEEN 20 AND 10", "goid > 3 AND goid < 7", "goid > 3.5",
      "goid < -1", "goid = NULL", "goid <> NULL", "goid IN (1, NULL)", "goid NOT IN (1, NULL)",
      "goid = 5 OR goid IS NULL", "goid NOT IN (1, 2) OR goid IS NULL", "NOT (goid = 5)",
      "NOT (goid IN (1, 2))",
      // INTEGER, compared with BIGINT constants too
      "proc_id = 2", "proc_id <> 2", "proc_id IN (0, 3)", "proc_id IS NULL", "proc_id = 5000000000",
      "proc_id < 5000000000", "proc_id > 1 AND proc_id <= 3",
      // dictionary strings, NOT NULL and nullable, "" and non-ASCII, absent strings
      "kind = 'GoBlock'", "kind <> 'GoBlock'", "kind = 'GoBlock '", "kind IN ('GoBlock ', 'GoEnd')", "kind = ''", "kind IN ('GoBlock', 'GoEnd')",
      "kind NOT IN ('GoBlock', '')", "kind = 'NoSuchKind'", "kind <> 'NoSuchKind'", "kind > 'GoE'",
      "kind LIKE 'Go%'", "reason = 'sync'", "reason <> 'sync'", "reason IS NULL", "reason IS NOT NULL",
      "reason IN ('sync', 'select')", "reason NOT IN ('sync')", "reason = ''", "reason = 'ünïcode'",
      "reason IN ('sync') OR reason IS NULL", "reason NOT IN ('sync', '') OR reason IS NULL",
      "reason BETWEEN 'a' AND 't'",
      // BOOLEAN, all truth tests
      "is_system", "NOT is_system", "is_system = TRUE", "is_system = FALSE", "is_system <> TRUE",
      "is_system IS TRUE", "is_system IS NOT TRUE", "is_system IS FALSE", "is_system IS NOT FALSE",
      "is_system IS NULL",
      // DOUBLE
      "metric_value > 0", "metric_value = 10.5", "metric_value <> 10.5", "metric_value <= -50",
      "metric_value BETWEEN 0 AND 100", "metric_value IS NULL",
      // conjunctions, partly pushed conjunctions, what is never pushed
      "kind = 'GoBlock' AND goid BETWEEN 3 AND 30 AND reason IS NOT NULL",
      "kind = 'GoBlock' AND reason LIKE 's%'", "goid = proc_id", "goid = 5 OR kind = 'GoEnd'",
      "event_id >= 990 AND event_id < 1010", "dur IS NULL AND goid IS NULL",
      "event_id BETWEEN 2990 AND 3010 AND is_system IS NOT NULL AND metric_value > 1000"
  })
  void sameRowsAsPlainScan(String predicate) throws Exception {
    List<String> expected = Fixtures.rows(connection, "SELECT * FROM plain_events WHERE " + predicate + " ORDER BY event_id");
    List<String> actual = Fixtures.rows(connection, "SELECT * FROM events WHERE " + predicate + " ORDER BY event_id");
    assertEquals(expected, actual, predicate);
  }

  @ParameterizedTest
  @ValueSource(strings = {"goid = 5", "kind = 'GoBlock'", "reason IS NULL", "is_system", "proc_id IN (0, 3)"})
  void predicatesSelectSomeButNotAllRows(String predicate) throws Exception {
    // Guards the comparison above against a fixture where these predicates match nothing or all.
    int n = Fixtures.rows(connection, "SELECT event_id FROM events WHERE " + predicate).size();
    assertTrue(n > 0 && n < FixtureCatalog.EVENT_ROWS, predicate + " selects " + n + " rows");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT kind, COUNT(*) AS n FROM %s WHERE goid IS NOT NULL GROUP BY kind ORDER BY kind",
      "SELECT ts, reason FROM %s WHERE kind = 'GoBlock' AND reason IS NOT NULL ORDER BY ts DESC LIMIT 7",
      "SELECT AVG(dur), SUM(dur), MIN(metric_value), MAX(goid) FROM %s WHERE proc_id IN (1, 2)",
      "SELECT goid, COUNT(DISTINCT kind) FROM %s GROUP BY goid ORDER BY goid NULLS FIRST"
  })
  void sameQueryResultsAsPlainScan(String query) throws Exception {
    assertEquals(Fixtures.rows(connection, String.format(query, "plain_events")),
        Fixtures.rows(connection, String.format(query, "events")), query);
  }

  /**
   * A scan that decides all its filters runs without Calcite's interpreter (an {@link ArrowScan}
   * in the generated code); one with a filter left for Calcite goes through the interpreter,
   * which evaluates it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"kind = 'GoBlock' AND goid > 3", "kind LIKE 'Go%'"})
  void aScanDecidingItsFiltersRunsWithoutTheInterpreter(String predicate) throws Exception {
    List<String> code = new ArrayList<>();
    try (Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<String>) code::add)) {
      Fixtures.rows(connection, "SELECT event_id, ts FROM events WHERE " + predicate);
    }
    boolean decided = !predicate.contains("LIKE");
    assertEquals(1, code.size(), "one generated class");
    assertEquals(decided, code.get(0).contains("ArrowScan"), code.get(0));
    assertEquals(!decided, code.get(0).contains("new org.apache.calcite.interpreter.Interpreter("), code.get(0));
  }
}
