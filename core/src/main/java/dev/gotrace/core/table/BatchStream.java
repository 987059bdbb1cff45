package dev.gotrace.core.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The record batches of one table, written one at a time into a child allocator named after the
 * table; {@link #table} hands them over as a {@link TraceTable}. An append-only builder writes a
 * batch whenever it has staged a batch's rows, so the heap never holds more than one batch of them.
 */
final class BatchStream implements AutoCloseable {
  private final String name;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private long rows;
  private boolean handedOver;

  BatchStream(String name, Schema schema, BufferAllocator parent) {
    this.name = name;
    this.schema = schema;
    this.allocator = parent.newChildAllocator(name, 0, Long.MAX_VALUE);
  }

  /** Writes rows {@code [from, from + count)} of the heap columns behind {@code writers} as one batch. */
  void append(int from, int count, ColumnWriter... writers) {
    if (writers.length != schema.getFields().size()) {
      throw new IllegalArgumentException(name + ": " + writers.length + " writers for " + schema.getFields().size()
          + " fields");
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    batches.add(root);
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < writers.length; c++) writers[c].write(vectors.get(c), from, count);
    root.setRowCount(count);
    rows += count;
  }

  /** The batches written so far as the table; the table owns them from now on. */
  TraceTable table(DictionaryProvider dictionaries) {
    handedOver = true;
    return new TraceTable(name, schema, batches, rows, dictionaries, allocator);
  }

  /** Frees the batches unless {@link #table} handed them over. Idempotent. */
  @Override public void close() {
    if (handedOver) return;
    handedOver = true;
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
  }
}
