package dev.gotrace.jdbc;

import dev.gotrace.jdbc.FixtureTable.Column;
import dev.gotrace.jdbc.FixtureTable.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A small trace-like catalogue built by hand: {@code events} (5,000 rows in five batches, one of
 * them empty, with NULLs in every nullable column and dictionary strings including "" and a
 * non-ASCII one) and {@code goroutines} (50 rows). All memory comes from one child allocator.
 */
final class FixtureCatalog implements TableCatalog {
  static final String[] KINDS = {"GoBlock", "GoUnblock", "GoStart", "GoEnd", "ProcStart", ""};
  static final String[] REASONS = {"chan receive", "sync", "", "select", "sleep", "ünïcode"};
  static final String[] NAMES = {"main.main", "main.worker", "runtime.gcBgMarkWorker", ""};
  static final int EVENT_ROWS = 5000;
  static final int[] EVENT_BATCHES = {1000, 1000, 0, 1500, 1500};

  private final BufferAllocator allocator;
  private final FixtureDictionary dictionary = new FixtureDictionary();
  private final Map<String, FixtureTable> tables = new LinkedHashMap<>();
  private volatile boolean closed;

  private FixtureCatalog(BufferAllocator parent) {
    this.allocator = parent.newChildAllocator("fixture", 0, Long.MAX_VALUE);
  }

  /** The standard fixture, allocated from {@code parent}. */
  static FixtureCatalog standard(BufferAllocator parent) {
    FixtureCatalog c = new FixtureCatalog(parent);
    c.add(new FixtureTable("events", "one row per event", eventColumns(), eventRows(), EVENT_BATCHES,
        c.allocator, c.dictionary));
    c.add(new FixtureTable("goroutines", "one row per goroutine", goroutineColumns(), goroutineRows(),
        new int[] {50}, c.allocator, c.dictionary));
    c.dictionary.seal(c.allocator);
    return c;
  }

  static List<Column> eventColumns() {
    return List.of(
        new Column("event_id", Kind.BIGINT, false, "position of the event"),
        new Column("ts", Kind.BIGINT, false, "time of the event, ns"),
        new Column("goid", Kind.BIGINT, true, "goroutine of the event"),
        new Column("proc_id", Kind.INT, true, "P of the event"),
        new Column("kind", Kind.STRING, false, "kind of event"),
        new Column("reason", Kind.STRING, true, "why"),
        new Column("is_system", Kind.BOOL, true, "system goroutine"),
        new Column("metric_value", Kind.DOUBLE, true, "a measured value"),
        new Column("dur", Kind.BIGINT, true, "duration, ns"));
  }

  static List<Object[]> eventRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < EVENT_ROWS; i++) {
      rows.add(new Object[] {
          (long) i,
          i * 10L + i % 3,
          i % 7 == 3 ? null : i % 97 == 0 ? 5_000_000_000L : (long) ((i * 31) % 50),
          i % 5 == 4 ? null : i % 4,
          KINDS[(i * 7) % KINDS.length],
          i % 3 == 1 ? null : REASONS[(i / 3) % REASONS.length],
          i % 11 == 10 ? null : i % 3 == 0,
          i % 4 == 2 ? null : i * 0.5 - 100.0,
          i % 9 == 0 ? null : (long) (i % 13) * 1000 + i});
    }
    return rows;
  }

  static List<Column> goroutineColumns() {
    return List.of(
        new Column("goid", Kind.BIGINT, false, "goroutine id"),
        new Column("name", Kind.STRING, false, "start function"),
        new Column("creator_goid", Kind.BIGINT, true, "goroutine that created it"));
  }

  static List<Object[]> goroutineRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int g = 0; g < 50; g++) {
      rows.add(new Object[] {(long) g, NAMES[g % NAMES.length], g == 0 ? null : (long) (g - 1) / 2});
    }
    return rows;
  }

  private void add(FixtureTable table) {
    tables.put(table.name(), table);
  }

  FixtureTable table(String name) {
    return tables.get(name);
  }

  @Override
  public List<ArrowTableSource> tables() {
    return List.copyOf(tables.values());
  }

  boolean isClosed() {
    return closed;
  }

  long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public void close() {
    if (closed) throw new IllegalStateException("catalogue closed twice");
    closed = true;
    tables.values().forEach(FixtureTable::close);
    dictionary.close();
    allocator.close();
  }
}
