package dev.gotrace.core.table;

import dev.gotrace.core.TraceFormatException;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * All tables of one trace, in Arrow memory owned by this object: one allocator (a
 * {@link RootAllocator}, or a child of the caller's allocator) with one child allocator per table,
 * and the trace-wide string dictionary. Built in one pass of Go's event stream over every table
 * builder. {@link #close()} frees everything.
 */
public final class TraceDatabase implements AutoCloseable {
  private final BufferAllocator allocator;
  private final TraceTablesBuilder.Tables tables;
  private final Map<String, TraceTable> byName = new LinkedHashMap<>();
  private final TraceReadResult readResult;

  private TraceDatabase(BufferAllocator allocator, TraceTablesBuilder.Tables tables, TraceReadResult readResult) {
    this.allocator = allocator;
    this.tables = tables;
    this.readResult = readResult;
    for (TraceTable t : tables.tables()) byName.put(t.name(), t);
  }

  /** Reads {@code trace} leniently (a broken or cut file yields what was read before the damage). */
  public static TraceDatabase open(Path trace) throws IOException {
    return open(trace, ReadOptions.lenient());
  }

  public static TraceDatabase open(Path trace, ReadOptions options) throws IOException {
    return open(trace, options, null);
  }

  /**
   * Reads {@code trace} and builds every table.
   *
   * @param parent allocator to take a child allocator from, or null for a private {@link RootAllocator}
   * @throws TraceFormatException in strict mode, if the trace is malformed
   */
  public static TraceDatabase open(Path trace, ReadOptions options, BufferAllocator parent) throws IOException {
    TraceReader reader = new TraceReader(options);
    TraceTablesBuilder builder = new TraceTablesBuilder(reader.strings(), reader.stacks());
    TraceReadResult result = reader.read(trace, builder);
    TraceFormatException error = result.error();
    TraceInfo info = new TraceInfo(trace.toString(), result.formatVersion(), result.eventCount(),
        result.generationCount(), result.frequencyHz(), result.wallClockStartNs(), result.truncated(),
        result.lostBytes(), result.fileSize(), result.validBytes(), error == null ? null : error.getMessage());
    return build(builder, info, result, parent, trace.getFileName().toString());
  }

  /** Writes the tables of a finished event stream; {@code result} may be null (tests). */
  static TraceDatabase build(TraceTablesBuilder builder, TraceInfo info, TraceReadResult result,
      BufferAllocator parent, String name) {
    BufferAllocator allocator = parent == null
        ? new RootAllocator()
        : parent.newChildAllocator("trace " + name, 0, Long.MAX_VALUE);
    try {
      return new TraceDatabase(allocator, builder.finish(info, allocator), result);
    } catch (RuntimeException | Error e) {
      allocator.close();
      throw e;
    }
  }

  /** Every table, in schema.md's order. */
  public List<TraceTable> tables() { return new ArrayList<>(byName.values()); }

  /**
   * The table named {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public TraceTable table(String name) {
    TraceTable t = byName.get(name);
    if (t == null) throw new IllegalArgumentException("no table named " + name + "; tables: " + byName.keySet());
    return t;
  }

  /** The string dictionary shared by every string column. */
  public DictionaryProvider dictionaries() { return tables.dictionaries(); }

  /** The allocator owning this database's memory (for callers allocating alongside it). */
  public BufferAllocator allocator() { return allocator; }

  /** What the decoder reported: format, counts, time range, damage. Null for databases built in tests. */
  public TraceReadResult readResult() { return readResult; }

  /** Frees every vector and the allocator. */
  @Override public void close() {
    tables.close();
    allocator.close();
  }
}
