package dev.gotrace.core.table;

import org.apache.arrow.memory.BufferAllocator;
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
    try (BatchStream stream = new BatchStream(name, schema, allocator)) {
      append(stream, rows, writers);
      return stream.table(dictionaries);
    }
  }

  /** Appends rows {@code [0, rows)} of the heap columns behind {@code writers} in batches of at most the batch size. */
  void append(BatchStream stream, int rows, ColumnWriter... writers) {
    for (int from = 0; from < rows; from += maxBatchRows) stream.append(from, Math.min(maxBatchRows, rows - from), writers);
  }

  BufferAllocator allocator() { return allocator; }

  DictionaryProvider dictionaries() { return dictionaries; }
}
