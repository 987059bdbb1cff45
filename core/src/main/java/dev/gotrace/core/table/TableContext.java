package dev.gotrace.core.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What builders need to turn their heap columns into a {@link TraceTable}: the allocator each table
 * gets a child of, the string dictionary, and the time origin (absolute time of the first event,
 * which becomes {@code ts = 0}).
 */
final class TableContext {
  /** Rows per batch: not a power of two, since Arrow rounds buffer sizes up to one. */
  static final int MAX_BATCH_ROWS = 1_000_000;

  private final BufferAllocator allocator;
  private final DictionaryProvider dictionaries;
  private final long origin;
  private final int maxBatchRows;

  TableContext(BufferAllocator allocator, DictionaryProvider dictionaries, long origin) {
    this(allocator, dictionaries, origin, MAX_BATCH_ROWS);
  }

  TableContext(BufferAllocator allocator, DictionaryProvider dictionaries, long origin, int maxBatchRows) {
    this.allocator = allocator;
    this.dictionaries = dictionaries;
    this.origin = origin;
    this.maxBatchRows = maxBatchRows;
  }

  /** Absolute trace time of {@code ts = 0}. */
  long origin() { return origin; }

  /** Writer of a time column relative to {@link #origin()}. */
  ColumnWriter time(LongColumn column) { return ColumnWriter.time(column, origin); }

  /** Builds the table's batches in a child allocator named after the table. */
  TraceTable table(String name, Schema schema, int rows, ColumnWriter... writers) {
    if (writers.length != schema.getFields().size()) {
      throw new IllegalArgumentException(name + ": " + writers.length + " writers for "
          + schema.getFields().size() + " fields");
    }
    BufferAllocator child = allocator.newChildAllocator(name, 0, Long.MAX_VALUE);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      for (int from = 0; from < rows; from += maxBatchRows) {
        int count = Math.min(maxBatchRows, rows - from);
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, child);
        batches.add(root);
        List<FieldVector> vectors = root.getFieldVectors();
        for (int c = 0; c < writers.length; c++) writers[c].write(vectors.get(c), from, count);
        root.setRowCount(count);
      }
    } catch (RuntimeException | Error e) {
      for (VectorSchemaRoot root : batches) root.close();
      child.close();
      throw e;
    }
    return new TraceTable(name, schema, batches, rows, dictionaries, child);
  }
}
