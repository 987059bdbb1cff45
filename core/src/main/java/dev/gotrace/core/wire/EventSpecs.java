package dev.gotrace.core.wire;

import static dev.gotrace.core.wire.EventType.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go 1.27's event table ({@code src/internal/trace/tracev2/events.go}) as data: every v2 version
 * is decoded with this one table, exactly as Go's reader does.
 */
public final class EventSpecs {
  /** Length of Go's spec array: the last experimental event plus one. */
  public static final int COUNT = GOROUTINE_STACK_FREE + 1;

  private static final int[] NONE = {};
  private static final EventSpec EMPTY = new EventSpec("", List.of(), NONE, NONE, 0, false, false, false, 0);
  private static final EventSpec[] SPECS = new EventSpec[COUNT];
  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    java.util.Arrays.fill(SPECS, EMPTY);
    structural(EVENT_BATCH, "EventBatch", "gen", "m", "time", "size");
    structural(STACKS, "Stacks");
    SPECS[STACK] = new EventSpec("Stack", List.of("id", "nframes"), NONE, NONE, 0, false, false, true, 0);
    structural(STRINGS, "Strings");
    SPECS[STRING] = new EventSpec("String", List.of("id"), NONE, NONE, 0, false, true, false, 0);
    structural(CPU_SAMPLES, "CPUSamples");
    SPECS[CPU_SAMPLE] = new EventSpec("CPUSample", List.of("time", "m", "p", "g", "stack"), NONE,
        new int[] {4}, 0, false, false, false, 0);
    structural(FREQUENCY, "Frequency", "freq");
    SPECS[EXPERIMENTAL_BATCH] = new EventSpec("ExperimentalBatch", List.of("exp", "gen", "m", "time"), NONE,
        NONE, 0, false, true, false, 0);
    structural(SYNC, "Sync");
    structural(END_OF_GENERATION, "EndOfGeneration");

    timed(PROCS_CHANGE, "ProcsChange", NONE, stacks(2), 0, "dt", "procs_value", "stack");
    timed(PROC_START, "ProcStart", NONE, NONE, 0, "dt", "p", "p_seq");
    timed(PROC_STOP, "ProcStop", NONE, NONE, 0, "dt");
    timed(PROC_STEAL, "ProcSteal", NONE, NONE, 0, "dt", "p", "p_seq", "m");
    timed(PROC_STATUS, "ProcStatus", NONE, NONE, 0, "dt", "p", "pstatus");
    timed(GO_CREATE, "GoCreate", NONE, stacks(3, 2), 0, "dt", "new_g", "new_stack", "stack");
    timed(GO_CREATE_SYSCALL, "GoCreateSyscall", NONE, NONE, 0, "dt", "new_g");
    timed(GO_START, "GoStart", NONE, NONE, 0, "dt", "g", "g_seq");
    timed(GO_DESTROY, "GoDestroy", NONE, NONE, 0, "dt");
    timed(GO_DESTROY_SYSCALL, "GoDestroySyscall", NONE, NONE, 0, "dt");
    timed(GO_STOP, "GoStop", strings(1), stacks(2), 0, "dt", "reason_string", "stack");
    timed(GO_BLOCK, "GoBlock", strings(1), stacks(2), 0, "dt", "reason_string", "stack");
    timed(GO_UNBLOCK, "GoUnblock", NONE, stacks(3), 0, "dt", "g", "g_seq", "stack");
    timed(GO_SYSCALL_BEGIN, "GoSyscallBegin", NONE, stacks(2), 0, "dt", "p_seq", "stack");
    timed(GO_SYSCALL_END, "GoSyscallEnd", NONE, NONE, GO_SYSCALL_BEGIN, "dt");
    timed(GO_SYSCALL_END_BLOCKED, "GoSyscallEndBlocked", NONE, NONE, GO_SYSCALL_BEGIN, "dt");
    timed(GO_STATUS, "GoStatus", NONE, NONE, 0, "dt", "g", "m", "gstatus");
    timed(STW_BEGIN, "STWBegin", strings(1), stacks(2), 0, "dt", "kind_string", "stack");
    timed(STW_END, "STWEnd", NONE, NONE, STW_BEGIN, "dt");
    timed(GC_ACTIVE, "GCActive", NONE, NONE, GC_BEGIN, "dt", "gc_seq");
    timed(GC_BEGIN, "GCBegin", NONE, stacks(2), 0, "dt", "gc_seq", "stack");
    timed(GC_END, "GCEnd", NONE, NONE, GC_BEGIN, "dt", "gc_seq");
    timed(GC_SWEEP_ACTIVE, "GCSweepActive", NONE, NONE, GC_SWEEP_BEGIN, "dt", "p");
    timed(GC_SWEEP_BEGIN, "GCSweepBegin", NONE, stacks(1), 0, "dt", "stack");
    timed(GC_SWEEP_END, "GCSweepEnd", NONE, NONE, GC_SWEEP_BEGIN, "dt", "swept_value", "reclaimed_value");
    timed(GC_MARK_ASSIST_ACTIVE, "GCMarkAssistActive", NONE, NONE, GC_MARK_ASSIST_BEGIN, "dt", "g");
    timed(GC_MARK_ASSIST_BEGIN, "GCMarkAssistBegin", NONE, stacks(1), 0, "dt", "stack");
    timed(GC_MARK_ASSIST_END, "GCMarkAssistEnd", NONE, NONE, GC_MARK_ASSIST_BEGIN, "dt");
    timed(HEAP_ALLOC, "HeapAlloc", NONE, NONE, 0, "dt", "heapalloc_value");
    timed(HEAP_GOAL, "HeapGoal", NONE, NONE, 0, "dt", "heapgoal_value");
    timed(GO_LABEL, "GoLabel", strings(1), NONE, 0, "dt", "label_string");
    timed(USER_TASK_BEGIN, "UserTaskBegin", strings(3), stacks(4), 0, "dt", "task", "parent_task", "name_string",
        "stack");
    timed(USER_TASK_END, "UserTaskEnd", NONE, stacks(2), 0, "dt", "task", "stack");
    timed(USER_REGION_BEGIN, "UserRegionBegin", strings(2), stacks(3), 0, "dt", "task", "name_string", "stack");
    timed(USER_REGION_END, "UserRegionEnd", strings(2), stacks(3), USER_REGION_BEGIN, "dt", "task", "name_string",
        "stack");
    timed(USER_LOG, "UserLog", strings(2, 3), stacks(4), 0, "dt", "task", "key_string", "value_string", "stack");
    timed(GO_SWITCH, "GoSwitch", NONE, NONE, 0, "dt", "g", "g_seq");
    timed(GO_SWITCH_DESTROY, "GoSwitchDestroy", NONE, NONE, 0, "dt", "g", "g_seq");
    timed(GO_CREATE_BLOCKED, "GoCreateBlocked", NONE, stacks(3, 2), 0, "dt", "new_g", "new_stack", "stack");
    timed(GO_STATUS_STACK, "GoStatusStack", NONE, stacks(4), 0, "dt", "g", "m", "gstatus", "stack");
    timed(CLOCK_SNAPSHOT, "ClockSnapshot", NONE, NONE, 0, "dt", "mono", "sec", "nsec");

    experimental(SPAN, "Span", "dt", "id", "npages_value", "kindclass");
    experimental(SPAN_ALLOC, "SpanAlloc", "dt", "id", "npages_value", "kindclass");
    experimental(SPAN_FREE, "SpanFree", "dt", "id");
    experimental(HEAP_OBJECT, "HeapObject", "dt", "id", "type");
    experimental(HEAP_OBJECT_ALLOC, "HeapObjectAlloc", "dt", "id", "type");
    experimental(HEAP_OBJECT_FREE, "HeapObjectFree", "dt", "id");
    experimental(GOROUTINE_STACK, "GoroutineStack", "dt", "id", "order");
    experimental(GOROUTINE_STACK_ALLOC, "GoroutineStackAlloc", "dt", "id", "order");
    experimental(GOROUTINE_STACK_FREE, "GoroutineStackFree", "dt", "id");

    for (int i = 0; i < COUNT; i++) {
      if (!SPECS[i].name().isEmpty()) BY_NAME.put(SPECS[i].name(), i);
    }
  }

  private EventSpecs() {}

  /** The spec of {@code type}; an empty spec for unassigned numbers below {@link #COUNT}. */
  public static EventSpec get(int type) { return SPECS[type]; }

  /** The type with this Go name, or -1. */
  public static int typeOf(String name) { return BY_NAME.getOrDefault(name, -1); }

  /** Experiment names ({@code tracev2.Experiments}). */
  public static String experimentName(int experiment) {
    return switch (experiment) {
      case NO_EXPERIMENT -> "None";
      case EXPERIMENT_ALLOC_FREE -> "AllocFree";
      default -> "";
    };
  }

  private static int[] strings(int... positions) { return positions; }

  private static int[] stacks(int... positions) { return positions; }

  private static void structural(int type, String name, String... args) {
    SPECS[type] = new EventSpec(name, List.of(args), NONE, NONE, 0, false, false, false, 0);
  }

  private static void timed(int type, String name, int[] strings, int[] stacks, int start, String... args) {
    SPECS[type] = new EventSpec(name, List.of(args), strings, stacks, start, true, false, false, 0);
  }

  private static void experimental(int type, String name, String... args) {
    SPECS[type] = new EventSpec(name, List.of(args), NONE, NONE, 0, true, false, false, EXPERIMENT_ALLOC_FREE);
  }
}
