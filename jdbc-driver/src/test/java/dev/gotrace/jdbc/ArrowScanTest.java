package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scan's contract with its data: leases on the catalogue, cancellation, boxed values. */
class ArrowScanTest {
  private RootAllocator allocator;
  private FixtureCatalog catalog;
  private GoTraceSchema schema;
  private ArrowTable events;
  private final AtomicBoolean cancelFlag = new AtomicBoolean();
  private final DataContext context = DataContexts.of(Map.of(DataContext.Variable.CANCEL_FLAG.camelName, cancelFlag));

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    catalog = FixtureCatalog.standard(allocator);
    schema = new GoTraceSchema(catalog, FunctionRegistry.EMPTY);
    events = (ArrowTable) schema.tables().get("events");
  }

  @AfterEach
  void tearDown() {
    schema.close();
    allocator.close();
  }

  private Enumerator<Object[]> scanAll() {
    return events.scan(context, new ArrayList<>(), null).enumerator();
  }

  @Test
  void rowsAreBoxedWithNullsAndDecodedStrings() {
    try (Enumerator<Object[]> rows = scanAll()) {
      assertTrue(rows.moveNext());
      assertArrayEquals(FixtureCatalog.eventRows().get(0), rows.current());
      for (int i = 1; i <= 3; i++) assertTrue(rows.moveNext());
      // Event 3: goid NULL (3 mod 7 = 3), proc_id 3, reason "sync".
      assertArrayEquals(FixtureCatalog.eventRows().get(3), rows.current());
    }
  }

  @Test
  void closingTheSchemaWaitsForAnOpenScan() {
    Enumerator<Object[]> rows = scanAll();
    assertTrue(rows.moveNext());
    schema.close();
    assertFalse(catalog.isClosed(), "freed while a scan still reads it");
    assertTrue(rows.moveNext());
    rows.close();
    assertTrue(catalog.isClosed());
  }

  @Test
  void aScanThatReachedTheEndNoLongerHoldsTheData() {
    Enumerator<Object[]> rows = scanAll();
    int n = 0;
    while (rows.moveNext()) n++;
    assertEquals(FixtureCatalog.EVENT_ROWS, n);
    schema.close();
    assertTrue(catalog.isClosed());
    rows.close();
  }

  @Test
  void scanAfterCloseFails() {
    schema.close();
    assertThrows(IllegalStateException.class, this::scanAll);
  }

  @Test
  void cancelFlagStopsTheScanAtTheNextChunk() {
    try (Enumerator<Object[]> rows = scanAll()) {
      assertTrue(rows.moveNext());
      cancelFlag.set(true);
      int chunk = Math.min(ArrowEnumerator.CHUNK, FixtureCatalog.EVENT_BATCHES[0]);
      for (int i = 1; i < chunk; i++) assertTrue(rows.moveNext()); // rest of the chunk
      assertThrows(CancellationException.class, rows::moveNext);
    }
  }

  @Test
  void projectionGivesTheProjectedColumnsInOrder() {
    try (Enumerator<Object[]> rows = events.scan(context, new ArrayList<>(), new int[] {4, 0}).enumerator()) {
      assertTrue(rows.moveNext());
      assertTrue(rows.moveNext());
      assertArrayEquals(new Object[] {"GoUnblock", 1L}, rows.current());
    }
  }
}
