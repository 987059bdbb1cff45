package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.SYSCALL;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static dev.gotrace.core.event.GoState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * blocking_profiles summed while events stream (a profile query keeps no interval rows) equal the
 * sums of the kept intervals, and a goroutine id created again is handled as Go's summary handles it.
 */
class StreamedProfilesTest extends ArrowTest {
  private static final Set<String> PROFILES = Set.of(BlockingProfilesTableBuilder.NAME,
      GroupBlockingProfilesTableBuilder.NAME, GroupStackTimesTableBuilder.NAME);

  @TestFactory Stream<DynamicTest> everyTraceStreamsTheProfilesOfItsKeptIntervals() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      Map<String, List<Map<String, Object>>> kept = profiles(trace, false);
      assertEquals(kept, profiles(trace, true));
    }));
  }

  @Test void anIntervalOfAGoroutineNotYetNamedCountsUnderItsLaterName() {
    // Goroutine 5 exists before the trace: it waits, is made runnable, runs (from 1050: Go's
    // window starts there), is preempted and runs again, all without a stack, so without a name,
    // and then blocks at a stack whose outermost frame names it. Its runnable [1060, 1080] counts
    // under that later name; the wait from 1100 is still open at trace end (3000): 1900 ns.
    Consumer<EventScript> events = s -> {
      int stack = s.stack("main.leaf", "main.worker");
      s.sync(1000);
      s.on(1, 0, 5).go(1000, 5, UNDETERMINED, WAITING, "chan receive", 0, 0);
      s.on(1, 0, 1).go(1030, 5, WAITING, RUNNABLE);
      s.on(1, 0, 5).go(1050, 5, RUNNABLE, RUNNING).go(1060, 5, RUNNING, RUNNABLE, "preempted", 0, 0)
          .go(1080, 5, RUNNABLE, RUNNING).go(1100, 5, RUNNING, WAITING, "select", stack, stack);
      s.on(-1, -1, -1).sync(3000);
    };
    for (boolean streamed : new boolean[] {true, false}) {
      Map<String, List<Map<String, Object>>> tables = written(scripted(events, streamed));
      assertEquals(List.of(List.of("main.worker", "sched", 20L)),
          tables.get(GroupBlockingProfilesTableBuilder.NAME).stream()
              .map(r -> List.of(r.get("name"), r.get("profile"), r.get("delay_ns"))).toList(), "streamed " + streamed);
      assertEquals(List.of(List.of("main.worker", "", 1L, 30L), List.of("main.worker", "stack", 1L, 1900L)),
          tables.get(GroupStackTimesTableBuilder.NAME).stream()
              .map(r -> List.of(r.get("name"), r.get("stack_id") == null ? "" : "stack", r.get("waits"), r.get("wait_ns")))
              .toList(), "streamed " + streamed);
    }
  }

  @Test void aCgoCallbackIdCreatedAgainCountsItsEarlierIntervalsInTheLastWindow() {
    // Created into a syscall twice (Go's cgo callbacks); the last incarnation never runs, so
    // Go's window of the id is [trace start, trace end] and both finished syscalls count whole.
    Consumer<EventScript> events = s -> {
      s.sync(1000);
      s.on(1, -1, 7).go(1010, 7, NOT_EXIST, SYSCALL).go(1020, 7, SYSCALL, RUNNING).go(1030, 7, RUNNING, NOT_EXIST);
      s.on(1, -1, 7).go(1040, 7, NOT_EXIST, SYSCALL).go(1060, 7, SYSCALL, RUNNING).go(1070, 7, RUNNING, NOT_EXIST);
      s.on(1, -1, 7).go(1080, 7, NOT_EXIST, SYSCALL);
      s.on(-1, -1, -1).sync(2000);
    };
    TraceTablesBuilder streamed = scripted(events, true);
    assertTrue(streamed.profilesExact());
    List<Map<String, Object>> rows = profileRows(streamed);
    assertEquals(profileRows(scripted(events, false)), rows);
    assertEquals(List.of(List.of("syscall", 2L, 30L)),
        rows.stream().map(r -> List.of(r.get("profile"), r.get("contentions"), r.get("delay_ns"))).toList());
  }

  @Test void anotherIdCreatedAgainAsksForTheKeptIntervals() {
    // Its first life was summed as it streamed, its first runnable interval clipped away by its
    // start at 20; its last life never runs, so Go counts every finished interval of the id whole.
    Consumer<EventScript> events = s -> {
      s.sync(1000);
      s.on(1, 0, 1).go(1010, 9, NOT_EXIST, RUNNABLE);
      s.on(1, 0, 9).go(1020, 9, RUNNABLE, RUNNING).go(1030, 9, RUNNING, WAITING, "chan receive", 0, 0);
      s.on(1, 0, 1).go(1050, 9, WAITING, RUNNABLE);
      s.on(1, 0, 9).go(1060, 9, RUNNABLE, RUNNING).go(1070, 9, RUNNING, NOT_EXIST);
      s.on(1, 0, 1).go(1080, 9, NOT_EXIST, RUNNABLE);
      s.on(-1, -1, -1).sync(2000);
    };
    assertFalse(scripted(events, true).profilesExact());
    List<Map<String, Object>> kept = profileRows(scripted(events, false));
    assertEquals(List.of(List.of("sched", 2L, 20L), List.of("sync", 1L, 20L)),
        kept.stream().map(r -> List.of(r.get("profile"), r.get("contentions"), r.get("delay_ns"))).toList());
  }

  @Test void anIdSummedOnceThatComesBackAsACgoCallbackAsksForTheKeptIntervals() {
    // Its first life (plain, summed as it streamed) counted [20, 30] whole; its last life, a
    // callback that never runs, widens Go's window to the whole trace, so [10, 20] counts too.
    Consumer<EventScript> events = s -> {
      s.sync(1000);
      s.on(1, 0, 1).go(1010, 9, NOT_EXIST, RUNNABLE);
      s.on(1, 0, 9).go(1020, 9, RUNNABLE, RUNNING).go(1020, 9, RUNNING, WAITING, "chan receive", 0, 0);
      s.on(1, 0, 1).go(1030, 9, WAITING, RUNNABLE);
      s.on(1, 0, 9).go(1040, 9, RUNNABLE, RUNNING).go(1050, 9, RUNNING, NOT_EXIST);
      s.on(1, -1, 9).go(1060, 9, NOT_EXIST, SYSCALL);
      s.on(-1, -1, -1).sync(2000);
    };
    assertFalse(scripted(events, true).profilesExact());
    List<Map<String, Object>> kept = profileRows(scripted(events, false));
    assertEquals(List.of(List.of("sched", 2L, 20L), List.of("sync", 1L, 10L)),
        kept.stream().map(r -> List.of(r.get("profile"), r.get("contentions"), r.get("delay_ns"))).toList());
  }

  private Map<String, List<Map<String, Object>>> profiles(TestData.Trace trace, boolean streamed) throws IOException {
    TraceReader reader = new TraceReader(ReadOptions.lenient());
    TraceTablesBuilder builder = new TraceTablesBuilder(reader.strings(), reader.stacks(), PROFILES, allocator,
        TableContext.MAX_BATCH_ROWS, streamed);
    reader.read(trace.file(), builder);
    if (streamed) assertTrue(builder.profilesExact(), "no goroutine id of a committed trace is created again");
    return written(builder);
  }

  private TraceTablesBuilder scripted(Consumer<EventScript> events, boolean streamed) {
    EventScript s = new EventScript();
    TraceTablesBuilder builder = new TraceTablesBuilder(s.strings, s.stacks, PROFILES, allocator,
        TableContext.MAX_BATCH_ROWS, streamed);
    events.accept(s.to(builder));
    return builder;
  }

  /** The rows of each table written, by table name. */
  private Map<String, List<Map<String, Object>>> written(TraceTablesBuilder builder) {
    TraceInfo info = new TraceInfo("x", null, 0, 1, 1, null, false, 0, 0, 0, null);
    try (TraceTablesBuilder.Tables tables = builder.finish(info, allocator)) {
      Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
      for (TraceTable t : tables.tables()) rows.put(t.name(), Rows.of(t));
      return rows;
    }
  }

  private List<Map<String, Object>> profileRows(TraceTablesBuilder builder) {
    return written(builder).get(BlockingProfilesTableBuilder.NAME);
  }
}
