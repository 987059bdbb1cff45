package dev.gotrace.jdbc;

import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.table.DecodeCache;
import dev.gotrace.core.table.MemoryBound;
import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TableSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/** The tables of core's {@link TraceDatabase}, seen through the adapter's interfaces. */
final class TraceDatabaseCatalog implements TableCatalog {
  private final TraceDatabase database;
  private final List<ArrowTableSource> tables;
  /** The connection's own memory bound, closed after the database; null if only the process's applies. */
  private final BufferAllocator bound;

  private TraceDatabaseCatalog(TraceDatabase database, BufferAllocator bound) {
    this.database = database;
    this.bound = bound;
    this.tables = TableSchemas.names().stream()
        .<ArrowTableSource>map(name -> new TraceTableSource(database, name, TableSchemas.schema(name))).toList();
  }

  /** Opens the trace at {@code trace}, whose tables are built on first use; the {@link CatalogOpener} of the driver. */
  static TableCatalog open(Path trace, DecodeCache cache, long memoryLimit) throws IOException {
    if (memoryLimit == Long.MAX_VALUE) {
      return new TraceDatabaseCatalog(TraceDatabase.open(trace, ReadOptions.lenient(), null, cache), null);
    }
    BufferAllocator bound = MemoryBound.boundedChild("connection " + trace.getFileName(), memoryLimit);
    try {
      return new TraceDatabaseCatalog(TraceDatabase.open(trace, ReadOptions.lenient(), bound, cache), bound);
    } catch (IOException | RuntimeException e) {
      bound.close();
      throw e;
    }
  }

  /**
   * Opens the trace at {@code trace} as {@link #open(Path, DecodeCache)} does, building tables in a
   * child of {@code parent}, so a caller (a test) can see the connection's Arrow memory come and go.
   */
  static TableCatalog open(Path trace, DecodeCache cache, BufferAllocator parent) throws IOException {
    return new TraceDatabaseCatalog(TraceDatabase.open(trace, ReadOptions.lenient(), parent, cache), null);
  }

  @Override
  public List<ArrowTableSource> tables() {
    return tables;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(database) ? Optional.of(type.cast(database)) : Optional.empty();
  }

  @Override
  public void close() {
    database.close();
    if (bound != null) bound.close();
  }

  /** One of core's tables as an {@link ArrowTableSource}, built by the database when first read. */
  private record TraceTableSource(TraceDatabase database, String name, Schema schema) implements ArrowTableSource {
    @Override public String doc() { return schema.getCustomMetadata().get(DOC_KEY); }
    @Override public List<VectorSchemaRoot> batches() { return database.table(name).batches(); }
    @Override public long rowCount() { return database.rowCount(name); }
    @Override public DictionaryProvider dictionaries() { return database.table(name).dictionaries(); }
    @Override public void request() { database.request(List.of(name)); }
    @Override public double estimatedRowCount() { return database.estimatedRowCount(name); }
  }
}
