package dev.gotrace.jdbc;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.table.TableSchemas;
import dev.gotrace.core.table.TraceDatabase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One trace of a {@link TraceCatalogue}: its id, its file and its tables, or why it cannot be
 * read. A trace that could not be opened (not a Go trace, unreadable) or whose decoding failed
 * (the file became unreadable, a format error) keeps its tables, with no rows: a damaged trace
 * answers every query with nothing instead of failing the catalogue. A pass that would pass the
 * memory bound is not damage: it fails the query, as on a single trace.
 */
final class CatalogueMember {
  private static final DictionaryProvider NO_DICTIONARIES = new DictionaryProvider.MapDictionaryProvider();

  private final TraceCatalogue catalogue;
  private final String traceId;
  private final Path path;
  /** The trace's own tables; null if it could not be opened. */
  private final TableCatalog catalog;
  private final List<ArrowTableSource> sources;
  private volatile String error;

  /** A member over {@code catalog}, or a damaged one ({@code catalog} null) failed with {@code error}. */
  CatalogueMember(TraceCatalogue catalogue, String traceId, Path path, TableCatalog catalog, String error) {
    this.catalogue = catalogue;
    this.traceId = traceId;
    this.path = path;
    this.catalog = catalog;
    this.error = error;
    this.sources = catalog == null
        ? TableSchemas.names().stream().<ArrowTableSource>map(name -> new GuardedSource(name, TableSchemas.schema(name), null)).toList()
        : catalog.tables().stream().<ArrowTableSource>map(s -> new GuardedSource(s.name(), s.schema(), s)).toList();
  }

  String traceId() { return traceId; }

  Path path() { return path; }

  /** Why the trace has no rows (it could not be opened or decoded), or null. */
  String error() { return error; }

  /** The tables, each with no rows once the trace is known to be damaged. */
  List<ArrowTableSource> tables() { return sources; }

  /** The trace's database, if it could be opened and was not found damaged. */
  Optional<TraceDatabase> database() {
    return catalog == null || error != null ? Optional.empty() : catalog.unwrap(TraceDatabase.class);
  }

  /**
   * Builds the tables {@code names} in one pass, recording damage instead of throwing; for the
   * catalogue's decoders.
   *
   * @throws dev.gotrace.core.table.MemoryBoundExceededException if they do not fit the memory bound
   */
  void build(Collection<String> names) {
    if (catalog == null || error != null) return;
    try {
      List<ArrowTableSource> chosen = catalog.tables().stream().filter(s -> names.contains(s.name())).toList();
      chosen.forEach(ArrowTableSource::request);
      for (ArrowTableSource s : chosen) s.batches();
    } catch (TraceFormatException | UncheckedIOException e) {
      fail(e);
    }
  }

  private void fail(RuntimeException e) {
    if (error == null) error = e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Frees the trace's tables. */
  void close() {
    if (catalog != null) catalog.close();
  }

  /**
   * A table of the member: requests go to the catalogue, which decodes every trace a query
   * requested at once, in parallel; reads see no rows once the trace is known to be damaged.
   */
  private final class GuardedSource implements ArrowTableSource {
    private final String name;
    private final Schema schema;
    private final ArrowTableSource source;

    GuardedSource(String name, Schema schema, ArrowTableSource source) {
      this.name = name;
      this.schema = schema;
      this.source = source;
    }

    @Override public String name() { return name; }

    @Override public String doc() { return schema.getCustomMetadata().get(DOC_KEY); }

    @Override public Schema schema() { return schema; }

    @Override public void request() {
      if (source == null || error != null) return;
      source.request();
      catalogue.requested(CatalogueMember.this, name);
    }

    @Override public double estimatedRowCount() {
      return source == null || error != null ? 0 : source.estimatedRowCount();
    }

    @Override public List<VectorSchemaRoot> batches() {
      return read(() -> source.batches(), List.of());
    }

    @Override public long rowCount() {
      return read(() -> source.rowCount(), 0L);
    }

    @Override public DictionaryProvider dictionaries() {
      return read(() -> source.dictionaries(), NO_DICTIONARIES);
    }

    private <T> T read(java.util.function.Supplier<T> read, T none) {
      if (source == null) return none;
      catalogue.decodeRequested();
      if (error != null) return none;
      try {
        return read.get();
      } catch (TraceFormatException | UncheckedIOException e) {
        fail(e);
        return none;
      }
    }
  }
}
