package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.SYSCALL;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static dev.gotrace.core.event.GoState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * goroutines.open_state* describe the goroutine_states row of the goroutine's last incarnation
 * still open at trace end (dur NULL), or are NULL when it has none.
 */
class OpenStateColumnsTest extends ArrowTest {

  @TestFactory Stream<DynamicTest> everyTracesOpenStateColumnsAreItsOpenGoroutineStatesRows() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        Map<Long, List<Object>> open = openStatesRows(db);
        List<Map<String, Object>> goroutines = Rows.of(db.table("goroutines"));
        for (Map<String, Object> g : goroutines) {
          assertEquals(open.getOrDefault((Long) g.get("goid"), Arrays.asList(null, null, null, null)), openStateColumns(g),
              "goid " + g.get("goid"));
        }
        assertTrue(goroutines.stream().anyMatch(g -> g.get("open_state") != null), "some goroutine is alive at trace end");
      }
    }));
  }

  @Test void theOpenRowStartsAtTheSyncForAStatusButAtTheEventForASyscallWithoutAP() {
    EventScript s = new EventScript();
    int parked = s.stack("runtime.gopark", "main.wait");
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(-1, -1, -1).go(1005, 2, UNDETERMINED, WAITING); // status: from the Sync
      s.on(5, -1, 3).go(1006, 3, UNDETERMINED, SYSCALL); // status in a syscall without a P: from the event
      s.on(1, 0, 1).go(1100, 5, NOT_EXIST, RUNNABLE);
      s.on(1, 0, 5).go(1200, 5, RUNNABLE, RUNNING).go(1250, 5, RUNNING, WAITING, "chan receive", parked, parked);
      s.on(1, 0, 1).go(1300, 6, NOT_EXIST, RUNNABLE);
      s.on(1, 0, 6).go(1310, 6, RUNNABLE, RUNNING).go(1320, 6, RUNNING, NOT_EXIST);
      s.on(7, -1, -1).go(1400, 9, NOT_EXIST, SYSCALL); // a cgo callback's id, created twice
      s.on(7, -1, 9).go(1410, 9, SYSCALL, NOT_EXIST);
      s.on(7, -1, -1).go(1420, 9, NOT_EXIST, SYSCALL);
      s.on(-1, -1, -1).sync(2000);
    });
    Map<Long, List<Object>> open = openStatesRows(db);
    Map<Long, List<Object>> columns = new HashMap<>();
    for (Map<String, Object> g : Rows.of(db.table("goroutines"))) columns.put((Long) g.get("goid"), openStateColumns(g));
    assertEquals(Arrays.asList("waiting", 0L, "", null), columns.get(2L));
    assertEquals(Arrays.asList("syscall", 6L, "", null), columns.get(3L));
    assertEquals(Arrays.asList("waiting", 250L, "chan receive", (long) parked), columns.get(5L));
    assertEquals(Arrays.asList(null, null, null, null), columns.get(6L));
    assertEquals(Arrays.asList("syscall", 420L, "", null), columns.get(9L));
    open.forEach((goid, row) -> assertEquals(row, columns.get(goid), "goid " + goid));
    assertEquals(4, open.size());
  }

  /** Per goid, state, ts, reason and stack_id of its last incarnation's goroutine_states row with dur NULL. */
  private static Map<Long, List<Object>> openStatesRows(TraceDatabase db) {
    Map<Long, Integer> last = new HashMap<>();
    for (Map<String, Object> g : Rows.of(db.table("goroutines"))) last.put((Long) g.get("goid"), (Integer) g.get("incarnations"));
    Map<Long, List<Object>> open = new HashMap<>();
    for (Map<String, Object> r : Rows.of(db.table("goroutine_states"))) {
      if (r.get("dur") != null || !r.get("incarnation").equals(last.get((Long) r.get("goid")))) continue;
      List<Object> row = Arrays.asList(r.get("state"), r.get("ts"), r.get("reason"), r.get("stack_id"));
      assertNull(open.put((Long) r.get("goid"), row), "one open row per goroutine");
    }
    return open;
  }

  private static List<Object> openStateColumns(Map<String, Object> g) {
    return Arrays.asList(g.get("open_state"), g.get("open_state_ts"), g.get("open_state_reason"), g.get("open_state_stack_id"));
  }
}
