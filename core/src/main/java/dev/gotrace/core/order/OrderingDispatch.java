package dev.gotrace.core.order;

import static dev.gotrace.core.wire.EventType.*;

/** The ordering's dispatch table: one handler per event type, as Go's {@code orderingDispatch}. */
final class OrderingDispatch {
  /** Tries to advance one event; false = stall, exception = broken trace. */
  @FunctionalInterface
  interface Handler {
    boolean advance(Ordering o, BaseEvent ev);
  }

  private static final Handler[] TABLE = new Handler[256];

  static {
    // Procs.
    TABLE[PROCS_CHANGE] = AnnotationHandlers::advanceAnnotation;
    TABLE[PROC_START] = ProcHandlers::advanceProcStart;
    TABLE[PROC_STOP] = ProcHandlers::advanceProcStop;
    TABLE[PROC_STEAL] = ProcHandlers::advanceProcSteal;
    TABLE[PROC_STATUS] = ProcHandlers::advanceProcStatus;
    // Goroutines.
    TABLE[GO_CREATE] = GoroutineHandlers::advanceGoCreate;
    TABLE[GO_CREATE_SYSCALL] = SyscallHandlers::advanceGoCreateSyscall;
    TABLE[GO_START] = GoroutineHandlers::advanceGoStart;
    TABLE[GO_DESTROY] = GoroutineHandlers::advanceGoStopExec;
    TABLE[GO_DESTROY_SYSCALL] = SyscallHandlers::advanceGoDestroySyscall;
    TABLE[GO_STOP] = GoroutineHandlers::advanceGoStopExec;
    TABLE[GO_BLOCK] = GoroutineHandlers::advanceGoStopExec;
    TABLE[GO_UNBLOCK] = GoroutineHandlers::advanceGoUnblock;
    TABLE[GO_SYSCALL_BEGIN] = SyscallHandlers::advanceGoSyscallBegin;
    TABLE[GO_SYSCALL_END] = SyscallHandlers::advanceGoSyscallEnd;
    TABLE[GO_SYSCALL_END_BLOCKED] = SyscallHandlers::advanceGoSyscallEndBlocked;
    TABLE[GO_STATUS] = GoroutineHandlers::advanceGoStatus;
    // STW.
    TABLE[STW_BEGIN] = RangeHandlers::advanceGoRangeBegin;
    TABLE[STW_END] = RangeHandlers::advanceGoRangeEnd;
    // GC.
    TABLE[GC_ACTIVE] = GcHandlers::advanceGCActive;
    TABLE[GC_BEGIN] = GcHandlers::advanceGCBegin;
    TABLE[GC_END] = GcHandlers::advanceGCEnd;
    TABLE[GC_SWEEP_ACTIVE] = RangeHandlers::advanceGCSweepActive;
    TABLE[GC_SWEEP_BEGIN] = RangeHandlers::advanceGCSweepBegin;
    TABLE[GC_SWEEP_END] = RangeHandlers::advanceGCSweepEnd;
    TABLE[GC_MARK_ASSIST_ACTIVE] = RangeHandlers::advanceGoRangeActive;
    TABLE[GC_MARK_ASSIST_BEGIN] = RangeHandlers::advanceGoRangeBegin;
    TABLE[GC_MARK_ASSIST_END] = RangeHandlers::advanceGoRangeEnd;
    TABLE[HEAP_ALLOC] = AnnotationHandlers::advanceHeapMetric;
    TABLE[HEAP_GOAL] = AnnotationHandlers::advanceHeapMetric;
    // Annotations.
    TABLE[GO_LABEL] = AnnotationHandlers::advanceAnnotation;
    TABLE[USER_TASK_BEGIN] = AnnotationHandlers::advanceUserTaskBegin;
    TABLE[USER_TASK_END] = AnnotationHandlers::advanceUserTaskEnd;
    TABLE[USER_REGION_BEGIN] = AnnotationHandlers::advanceUserRegionBegin;
    TABLE[USER_REGION_END] = AnnotationHandlers::advanceUserRegionEnd;
    TABLE[USER_LOG] = AnnotationHandlers::advanceAnnotation;
    // Coroutines (Go 1.23).
    TABLE[GO_SWITCH] = GoroutineHandlers::advanceGoSwitch;
    TABLE[GO_SWITCH_DESTROY] = GoroutineHandlers::advanceGoSwitch;
    TABLE[GO_CREATE_BLOCKED] = GoroutineHandlers::advanceGoCreate;
    // GoStatus with a stack (Go 1.23).
    TABLE[GO_STATUS_STACK] = GoroutineHandlers::advanceGoStatus;
    // Experimental AllocFree events (Go 1.23).
    for (int t = SPAN; t <= GOROUTINE_STACK_FREE; t++) TABLE[t] = AnnotationHandlers::advanceAllocFree;
  }

  private OrderingDispatch() {}

  /** The handler for {@code type}, or null if the type cannot appear in an event batch. */
  static Handler handler(int type) { return TABLE[type]; }
}
