package dev.gotrace.core.table;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One relational table of a trace as Arrow record batches (at most 1,000,000
 * rows each). Every field of {@link #schema()} carries its documentation in metadata {@code "doc"};
 * string columns are Int32 indices into the trace-wide dictionary of {@link #dictionaries()}
 * (id {@link TraceDictionary#ID}). The vectors belong to the {@link TraceDatabase}: read them, do
 * not close them.
 */
public final class TraceTable {
  private final String name;
  private final Schema schema;
  private final List<VectorSchemaRoot> batches;
  private final long rowCount;
  private final DictionaryProvider dictionaries;
  private final BufferAllocator allocator;
  /** Whether the dictionary vectors are this table's own (read from the cache), not its pass's. */
  private final boolean ownsDictionaries;

  TraceTable(String name, Schema schema, List<VectorSchemaRoot> batches, long rowCount,
      DictionaryProvider dictionaries, BufferAllocator allocator) {
    this(name, schema, batches, rowCount, dictionaries, allocator, false);
  }

  TraceTable(String name, Schema schema, List<VectorSchemaRoot> batches, long rowCount,
      DictionaryProvider dictionaries, BufferAllocator allocator, boolean ownsDictionaries) {
    this.ownsDictionaries = ownsDictionaries;
    this.name = name;
    this.schema = schema;
    this.batches = List.copyOf(batches);
    this.rowCount = rowCount;
    this.dictionaries = dictionaries;
    this.allocator = allocator;
  }

  /** SQL name, e.g. {@code goroutine_states}. */
  public String name() { return name; }

  /** What one row is and how the table is derived. */
  public String doc() { return schema.getCustomMetadata().get(Fields.DOC); }

  public Schema schema() { return schema; }

  /** The documentation of a column (JDBC REMARKS). */
  public static String doc(Field field) { return field.getMetadata().get(Fields.DOC); }

  /** The rows in order, split into batches; empty for an empty table. */
  public List<VectorSchemaRoot> batches() { return batches; }

  public long rowCount() { return rowCount; }

  /** Resolves the dictionary of the string columns. */
  public DictionaryProvider dictionaries() { return dictionaries; }

  /**
   * Writes the table as an Arrow IPC file (its batches and the dictionary its string columns
   * index), replacing {@code file}.
   */
  public void writeArrowFile(java.nio.file.Path file) throws java.io.IOException {
    ArrowTableFile.write(this, file);
  }

  /** The allocator of this table's vectors (for scratch space alongside them). */
  BufferAllocator allocator() { return allocator; }

  /** Frees the vectors (and the dictionary, if it is the table's own) and this table's allocator. */
  void release() {
    for (VectorSchemaRoot root : batches) root.close();
    if (ownsDictionaries) {
      for (long id : dictionaries.getDictionaryIds()) dictionaries.lookup(id).getVector().close();
    }
    allocator.close();
  }
}
