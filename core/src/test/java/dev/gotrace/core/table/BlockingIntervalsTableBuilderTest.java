package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.SYSCALL;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static dev.gotrace.core.event.GoState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** blocking_intervals delimit and attribute intervals as cmd/trace/pprof.go does. */
class BlockingIntervalsTableBuilderTest extends ArrowTest {

  private static List<Object> col(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).toList();
  }

  @Test void intervalsStartAtTheEnteringEventAndCarryItsStackAndProfile() {
    EventScript s = new EventScript();
    int creator = s.stack("main.main");
    int net = s.stack("internal/poll.runtime_pollWait", "main.serve");
    int unblocker = s.stack("runtime.netpoll");
    int sel = s.stack("runtime.selectgo", "main.serve");
    int sys = s.stack("syscall.write", "main.serve");
    int status = s.stack("runtime.gopark", "main.idle");
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, -1).go(1003, 2, UNDETERMINED, RUNNABLE, "", status, status);
      s.on(1, 0, 1).go(1010, 5, NOT_EXIST, RUNNABLE, "", creator, s.stack("main.serve"));
      s.on(1, 0, -1).go(1020, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(1030, 5, RUNNING, WAITING, "network", net, net);
      s.on(2, 1, 3).go(1050, 5, WAITING, RUNNABLE, "", unblocker, 0);
      s.on(1, 0, -1).go(1060, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(1070, 5, RUNNING, WAITING, "select", sel, sel);
      s.on(-1, -1, -1).sync(2000);
      s.on(-1, -1, -1).go(2001, 5, WAITING, WAITING); // status: neither ends nor starts an interval
      s.on(2, 1, 3).go(2100, 5, WAITING, RUNNABLE);
      s.on(1, 0, -1).go(2110, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(2120, 5, RUNNING, SYSCALL, "", sys, sys);
      s.on(1, 0, 5).go(2130, 5, SYSCALL, RUNNING);
      s.on(1, 0, 5).go(2140, 5, RUNNING, WAITING, "sleep", 0, 0);
      s.on(1, 0, -1).go(2150, 2, RUNNABLE, RUNNING);
      s.on(-1, -1, -1).sync(3000);
    });
    List<Map<String, Object>> g5 = Rows.where(db.table("blocking_intervals"), r -> r.get("goid").equals(5L));
    assertEquals(List.of("runnable", "waiting", "runnable", "waiting", "runnable", "syscall", "waiting"), col(g5, "state"));
    assertEquals(Arrays.asList(10L, 30L, 50L, 70L, 1100L, 1120L, 1140L), col(g5, "ts"));
    assertEquals(Arrays.asList(10L, 20L, 10L, 1030L, 10L, 10L, null), col(g5, "dur"));
    assertEquals(Arrays.asList("sched", "net", "sched", "sync", "sched", "syscall", null), col(g5, "profile"));
    assertEquals(Arrays.asList((long) creator, (long) net, (long) unblocker, (long) sel, null, (long) sys, null),
        col(g5, "stack_id"));
    assertEquals(Arrays.asList(null, 3L, null, 3L, null, 5L, null), col(g5, "unblocked_by_goid"));
    assertEquals((long) unblocker, g5.get(1).get("unblock_stack_id"));
    assertEquals("trace_end", g5.get(6).get("end_reason"));

    // A goroutine reported by a status event: the interval starts at the event, not at the Sync.
    Map<String, Object> g2 = Rows.where(db.table("blocking_intervals"), r -> r.get("goid").equals(2L)).get(0);
    assertEquals(3L, g2.get("ts"));
    assertEquals(1147L, g2.get("dur"));
    assertEquals((long) status, g2.get("stack_id"));
  }
}
