package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.core.event.TraceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** regions, tasks and logs follow Go's task and region summaries (summary.go). */
class RegionsAndTasksTest extends ArrowTest {

  private static List<Object> col(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).toList();
  }

  @Test void regionsAndTasksAsGosSummaryRecordsThem() {
    EventScript s = new EventScript();
    int outerStack = s.stack("main.job", "main.main");
    int spawn = s.stack("main.spawn", "main.main");
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(1, 0, -1).go(1001, 1, UNDETERMINED, RUNNING, "", 0, s.stack("main.main"));
      s.on(1, 0, 1).taskBegin(1010, 1, TraceEvent.NO_TASK, "job");
      s.regionBegin(1020, 1, "outer", outerStack);
      s.go(1030, 5, NOT_EXIST, RUNNABLE, "", spawn, s.stack("main.worker")); // inherits task 1
      s.regionBegin(1040, 1, "inner", 0);
      s.regionEnd(1050, 1, "inner", 0);
      s.log(1055, 1, "cat", "msg");
      s.on(2, 1, -1).go(1060, 5, RUNNABLE, RUNNING);
      s.on(2, 1, 5).regionEnd(1070, 1, "x", 0); // pops the inherited region, whatever the name
      s.regionEnd(1080, 2, "pre", 0); // no active region: begun before the trace
      s.regionBegin(1085, 1, "left-open", 0);
      s.go(1090, 5, RUNNING, NOT_EXIST);
      s.on(1, 0, 1).go(1095, 7, NOT_EXIST, RUNNABLE, "", spawn, s.stack("runtime.gcBgMarkWorker"));
      s.on(3, 1, -1).go(1097, 7, RUNNABLE, RUNNING);
      s.on(3, 1, 7).go(1100, 7, RUNNING, NOT_EXIST);
      s.on(1, 0, 1).log(1110, 0, "", "bg");
      s.taskEnd(1120, 1, TraceEvent.NO_TASK, "job");
      s.taskBegin(1125, 4, 1, "child");
      s.taskEnd(1130, 3, TraceEvent.NO_TASK, "");
      s.on(-1, -1, -1).sync(2000);
    });
    List<Map<String, Object>> regions = Rows.of(db.table("regions"));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), col(regions, "region_id"));
    assertEquals(List.of("outer", "", "inner", "pre", "left-open", ""), col(regions, "name"));
    assertEquals(List.of(1L, 5L, 1L, 5L, 5L, 7L), col(regions, "goid"));
    assertEquals(List.of(1L, 1L, 1L, 2L, 1L, 1L), col(regions, "task_id"));
    assertEquals(Arrays.asList(20L, 30L, 40L, null, 85L, 95L), col(regions, "ts"));
    assertEquals(Arrays.asList(null, 70L, 50L, 80L, 90L, 100L), col(regions, "end_ts"));
    assertEquals(Arrays.asList(null, 40L, 10L, null, 5L, 5L), col(regions, "dur"));
    assertEquals(List.of("begin", "inherited", "begin", "before_trace", "begin", "inherited"), col(regions, "start_reason"));
    assertEquals(List.of("trace_end", "region_end", "region_end", "region_end", "goroutine_end", "goroutine_end"),
        col(regions, "end_reason"));
    assertEquals(List.of(true, true, true, true, true, false), col(regions, "in_go_summary")); // 7 is a system goroutine
    assertEquals(Arrays.asList((long) outerStack, (long) spawn, null, null, null, (long) spawn), col(regions, "start_stack_id"));

    List<Map<String, Object>> tasks = Rows.of(db.table("tasks"));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), col(tasks, "task_id"));
    assertEquals(List.of("", "job", "", "", "child"), col(tasks, "name"));
    assertEquals(Arrays.asList(null, 10L, null, null, 125L), col(tasks, "ts"));
    assertEquals(Arrays.asList(null, 120L, null, 130L, null), col(tasks, "end_ts"));
    assertEquals(Arrays.asList(null, 110L, null, null, null), col(tasks, "dur"));
    assertEquals(Arrays.asList(null, null, null, null, 1L), col(tasks, "parent_task_id"));
    assertEquals(Arrays.asList(null, 1L, null, null, 1L), col(tasks, "begin_goid"));

    List<Map<String, Object>> logs = Rows.of(db.table("logs"));
    assertEquals(List.of(55L, 110L), col(logs, "ts"));
    assertEquals(List.of(1L, 0L), col(logs, "task_id"));
    assertEquals(List.of("cat", ""), col(logs, "category"));
    assertEquals(List.of("msg", "bg"), col(logs, "message"));
  }
}
