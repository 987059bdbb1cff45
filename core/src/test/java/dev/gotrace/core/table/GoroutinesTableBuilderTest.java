package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static dev.gotrace.core.event.GoState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** goroutines: identity as Go's summary gives it. */
class GoroutinesTableBuilderTest extends ArrowTest {

  private static Map<String, Object> goroutine(TraceDatabase db, long goid) {
    return Rows.where(db.table("goroutines"), r -> r.get("goid").equals(goid)).get(0);
  }

  @Test void namesComeFromTheOutermostFrameOfTheFirstTransitionStack() {
    EventScript s = new EventScript();
    int creator = s.stack("main.spawn", "main.main");
    int parked = s.stack("runtime.gopark", "runtime.chanrecv", "main.handler", "net/http.(*conn).serve");
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, 1).go(1010, 5, NOT_EXIST, RUNNABLE, "", creator, s.stack("main.worker"));
      s.on(1, 0, -1).go(1020, 5, RUNNABLE, RUNNING);
      s.on(-1, -1, -1).go(1030, 6, UNDETERMINED, WAITING); // GoStatus: no stack yet
      s.on(-1, -1, -1).go(1040, 7, UNDETERMINED, WAITING, "", parked, parked);
      s.on(-1, -1, -1).go(1050, 8, UNDETERMINED, WAITING, "", 0, s.stack("runtime.gopark", "runtime.bgsweep"));
      s.on(-1, -1, -1).go(1060, 9, UNDETERMINED, RUNNABLE, "", 0, s.stack("runtime.main"));
      s.on(-1, -1, -1).sync(2000);
    });
    Map<String, Object> g5 = goroutine(db, 5);
    assertEquals("main.worker", g5.get("name"));
    assertEquals(1L, g5.get("creator_goid"));
    assertEquals(10L, g5.get("create_ts"));
    assertEquals(20L, g5.get("start_ts"));
    assertNull(g5.get("end_ts"));
    assertEquals((long) creator, g5.get("create_stack_id"));
    assertFalse((Boolean) g5.get("is_system"));
    Map<String, Object> g6 = goroutine(db, 6);
    assertEquals("", g6.get("name"));
    assertTrue((Boolean) g6.get("is_system"));
    assertEquals(0L, g6.get("create_ts")); // the Sync, not the status event
    assertNull(g6.get("creator_goid"));
    assertNull(g6.get("pc"));
    assertEquals("net/http.(*conn).serve", goroutine(db, 7).get("name"));
    assertEquals("runtime.bgsweep", goroutine(db, 8).get("name"));
    assertTrue((Boolean) goroutine(db, 8).get("is_system"));
    assertFalse((Boolean) goroutine(db, 9).get("is_system")); // runtime.main is not a system goroutine
  }

  @Test void aGoroutineEndsAtExitOrAtAForeverWait() {
    EventScript s = new EventScript();
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, 1).go(1010, 5, NOT_EXIST, RUNNABLE).go(1011, 6, NOT_EXIST, RUNNABLE);
      s.on(1, 0, -1).go(1020, 5, RUNNABLE, RUNNING);
      s.on(1, 0, 5).go(1030, 5, RUNNING, NOT_EXIST);
      s.on(1, 0, -1).go(1040, 6, RUNNABLE, RUNNING);
      s.on(1, 0, 6).go(1050, 6, RUNNING, WAITING, "forever", 0, 0);
      s.on(-1, -1, -1).sync(2000);
    });
    assertEquals(30L, goroutine(db, 5).get("end_ts"));
    assertEquals("exit", goroutine(db, 5).get("end_reason"));
    assertEquals(50L, goroutine(db, 6).get("end_ts"));
    assertEquals("blocked_forever", goroutine(db, 6).get("end_reason"));
  }
}
