package dev.gotrace.core.table;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;

/**
 * The tables of one trace, in Arrow memory owned by this object: one allocator (a child of the
 * caller's allocator, else of the process's {@link MemoryBound bounded} {@link RootAllocator}) with
 * one child allocator per table. A pass or a cache load that would pass the bound throws {@link
 * MemoryBoundExceededException} and keeps nothing of what it started.
 *
 * <p>Tables are built when first asked for, not at open: {@link #table} decodes the trace once and
 * builds, in that one pass, the table asked for and every table {@link #request requested} before
 * it (a query requests all the tables it scans before reading any). Each pass writes its own copy
 * of the string dictionary, which every table of that pass indexes (see {@link
 * TraceTable#dictionaries()}); the pool ids are the same in every pass. Thread-safe: a pass holds
 * the database's lock. {@link #close()} frees everything.
 *
 * <p>With a {@link DecodeCache}, a table is first looked up in the trace's cache entry (mapped
 * from its Arrow file, no decoding), and the tables a pass builds are added to the entry.
 */
public final class TraceDatabase implements AutoCloseable {
  private final Path trace;
  private final ReadOptions options;
  private final BufferAllocator allocator;
  private final Map<String, TraceTable> built = new LinkedHashMap<>();
  private final Set<String> requested = new LinkedHashSet<>();
  private final List<TraceTablesBuilder.Tables> passes = new ArrayList<>();
  private final Set<String> fromCache = new LinkedHashSet<>();
  private final CacheEntry cache;
  private TraceReadResult readResult;

  private TraceDatabase(Path trace, ReadOptions options, BufferAllocator allocator, CacheEntry cache) {
    this.trace = trace;
    this.options = options;
    this.allocator = allocator;
    this.cache = cache;
    if (cache != null) readResult = cache.result();
  }

  /** Opens {@code trace} leniently (a broken or cut file yields what was read before the damage). */
  public static TraceDatabase open(Path trace) throws IOException {
    return open(trace, ReadOptions.lenient());
  }

  public static TraceDatabase open(Path trace, ReadOptions options) throws IOException {
    return open(trace, options, null);
  }

  /**
   * Opens {@code trace}: checks that it starts with a Go trace header; tables are built later, on
   * demand.
   *
   * @param parent allocator to take a child allocator from, or null for a private {@link RootAllocator}
   * @throws TraceFormatException if the file does not start with a Go execution trace header
   */
  public static TraceDatabase open(Path trace, ReadOptions options, BufferAllocator parent) throws IOException {
    return open(trace, options, parent, DecodeCache.disabled());
  }

  /**
   * Opens {@code trace} as {@link #open(Path, ReadOptions, BufferAllocator)} does, serving tables
   * from {@code cache} where it holds them and adding the ones decoded to it.
   *
   * @throws TraceFormatException if the file does not start with a Go execution trace header, or
   *     (in strict mode) if the cache knows the trace is malformed
   */
  public static TraceDatabase open(Path trace, ReadOptions options, BufferAllocator parent, DecodeCache cache)
      throws IOException {
    TraceReader.checkHeader(trace);
    CacheEntry entry = cache.entry(trace).orElse(null);
    if (entry != null && options.strictMode() && entry.result() != null && entry.result().error() != null) {
      throw entry.result().error();
    }
    return new TraceDatabase(trace, options, allocator(parent, trace.getFileName().toString()), entry);
  }

  /** A database of the tables of a finished event stream (tests): every table is built already. */
  static TraceDatabase build(TraceTablesBuilder builder, TraceInfo info, TraceReadResult result,
      BufferAllocator parent, String name) {
    TraceDatabase db = new TraceDatabase(null, null, allocator(parent, name), null);
    try {
      db.add(builder.finish(info, db.allocator));
    } catch (RuntimeException | Error e) {
      db.allocator.close();
      throw e;
    }
    db.readResult = result;
    return db;
  }

  private static BufferAllocator allocator(BufferAllocator parent, String name) {
    return (parent == null ? MemoryBound.sharedRoot() : parent).newChildAllocator("trace " + name, 0, Long.MAX_VALUE);
  }

  /** Every table, in schema.md's order; builds the missing ones in one pass. */
  public synchronized List<TraceTable> tables() {
    request(TableSchemas.names());
    List<TraceTable> all = new ArrayList<>();
    for (String name : TableSchemas.names()) all.add(table(name));
    return all;
  }

  /**
   * Announces that {@code names} will be read, so that the next pass builds them along with
   * whatever table it is run for.
   *
   * @throws IllegalArgumentException if a name is not a table
   */
  public synchronized void request(Collection<String> names) {
    for (String name : names) {
      TableSchemas.schema(name);
      if (!built.containsKey(name)) requested.add(name);
    }
  }

  /**
   * The table named {@code name}, built now (with every requested table) if it was not yet.
   *
   * @throws IllegalArgumentException if there is none
   * @throws TraceFormatException in strict mode, if the trace is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public synchronized TraceTable table(String name) {
    TableSchemas.schema(name);
    TraceTable t = built.get(name);
    if (t != null) return t;
    requested.add(name);
    loadCached();
    if (!built.containsKey(name)) decode();
    return built.get(name);
  }

  /**
   * Rows of table {@code name}. The events table's count is known from any pass (it is the
   * trace's event count), so counting events does not build them.
   */
  public synchronized long rowCount(String name) {
    TraceTable t = built.get(name);
    if (t != null) return t.rowCount();
    if (name.equals(EventsTableBuilder.NAME) && readResult != null) return readResult.eventCount();
    return table(name).rowCount();
  }

  /**
   * Rows of table {@code name} for planning: the count if it is known without building, else an
   * estimate from the file size (rows per byte of a busy trace).
   */
  public synchronized double estimatedRowCount(String name) {
    if (built.containsKey(name) || (name.equals(EventsTableBuilder.NAME) && readResult != null)) return rowCount(name);
    return RowEstimates.rows(name, fileSize());
  }

  private long fileSize() {
    try {
      return java.nio.file.Files.size(trace);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Names of the tables built so far, in the order they were built. */
  public synchronized Set<String> builtTables() { return Set.copyOf(built.keySet()); }

  /** Names of the tables served from the decode cache, in the order they were loaded. */
  public synchronized Set<String> cachedTables() { return Set.copyOf(fromCache); }

  /** How many times the trace was decoded to build tables. */
  public synchronized int decodePasses() { return passes.size(); }

  /** The allocator owning this database's memory (for callers allocating alongside it). */
  public BufferAllocator allocator() { return allocator; }

  /**
   * What the decoder reported: format, counts, time range, damage; decodes the trace (building
   * trace_info) if nothing was decoded yet. Null for databases built in tests.
   */
  public synchronized TraceReadResult readResult() {
    if (readResult == null && trace != null) table(TraceInfoTableBuilder.NAME);
    return readResult;
  }

  /** What the first pass reported, without decoding: empty if nothing was decoded yet. */
  public synchronized java.util.Optional<TraceReadResult> decoded() {
    return java.util.Optional.ofNullable(readResult);
  }

  /** Maps the requested tables the cache holds. */
  private void loadCached() {
    if (cache == null) return;
    for (var it = requested.iterator(); it.hasNext(); ) {
      String name = it.next();
      TraceTable t;
      try {
        t = cache.load(name, TableSchemas.schema(name), allocator);
      } catch (OutOfMemoryException e) {
        throw new MemoryBoundExceededException("mapping the cached table " + name + " would pass the Arrow memory bound of "
            + MemoryBound.describe(allocator), e);
      }
      if (t == null) continue;
      built.put(name, t);
      fromCache.add(name);
      it.remove();
    }
  }

  /** One pass over the trace building every requested table, and trace_info the first time. */
  private void decode() {
    if (trace == null) throw new IllegalStateException("this database has no trace file to decode");
    Set<String> chosen = new LinkedHashSet<>(requested);
    if (!built.containsKey(TraceInfoTableBuilder.NAME)) chosen.add(TraceInfoTableBuilder.NAME);
    for (String name : TraceTablesBuilder.builtAlong(chosen)) {
      if (!built.containsKey(name)) chosen.add(name);
    }
    // A failed pass is not retried for the next table asked for; its tables are built when asked for again.
    requested.clear();
    TraceReader reader = new TraceReader(options);
    TraceTablesBuilder builder = new TraceTablesBuilder(reader.strings(), reader.stacks(), chosen, allocator,
        TableContext.MAX_BATCH_ROWS, true);
    TraceReadResult result = read(reader, builder, chosen);
    if (!builder.profilesExact()) {
      // Rare (a goroutine id created again, not as Go's cgo callbacks are): the profiles need every interval kept.
      builder.abandon();
      reader = new TraceReader(options);
      builder = new TraceTablesBuilder(reader.strings(), reader.stacks(), chosen, allocator, TableContext.MAX_BATCH_ROWS, false);
      result = read(reader, builder, chosen);
    }
    TraceFormatException error = result.error();
    TraceInfo info = new TraceInfo(trace.toString(), result.formatVersion(), result.eventCount(),
        result.generationCount(), result.frequencyHz(), result.wallClockStartNs(), result.truncated(),
        result.lostBytes(), result.fileSize(), result.validBytes(), error == null ? null : error.getMessage());
    TraceTablesBuilder.Tables tables;
    try {
      tables = builder.finish(info, allocator);
    } catch (RuntimeException | Error e) {
      builder.abandon();
      throw memoryBound(e, "writing", chosen);
    }
    add(tables);
    if (readResult == null) readResult = result;
    if (cache != null) cache.store(result, tables.tables());
  }

  private TraceReadResult read(TraceReader reader, TraceTablesBuilder builder, Set<String> chosen) {
    try {
      return reader.read(trace, builder);
    } catch (IOException e) {
      builder.abandon();
      throw new UncheckedIOException("cannot read " + trace + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      builder.abandon();
      throw memoryBound(e, "decoding", chosen);
    }
  }

  /** {@code e} as the bound error if it is Arrow's or the JVM's out-of-memory, else {@code e}. */
  private RuntimeException memoryBound(Throwable e, String work, Set<String> chosen) {
    if (e instanceof OffHeapBoundException) {
      return new MemoryBoundExceededException(work + " " + String.join(", ", chosen) + ": " + e.getMessage(), e);
    }
    if (e instanceof OutOfMemoryException) {
      return new MemoryBoundExceededException(work + " " + String.join(", ", chosen) + " would pass the Arrow memory bound of "
          + MemoryBound.describe(allocator), e);
    }
    if (e instanceof OutOfMemoryError) {
      return new MemoryBoundExceededException(work + " " + String.join(", ", chosen)
          + " needs more heap than the JVM's maximum of " + MemoryBound.format(Runtime.getRuntime().maxMemory()), e);
    }
    if (e instanceof RuntimeException r) return r;
    throw (Error) e;
  }

  private void add(TraceTablesBuilder.Tables tables) {
    passes.add(tables);
    for (TraceTable t : tables.tables()) built.put(t.name(), t);
  }

  /** Frees every vector and the allocator. */
  @Override public synchronized void close() {
    for (String name : fromCache) built.get(name).release();
    for (TraceTablesBuilder.Tables t : passes) t.close();
    passes.clear();
    built.clear();
    allocator.close();
  }
}
