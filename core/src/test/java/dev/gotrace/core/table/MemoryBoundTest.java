package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * events is written to Arrow a batch at a time while the trace streams, with the same rows as
 * when written at the end; a pass that would pass the Arrow bound fails with the bound's error,
 * frees what it wrote, and leaves the database usable.
 */
class MemoryBoundTest extends ArrowTest {
  private static final Path TRACE = TestData.root().resolve("traces/go1.27/mix.trace");

  @Test void streamedBatchesHoldTheSameRowsAsOneWrite() throws IOException {
    List<Map<String, Object>> expected;
    try (TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), allocator)) {
      expected = Rows.of(db.table("events"));
    }
    TraceReader reader = new TraceReader(ReadOptions.lenient());
    TraceTablesBuilder builder = new TraceTablesBuilder(reader.strings(), reader.stacks(), Set.of("events"), allocator, 1000, true);
    var result = reader.read(TRACE, builder);
    TraceInfo info = new TraceInfo("x", result.formatVersion(), result.eventCount(), 1, 1, null, false, 0, 0, 0, null);
    try (TraceTablesBuilder.Tables tables = builder.finish(info, allocator)) {
      TraceTable events = tables.tables().get(0);
      assertEquals(expected.size(), events.rowCount());
      assertTrue(events.batches().size() > 1, "several streamed batches");
      assertTrue(events.batches().stream().allMatch(b -> b.getRowCount() <= 1000));
      assertEquals(expected, Rows.of(events));
    }
  }

  @Test void aPassBeyondTheArrowBoundFailsClearlyAndKeepsTheDatabaseUsable() throws IOException {
    long eventsBytes;
    try (TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), allocator)) {
      db.table("events");
      eventsBytes = db.allocator().getAllocatedMemory();
    }
    try (BufferAllocator bounded = allocator.newChildAllocator("bounded", 0, eventsBytes / 2);
        TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), bounded)) {
      MemoryBoundExceededException e = assertThrows(MemoryBoundExceededException.class, () -> db.table("events"));
      assertTrue(e.getMessage().contains("Arrow memory bound of"), e.getMessage());
      assertTrue(e.getMessage().contains("events"), e.getMessage());
      assertEquals(0, bounded.getAllocatedMemory(), "the failed pass keeps nothing");
      assertEquals(Set.of(), db.builtTables());
      assertTrue(db.table("stacks").rowCount() > 0, "smaller tables still build");
    }
  }
}
