package dev.gotrace.core.table;

import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ranges, metrics, labels, cpu_samples, procs, threads, stacks and events over one script. */
class RuntimeTablesTest extends ArrowTest {

  private static List<Object> col(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).toList();
  }

  @Test void runtimeTables() {
    EventScript s = new EventScript();
    int stw = s.stack("runtime.stopTheWorld", "main.main");
    int sample = s.stack("main.burn", "main.main");
    TraceDatabase db = database(s, () -> {
      s.sync(1000);
      s.on(4, -1, -1).proc(1001, 0, ProcState.UNDETERMINED, ProcState.RUNNING);
      s.on(4, 0, -1).go(1002, 1, UNDETERMINED, RUNNING);
      s.on(-1, -1, -1).range(EventKind.RANGE_ACTIVE, 1003, "GC concurrent mark phase", ResourceKind.NONE, -1, 0);
      s.range(EventKind.RANGE_ACTIVE, 1004, "GC incremental sweep", ResourceKind.PROC, 1, 0);
      s.on(4, 0, 1).range(EventKind.RANGE_BEGIN, 1010, "stop-the-world (GC sweep termination)", ResourceKind.GOROUTINE, 1, stw);
      s.range(EventKind.RANGE_END, 1020, "stop-the-world (GC sweep termination)", ResourceKind.GOROUTINE, 1, stw);
      s.metric(1030, "/gc/heap/goal:bytes", 4194304);
      s.label(1040, 1, "GC (dedicated)");
      s.sample(1050, sample);
      s.on(5, 1, -1).sweepEnd(1060, 1, 8192, 4096);
      s.on(-1, -1, -1).sync(2000);
      s.range(EventKind.RANGE_ACTIVE, 2001, "GC concurrent mark phase", ResourceKind.NONE, -1, 0); // in flight: no row
      s.sync(3000);
    });
    List<Map<String, Object>> ranges = Rows.of(db.table("ranges"));
    assertEquals(List.of("GC concurrent mark phase", "GC incremental sweep", "stop-the-world (GC sweep termination)"),
        col(ranges, "name"));
    assertEquals(List.of("global", "proc", "goroutine"), col(ranges, "scope_kind"));
    assertEquals(Arrays.asList(null, 1L, 1L), col(ranges, "scope_id"));
    assertEquals(List.of(3L, 4L, 10L), col(ranges, "ts"));
    assertEquals(Arrays.asList(null, 56L, 10L), col(ranges, "dur"));
    assertEquals(List.of("active", "active", "begin"), col(ranges, "start_reason"));
    assertEquals(List.of("trace_end", "end", "end"), col(ranges, "end_reason"));
    assertEquals(Arrays.asList(null, 8192L, null), col(ranges, "bytes_swept"));
    assertEquals(Arrays.asList(null, (long) stw, (long) stw), Arrays.asList(null, ranges.get(2).get("start_stack_id"), ranges.get(2).get("end_stack_id")));

    Map<String, Object> metric = Rows.of(db.table("metrics")).get(0);
    assertEquals(List.of(30L, "/gc/heap/goal:bytes", 4194304L), List.of(metric.get("ts"), metric.get("name"), metric.get("metric_value")));
    Map<String, Object> label = Rows.of(db.table("labels")).get(0);
    assertEquals(List.of(40L, 1L, "GC (dedicated)"), List.of(label.get("ts"), label.get("goid"), label.get("label")));
    Map<String, Object> cpu = Rows.of(db.table("cpu_samples")).get(0);
    assertEquals(List.of(50L, 1L, 0L, 4L, (long) sample),
        List.of(cpu.get("ts"), cpu.get("goid"), cpu.get("proc_id"), cpu.get("thread_id"), cpu.get("stack_id")));

    assertEquals(List.of(0L, 1L), col(Rows.of(db.table("procs")), "proc_id"));
    assertEquals(List.of(1L, 60L), col(Rows.of(db.table("procs")), "first_ts"));
    assertEquals(List.of(4L, 5L), col(Rows.of(db.table("threads")), "thread_id"));

    Map<String, Object> stack = Rows.where(db.table("stacks"), r -> r.get("stack_id").equals((long) sample)).get(0);
    assertEquals(List.of(2, "main.burn", "main.main"), List.of(stack.get("depth"), stack.get("leaf_function"), stack.get("root_function")));
    List<Map<String, Object>> frames = Rows.where(db.table("stack_frames"), r -> r.get("stack_id").equals((long) sample));
    assertEquals(List.of(0, 1), col(frames, "depth"));
    assertEquals(List.of("main.burn", "main.main"), col(frames, "function_name"));

    List<Map<String, Object>> events = Rows.of(db.table("events"));
    assertEquals(14, events.size());
    Map<String, Object> proc = events.get(1);
    assertEquals(Arrays.asList(1L, 1L, "StateTransition", null, null, 4L, "proc", 0L, "undetermined", "running", "", 1L),
        Arrays.asList(proc.get("event_id"), proc.get("ts"), proc.get("kind"), proc.get("goid"), proc.get("proc_id"),
            proc.get("thread_id"), proc.get("resource"), proc.get("resource_id"), proc.get("from_state"),
            proc.get("to_state"), proc.get("reason"), proc.get("generation")));
    Map<String, Object> sweep = events.get(10);
    assertEquals(Arrays.asList("RangeEnd", "GC incremental sweep", "proc", 1L, 8192L, 4096L, null),
        Arrays.asList(sweep.get("kind"), sweep.get("name"), sweep.get("scope_kind"), sweep.get("scope_id"),
            sweep.get("bytes_swept"), sweep.get("bytes_reclaimed"), sweep.get("reason")));
    assertEquals(List.of(1L, 2L, 3L), col(events, "generation").stream().distinct().toList());
  }
}
