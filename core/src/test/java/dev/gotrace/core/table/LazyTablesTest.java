package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables are built when asked for, in as few passes as the requests allow, and the precomputed
 * blocking_profiles agree with the rule blocking_intervals documents.
 */
class LazyTablesTest extends ArrowTest {
  private static final Path TRACE = TestData.root().resolve("traces/go1.27/mix.trace");

  @Test void openingBuildsNothingAndAProfileDoesNotBuildEvents() throws IOException {
    try (TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), allocator)) {
      assertEquals(0, db.decodePasses());
      assertEquals(0, allocator.getAllocatedMemory());
      db.request(List.of("stacks"));
      db.table("blocking_profiles");
      // the goroutine-group sums come along: the pass has them for free
      assertEquals(Set.of("blocking_profiles", "group_blocking_profiles", "group_stack_times", "stacks", "trace_info"),
          db.builtTables());
      assertEquals(1, db.decodePasses());
      db.table("group_stack_times");
      assertEquals(1, db.decodePasses());
      // the event count is known from the pass, so counting events builds nothing
      long events = db.rowCount("events");
      assertEquals(db.readResult().eventCount(), events);
      assertFalse(db.builtTables().contains("events"));
      assertEquals(1, db.decodePasses());
      assertEquals(events, db.table("events").rowCount());
      assertEquals(2, db.decodePasses());
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test void oneRequestedPassBuildsEveryRequestedTable() throws IOException {
    try (TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), allocator)) {
      List<TraceTable> all = db.tables();
      assertEquals(TableSchemas.names(), all.stream().map(TraceTable::name).toList());
      assertEquals(1, db.decodePasses());
    }
  }

  @Test void profilesAreTheDocumentedAggregateOfTheIntervals() throws IOException {
    try (TraceDatabase db = TraceDatabase.open(TRACE, ReadOptions.lenient(), allocator)) {
      long traceEnd = (Long) Rows.of(db.table("trace_info")).get(0).get("duration_ns");
      Map<Long, Map<String, Object>> goroutines = new HashMap<>();
      for (Map<String, Object> g : Rows.of(db.table("goroutines"))) goroutines.put((Long) g.get("goid"), g);
      Map<List<Object>, long[]> expected = new TreeMap<>(LazyTablesTest::compareKeys);
      for (Map<String, Object> b : Rows.of(db.table("blocking_intervals"))) {
        Map<String, Object> g = goroutines.get((Long) b.get("goid"));
        if (b.get("profile") == null || b.get("dur") == null || g == null) continue;
        long start = (Long) b.get("ts");
        long end = start + (Long) b.get("dur");
        long goStart = g.get("start_ts") == null ? 0 : (Long) g.get("start_ts");
        long goEnd = g.get("end_ts") == null ? traceEnd : (Long) g.get("end_ts");
        long delay = Math.min(end, goEnd) - Math.max(start, goStart);
        if (delay <= 0) continue;
        long[] sum = expected.computeIfAbsent(List.of(b.get("profile"), Objects.requireNonNullElse(
            b.get("profile_stack_id"), -1L)), k -> new long[2]);
        sum[0]++;
        sum[1] += delay;
      }
      Map<List<Object>, long[]> actual = new TreeMap<>(LazyTablesTest::compareKeys);
      for (Map<String, Object> p : Rows.of(db.table("blocking_profiles"))) {
        actual.put(List.of(p.get("profile"), Objects.requireNonNullElse(p.get("stack_id"), -1L)),
            new long[] {(Long) p.get("contentions"), (Long) p.get("delay_ns")});
      }
      assertEquals(Set.of("net", "sync", "syscall", "sched").size(),
          actual.keySet().stream().map(k -> k.get(0)).distinct().count(), "mix blocks in every profile");
      assertEquals(expected.keySet(), actual.keySet());
      for (List<Object> k : expected.keySet()) {
        assertEquals(List.of(expected.get(k)[0], expected.get(k)[1]), List.of(actual.get(k)[0], actual.get(k)[1]), k.toString());
      }
    }
  }

  @Test void aFileThatIsNoTraceFailsAtOpen(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.trace"), "this is not a trace at all");
    TraceFormatException e = assertThrows(TraceFormatException.class,
        () -> TraceDatabase.open(junk, ReadOptions.lenient(), allocator));
    assertEquals(0, e.byteOffset());
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    int c = ((String) a.get(0)).compareTo((String) b.get(0));
    return c != 0 ? c : Long.compare((Long) a.get(1), (Long) b.get(1));
  }
}
