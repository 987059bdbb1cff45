package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Heap columns into Arrow batches: splitting, nulls, time origin, chunk boundaries. */
class TableContextTest extends ArrowTest {
  private static final Schema SCHEMA = Fields.schema("test table",
      Fields.bigint("ts", false, "a time"), Fields.bigint("n", true, "a nullable number"));

  @Test void rowsAreSplitIntoBatchesOfAtMostTheLimit() {
    LongColumn ts = new LongColumn();
    LongColumn n = new LongColumn();
    for (int i = 0; i < 7; i++) {
      ts.add(1000 + i);
      if (i % 2 == 0) n.add(i);
      else n.addNull();
    }
    n.set(1, 42); // patched later, as interval durations are
    TableContext context = new TableContext(allocator, null, 1000, 3);
    TraceTable table = context.table("t", SCHEMA, 7, context.time(ts), ColumnWriter.bigint(n));
    try {
      assertEquals(List.of(3, 3, 1), table.batches().stream().map(VectorSchemaRoot::getRowCount).toList());
      List<Object> times = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (VectorSchemaRoot root : table.batches()) {
        BigIntVector t = (BigIntVector) root.getVector("ts");
        BigIntVector v = (BigIntVector) root.getVector("n");
        assertEquals(root.getRowCount(), t.getValueCount());
        for (int i = 0; i < root.getRowCount(); i++) {
          times.add(t.get(i));
          values.add(v.isNull(i) ? null : v.get(i));
        }
      }
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), times);
      assertEquals(java.util.Arrays.asList(0L, 42L, 2L, null, 4L, null, 6L), values);
      assertEquals(7, table.rowCount());
    } finally {
      table.release();
    }
  }

  @Test void theDefaultBatchIsOneMillionRows() {
    assertEquals(1_000_000, TableContext.MAX_BATCH_ROWS);
  }

  @Test void aWriterPerFieldIsRequired() {
    TableContext context = new TableContext(allocator, null, 0);
    assertThrows(IllegalArgumentException.class, () -> context.table("t", SCHEMA, 0, ColumnWriter.bigint(new LongColumn())));
  }

  @Test void columnsGrowAcrossChunksAndKeepNullsPerRow() {
    LongColumn longs = new LongColumn();
    IntColumn ints = new IntColumn();
    int rows = 200_003;
    for (int i = 0; i < rows; i++) {
      if (i % 65_537 == 0) {
        longs.addNull();
        ints.addNull();
      } else {
        longs.add(-i);
        ints.add(i);
      }
    }
    assertEquals(rows, longs.size());
    for (int i = 0; i < rows; i++) {
      boolean isNull = i % 65_537 == 0;
      assertEquals(isNull, longs.isNull(i), "row " + i);
      assertEquals(isNull, ints.isNull(i), "row " + i);
      if (!isNull) {
        assertEquals(-i, longs.get(i));
        assertEquals(i, ints.get(i));
      }
    }
    longs.set(65_537, 7);
    assertTrue(!longs.isNull(65_537) && longs.get(65_537) == 7);
  }

  @Test void wordAlignedBatchesKeepEveryValueAndNullAcrossChunks() {
    Schema schema = Fields.schema("test table", Fields.bigint("ts", false, "a time"),
        Fields.bigint("n", true, "a nullable number"), Fields.int32("i", true, "a nullable int"));
    LongColumn ts = new LongColumn();
    LongColumn n = new LongColumn();
    IntColumn ints = new IntColumn();
    int rows = 20_000; // crosses two 8,192-row chunks; batches of 192 rows start on 64-row words
    for (int r = 0; r < rows; r++) {
      ts.add(500 + r);
      if (r % 7 == 3) n.addNull();
      else n.add(r * 3L);
      if (r % 100 == 99) ints.addNull();
      else ints.add(r);
    }
    n.set(10, 5);
    n.setNull(11); // a value under a NULL must not leak into the vector
    TableContext context = new TableContext(allocator, null, 500, 192);
    TraceTable table = context.table("t", schema, rows, context.time(ts), ColumnWriter.bigint(n), ColumnWriter.int32(ints));
    try {
      int r = 0;
      for (VectorSchemaRoot root : table.batches()) {
        BigIntVector t = (BigIntVector) root.getVector("ts");
        BigIntVector v = (BigIntVector) root.getVector("n");
        org.apache.arrow.vector.IntVector iv = (org.apache.arrow.vector.IntVector) root.getVector("i");
        for (int i = 0; i < root.getRowCount(); i++, r++) {
          assertEquals(r, t.get(i), "ts of row " + r);
          boolean nNull = (r % 7 == 3 && r != 10) || r == 11;
          assertEquals(nNull, v.isNull(i), "n null at row " + r);
          assertEquals(nNull ? 0 : r == 10 ? 5 : r * 3L, v.getDataBuffer().getLong(8L * i), "n of row " + r);
          assertEquals(r % 100 == 99, iv.isNull(i), "i null at row " + r);
          assertEquals(r % 100 == 99 ? 0 : r, iv.getDataBuffer().getInt(4L * i), "i of row " + r);
        }
      }
      assertEquals(rows, r);
    } finally {
      table.release();
    }
  }

  @Test void allNullChunksGetValuesWhenPatchedOrAppendedLater() {
    LongColumn longs = new LongColumn();
    IntColumn ints = new IntColumn();
    for (int r = 0; r < 10_000; r++) {
      longs.addNull();
      ints.addNull();
    }
    longs.set(5_000, 7); // first value of a chunk with no value array yet
    ints.set(9_000, 8);  // same, in the current (second) chunk
    longs.add(9);
    ints.add(10);
    TableContext context = new TableContext(allocator, null, 0, 4_096);
    Schema schema = Fields.schema("test table", Fields.bigint("n", true, "a nullable number"),
        Fields.int32("i", true, "a nullable int"));
    TraceTable table = context.table("t", schema, 10_001, ColumnWriter.bigint(longs), ColumnWriter.int32(ints));
    try {
      List<Object> longValues = new ArrayList<>();
      List<Object> intValues = new ArrayList<>();
      for (VectorSchemaRoot root : table.batches()) {
        BigIntVector v = (BigIntVector) root.getVector("n");
        org.apache.arrow.vector.IntVector iv = (org.apache.arrow.vector.IntVector) root.getVector("i");
        for (int i = 0; i < root.getRowCount(); i++) {
          if (!v.isNull(i)) longValues.add(longValues.size() + ":" + v.get(i));
          else longValues.add(null);
          if (!iv.isNull(i)) intValues.add(intValues.size() + ":" + iv.get(i));
          else intValues.add(null);
        }
      }
      assertEquals(List.of("5000:7", "10000:9"), longValues.stream().filter(java.util.Objects::nonNull).toList());
      assertEquals(List.of("9000:8", "10000:10"), intValues.stream().filter(java.util.Objects::nonNull).toList());
      assertEquals(0, longs.get(1));
      assertTrue(longs.isNull(1) && !longs.isNull(5_000) && !ints.isNull(10_000));
    } finally {
      table.release();
    }
  }
}
