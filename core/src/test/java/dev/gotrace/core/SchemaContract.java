package dev.gotrace.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public relational model every connection must offer (the project's schema contract): table
 * and view names with their required columns, in the contract's order. Tests of every module check
 * against this one list.
 */
public final class SchemaContract {
  /** Base tables filled by the decoder, with their required columns. */
  public static final Map<String, List<String>> TABLES;
  /** Shipped views, with their required columns. */
  public static final Map<String, List<String>> VIEWS;

  static {
    Map<String, List<String>> t = new LinkedHashMap<>();
    t.put("trace_info", List.of("path", "format_version", "first_ts_abs", "duration_ns", "event_count",
        "generation_count", "frequency_hz", "wall_clock_start_ns", "truncated", "lost_bytes"));
    t.put("events", List.of("event_id", "ts", "kind", "goid", "proc_id", "thread_id", "stack_id", "resource",
        "resource_id", "from_state", "to_state", "reason", "name", "metric_value", "task_id", "category", "message",
        "generation"));
    t.put("goroutines", List.of("goid", "name", "is_system", "creator_goid", "create_ts", "start_ts", "end_ts",
        "create_stack_id"));
    t.put("procs", List.of("proc_id", "first_ts", "last_ts"));
    t.put("threads", List.of("thread_id", "first_ts", "last_ts"));
    t.put("stacks", List.of("stack_id", "depth", "leaf_function", "root_function"));
    t.put("stack_frames", List.of("stack_id", "depth", "pc", "function_name", "file", "line"));
    t.put("goroutine_states", List.of("goid", "state", "ts", "dur", "reason", "stack_id", "end_stack_id",
        "proc_id", "thread_id", "entered_by_goid"));
    t.put("blocking_intervals", List.of("goid", "ts", "dur", "state", "reason", "stack_id", "unblocked_by_goid",
        "unblock_stack_id"));
    t.put("tasks", List.of("task_id", "parent_task_id", "name", "ts", "dur", "begin_goid", "end_goid"));
    t.put("regions", List.of("region_id", "task_id", "goid", "name", "ts", "dur", "start_stack_id",
        "end_stack_id"));
    t.put("logs", List.of("ts", "goid", "task_id", "category", "message", "stack_id"));
    t.put("ranges", List.of("name", "scope_kind", "scope_id", "ts", "dur", "start_stack_id"));
    t.put("metrics", List.of("ts", "name", "metric_value"));
    t.put("cpu_samples", List.of("ts", "goid", "proc_id", "thread_id", "stack_id"));
    t.put("labels", List.of("ts", "goid", "label"));
    t.put("blocking_profiles", List.of("profile", "stack_id", "contentions", "delay_ns"));
    t.put("goroutine_times", List.of("goid", "exec_ns", "sched_wait_ns", "syscall_ns", "syscall_block_ns", "block_ns"));
    t.put("goroutine_block_times", List.of("goid", "reason", "block_ns"));
    t.put("goroutine_range_time", List.of("goid", "range_name", "dur_ns"));
    t.put("region_stats", List.of("region_id", "goid", "task_id", "name", "start_ts", "end_ts", "total_ns", "exec_ns",
        "sched_wait_ns", "syscall_ns", "syscall_block_ns", "block_ns", "unknown_ns"));
    t.put("proc_states", List.of("proc_id", "state", "ts", "dur", "thread_id"));
    t.put("region_profiles", List.of("region_name", "profile", "stack_id", "contentions", "delay_ns"));
    t.put("region_block_time", List.of("region_id", "reason", "block_ns"));
    t.put("region_range_time", List.of("region_id", "range_name", "dur_ns"));
    t.put("group_blocking_profiles", List.of("name", "profile", "stack_id", "contentions", "delay_ns"));
    t.put("group_stack_times", List.of("name", "stack_id", "cpu_samples", "wait_ns", "syscall_ns"));
    TABLES = Collections.unmodifiableMap(t);

    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("goroutine_analysis", List.of("goid", "name", "create_ts", "start_ts", "end_ts", "total_ns", "exec_ns",
        "sched_wait_ns", "syscall_ns", "syscall_block_ns", "block_ns", "unknown_ns"));
    v.put("goroutine_block_time", List.of("goid", "reason", "block_ns"));
    v.put("goroutine_groups", List.of("name", "goroutines", "exec_ns", "exec_pct"));
    for (String profile : List.of("net_blocking_profile", "sync_blocking_profile", "syscall_blocking_profile",
        "sched_latency_profile")) {
      v.put(profile, List.of("stack_id", "contentions", "delay_ns", "leaf_function"));
    }
    v.put("region_summary", List.of("name", "regions", "total_ns", "p50_ns", "p99_ns", "max_ns"));
    v.put("task_summary", List.of("name", "tasks", "total_ns", "p50_ns", "p99_ns", "max_ns"));
    v.put("gc_pauses", List.of("ts", "dur", "kind"));
    VIEWS = Collections.unmodifiableMap(v);
  }

  private SchemaContract() {}
}
