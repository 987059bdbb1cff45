package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a query costs the scan, proven with the fixture's counters (vectors fetched, batches
 * entered) and with EXPLAIN: projection and filter push-down, COUNT(*) from the row count, and
 * LIMIT stopping in the first batch.
 */
class ScanTest {
  private RootAllocator allocator;
  private Connection connection;
  private FixtureTable events;

  @BeforeEach
  void open() throws Exception {
    allocator = new RootAllocator();
    Fixtures fixtures = new Fixtures(allocator);
    connection = fixtures.connect();
    events = fixtures.catalog(0).table("events");
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    allocator.close();
  }

  @Test
  void twoColumnQueryReadsOnlyThoseTwoVectors() throws Exception {
    String sql = "SELECT ts, goid FROM events";
    assertTrue(Fixtures.explain(connection, sql).contains("BindableTableScan(table=[[trace, events]], projects=[[1, 2]])"),
        Fixtures.explain(connection, sql));
    events.resetCounters();
    assertEquals(FixtureCatalog.EVENT_ROWS, Fixtures.rows(connection, sql).size());
    assertEquals(Set.of("ts", "goid"), events.vectorsRead());
  }

  @Test
  void filterIsPushedIntoTheScanAndReadsOnlyItsColumn() throws Exception {
    String sql = "SELECT ts FROM events WHERE kind = 'GoBlock'";
    String plan = Fixtures.explain(connection, sql);
    assertTrue(plan.contains("filters=[[=($4, 'GoBlock')]], projects=[[1]]"), plan);
    assertFalse(plan.contains("Filter"), plan);
    events.resetCounters();
    // kind cycles through 6 strings with step 7: every 6th event is GoBlock.
    assertEquals(FixtureCatalog.EVENT_ROWS / 6 + 1, Fixtures.rows(connection, sql).size());
    assertEquals(Set.of("ts", "kind"), events.vectorsRead());
  }

  @Test
  void countStarIsAnsweredFromTheRowCountWithoutReadingAnyBatch() throws Exception {
    String sql = "SELECT COUNT(*) FROM events";
    String plan = Fixtures.explain(connection, sql);
    assertEquals("EnumerableValues(tuples=[[{ 5000 }]])", plan.strip());
    events.resetCounters();
    assertEquals(List.of("5000"), Fixtures.rows(connection, sql));
    assertEquals(0, events.batchesEntered());
    assertEquals(Set.of(), events.vectorsRead());
  }

  @Test
  void filteredCountReadsOnlyTheFilteredColumn() throws Exception {
    events.resetCounters();
    assertEquals(List.of("833"), Fixtures.rows(connection, "SELECT COUNT(*) FROM events WHERE kind = 'GoEnd'"));
    assertEquals(Set.of("kind"), events.vectorsRead());
  }

  @Test
  void limitStopsInTheFirstBatch() throws Exception {
    events.resetCounters();
    assertEquals(List.of("0", "1", "2", "3", "4"), Fixtures.rows(connection, "SELECT event_id FROM events LIMIT 5"));
    assertEquals(1, events.batchesEntered(), "batches entered of " + events.batchCount());
    events.resetCounters();
    assertEquals(3, Fixtures.rows(connection, "SELECT * FROM events WHERE kind = 'GoEnd' LIMIT 3").size());
    assertEquals(1, events.batchesEntered(), "batches entered of " + events.batchCount());
  }

  @Test
  void topNKeepsOnlyTheBestRowsAndReadsOnlyTheSortColumns() throws Exception {
    String sql = "SELECT ts FROM events ORDER BY ts DESC LIMIT 3";
    String plan = Fixtures.explain(connection, sql);
    assertTrue(plan.startsWith("EnumerableLimitSort(sort0=[$0], dir0=[DESC], fetch=[3])"), plan);
    events.resetCounters();
    assertEquals(List.of("49991", "49980", "49972"), Fixtures.rows(connection, sql));
    assertEquals(Set.of("ts"), events.vectorsRead());
  }
}
