package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.SYSCALL;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static dev.gotrace.core.event.GoState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gotrace.core.event.ProcState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * goroutine_states over hand-made event sequences; expected numbers follow Go's summary.go by hand
 * (each comment says which rule gives them).
 */
class GoroutineStatesTableBuilderTest extends ArrowTest {

  private static List<Map<String, Object>> states(TraceDatabase db, long goid) {
    return Rows.where(db.table("goroutine_states"), r -> r.get("goid").equals(goid));
  }

  private static long traceEnd(TraceDatabase db) {
    return (Long) Rows.of(db.table("trace_info")).get(0).get("duration_ns");
  }

  /** Consecutive rows touch; every row but possibly the last is closed. */
  private static void assertTiles(List<Map<String, Object>> rows) {
    for (int i = 0; i + 1 < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      assertEquals(rows.get(i + 1).get("ts"), (Long) r.get("ts") + (Long) r.get("dur"), "row " + i + " of " + rows);
    }
  }

  private static List<Object> col(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).toList();
  }

  @Test void oneLifeIsCutAtEveryTransitionAndSplitsItsSyscallWhereThePWasStolen() {
    EventScript s = new EventScript();
    int creator = s.stack("main.spawn", "main.main");
    int entry = s.stack("main.worker");
    int block = s.stack("runtime.chanrecv1", "main.worker");
    int unblocker = s.stack("runtime.chansend1", "main.main");
    int sys = s.stack("syscall.read", "main.worker");
    TraceDatabase db = database(s, () -> {
      s.sync(100);
      s.on(1, 0, 1).go(110, 5, NOT_EXIST, RUNNABLE, "", creator, entry);
      s.on(1, 0, -1).go(120, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(130, 5, RUNNING, WAITING, "chan receive", block, block);
      s.on(2, 1, 1).go(150, 5, WAITING, RUNNABLE, "", unblocker, 0);
      s.on(1, 0, -1).go(160, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(170, 5, RUNNING, SYSCALL, "", sys, sys);
      s.on(3, -1, -1).proc(180, 0, ProcState.RUNNING, ProcState.IDLE);
      s.on(1, -1, 5).go(200, 5, SYSCALL, RUNNABLE);
      s.on(1, 1, -1).go(210, 5, RUNNABLE, RUNNING);
      s.on(1, 1, 5).go(230, 5, RUNNING, NOT_EXIST);
      s.on(-1, -1, -1).sync(300);
    });
    List<Map<String, Object>> rows = states(db, 5);
    assertEquals(List.of("runnable", "running", "waiting", "runnable", "running", "syscall", "runnable", "running"),
        col(rows, "state"));
    assertEquals(Arrays.asList(10L, 20L, 30L, 50L, 60L, 70L, 100L, 110L), col(rows, "ts"));
    assertEquals(Arrays.asList(10L, 10L, 20L, 10L, 10L, 30L, 10L, 20L), col(rows, "dur"));
    assertTiles(rows);
    assertEquals(Arrays.asList(1L, null, 5L, 1L, null, 5L, 5L, null), col(rows, "entered_by_goid"));
    assertEquals(Arrays.asList("", "", "chan receive", "", "", "", "", ""), col(rows, "reason"));
    assertEquals(Arrays.asList((long) creator, null, (long) block, (long) unblocker, null, (long) sys, null, null),
        col(rows, "stack_id"));
    assertEquals((long) unblocker, rows.get(2).get("end_stack_id"));
    assertEquals(Arrays.asList(null, null, null, null, null, 80L, null, null), col(rows, "syscall_block_ts"));
    assertEquals(List.of("transition"), col(rows, "end_reason").stream().distinct().toList());
    assertEquals(1L, rows.get(1).get("thread_id"));
    assertEquals(0L, rows.get(1).get("proc_id"));

    StateSums sums = StateSums.of(rows, traceEnd(db));
    assertEquals(10 + 10 + 20, sums.exec);
    assertEquals(10 + 10 + 10, sums.schedWait);
    assertEquals(180 - 170, sums.syscall); // until the P was stolen
    assertEquals(200 - 180, sums.syscallBlock); // from the steal to the exit
    assertEquals(Map.of("chan receive", 20L), sums.blockByReason);
  }

  @Test void aGoroutineLosesItsBlockedMarkWhenAnotherOneLeavesTheSyscallItsPWasTakenFrom() {
    EventScript s = new EventScript();
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, 1).go(1010, 7, NOT_EXIST, RUNNABLE).go(1011, 8, NOT_EXIST, RUNNABLE);
      s.on(1, 0, -1).go(1020, 7, RUNNABLE, RUNNING);
      s.on(1, 0, 7).go(1030, 7, RUNNING, SYSCALL); // Go: syscallingP[0] = 7
      s.on(9, -1, -1).proc(1040, 0, ProcState.RUNNING, ProcState.IDLE); // 7 blocked from here
      s.on(2, -1, -1).proc(1050, 0, ProcState.IDLE, ProcState.RUNNING);
      s.on(2, 0, -1).go(1060, 8, RUNNABLE, RUNNING);
      s.on(2, 0, 8).go(1070, 8, RUNNING, SYSCALL); // syscallingP[0] = 8
      s.on(1, -1, 7).go(1080, 7, SYSCALL, RUNNABLE); // deletes syscallingP[syscallingG[7] = 0]: 8's entry
      s.on(9, -1, -1).proc(1090, 0, ProcState.RUNNING, ProcState.IDLE); // so this marks nobody
      s.on(2, -1, 8).go(1100, 8, SYSCALL, RUNNABLE);
      s.on(-1, -1, -1).sync(1200);
    });
    long end = traceEnd(db);
    assertEquals(200, end);
    StateSums g7 = StateSums.of(states(db, 7), end);
    assertEquals(10, g7.syscall);
    assertEquals(40, g7.syscallBlock);
    assertEquals(10 + (1200 - 1080), g7.schedWait);
    StateSums g8 = StateSums.of(states(db, 8), end);
    assertEquals(30, g8.syscall);
    assertEquals(0, g8.syscallBlock);
    assertEquals((1060 - 1011) + (1200 - 1100), g8.schedWait);
    assertNull(Rows.where(db.table("goroutine_states"), r -> r.get("goid").equals(8L) && r.get("state").equals("syscall"))
        .get(0).get("syscall_block_ts"));
  }

  @Test void goroutinesReportedByStatusStartAtTheSyncAndOpenIntervalsFollowGosEndOfTraceRules() {
    EventScript s = new EventScript();
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, -1).go(1005, 1, UNDETERMINED, RUNNING);
      s.on(-1, -1, -1).go(1007, 2, UNDETERMINED, WAITING);
      s.on(6, 1, 4).go(1010, 4, UNDETERMINED, SYSCALL); // in a syscall, holding P 1
      s.on(1, 0, 1).go(1100, 5, NOT_EXIST, RUNNABLE);
      s.on(1, 0, -1).go(1200, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(1250, 5, RUNNING, WAITING, "forever", 0, 0);
      s.on(9, -1, -1).proc(1300, 1, ProcState.RUNNING, ProcState.IDLE); // 4 blocked from here
      s.on(5, -1, 3).go(1500, 3, UNDETERMINED, SYSCALL); // in a syscall without a P
      s.on(1, 0, 1).go(1600, 2, WAITING, RUNNABLE);
      s.on(5, -1, 3).go(1700, 3, SYSCALL, RUNNABLE);
      s.on(-1, -1, -1).sync(2000);
      s.on(1, 0, 1).go(2001, 1, RUNNING, RUNNING); // a later generation's status: no cut
      s.on(-1, -1, -1).sync(3000);
    });
    long end = traceEnd(db);
    List<Map<String, Object>> g1 = states(db, 1);
    assertEquals(1, g1.size());
    assertEquals(0L, g1.get(0).get("ts"));
    assertNull(g1.get(0).get("dur"));
    assertEquals("trace_end", g1.get(0).get("end_reason"));
    assertEquals(2000, StateSums.of(g1, end).exec);

    StateSums g2 = StateSums.of(states(db, 2), end);
    assertEquals(Map.of("", 600L), g2.blockByReason); // from the Sync, reason '' of the status
    assertEquals(3000 - 1600, g2.schedWait);

    List<Map<String, Object>> g3 = states(db, 3);
    assertEquals(List.of("syscall", "syscall", "runnable"), col(g3, "state"));
    assertEquals(List.of("status", "transition", "trace_end"), col(g3, "end_reason"));
    assertTiles(g3);
    StateSums g3s = StateSums.of(g3, end);
    assertEquals(1500 - 1000, g3s.syscallBlock); // Go: syscall block time before a P-less status
    assertEquals(1700 - 1500, g3s.syscall); // ... and syscall time after it
    assertEquals(3000 - 1700, g3s.schedWait);

    StateSums g4 = StateSums.of(states(db, 4), end);
    assertEquals(3000 - 1000, g4.syscall); // open syscall: whole, though blocked
    assertEquals(3000 - 1300, g4.schedWait); // Go's quirk: the blocked part again, as sched wait
    assertEquals(0, g4.syscallBlock);

    List<Map<String, Object>> g5 = states(db, 5);
    assertEquals(List.of("runnable", "running", "waiting"), col(g5, "state"));
    StateSums g5s = StateSums.of(g5, end);
    assertEquals(100, g5s.schedWait);
    assertEquals(50, g5s.exec);
    assertEquals(Map.of(), g5s.blockByReason); // Go ends the goroutine at a 'forever' wait
    Map<String, Object> g5row = Rows.where(db.table("goroutines"), r -> r.get("goid").equals(5L)).get(0);
    assertEquals(250L, g5row.get("end_ts"));
    assertEquals("blocked_forever", g5row.get("end_reason"));
  }

  @Test void aReusedCgoCallbackGoroutineIdCountsIncarnations() {
    EventScript s = new EventScript();
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(7, -1, -1).go(1100, 9, NOT_EXIST, SYSCALL);
      s.on(7, -1, 9).go(1200, 9, SYSCALL, NOT_EXIST);
      s.on(7, -1, -1).go(1300, 9, NOT_EXIST, SYSCALL);
      s.on(7, -1, 9).go(1350, 9, SYSCALL, RUNNING);
      s.on(-1, -1, -1).sync(1400);
    });
    List<Map<String, Object>> rows = states(db, 9);
    assertEquals(List.of(1, 2, 2), col(rows, "incarnation"));
    assertEquals(List.of("syscall", "syscall", "running"), col(rows, "state"));
    assertEquals(Arrays.asList(100L, 50L, null), col(rows, "dur"));
    Map<String, Object> g = Rows.of(db.table("goroutines")).get(0);
    assertEquals(2, g.get("incarnations"));
    assertEquals(300L, g.get("create_ts"));
    assertEquals(350L, g.get("start_ts"));
    assertNull(g.get("end_ts"));
  }
}
