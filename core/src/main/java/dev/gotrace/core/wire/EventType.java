package dev.gotrace.core.wire;

/** Wire event type numbers of the v2 format ({@code tracev2/events.go}). */
public final class EventType {
  private EventType() {}

  public static final int NONE = 0;
  // Structural events.
  public static final int EVENT_BATCH = 1;
  public static final int STACKS = 2;
  public static final int STACK = 3;
  public static final int STRINGS = 4;
  public static final int STRING = 5;
  public static final int CPU_SAMPLES = 6;
  public static final int CPU_SAMPLE = 7;
  public static final int FREQUENCY = 8;
  // Procs.
  public static final int PROCS_CHANGE = 9;
  public static final int PROC_START = 10;
  public static final int PROC_STOP = 11;
  public static final int PROC_STEAL = 12;
  public static final int PROC_STATUS = 13;
  // Goroutines.
  public static final int GO_CREATE = 14;
  public static final int GO_CREATE_SYSCALL = 15;
  public static final int GO_START = 16;
  public static final int GO_DESTROY = 17;
  public static final int GO_DESTROY_SYSCALL = 18;
  public static final int GO_STOP = 19;
  public static final int GO_BLOCK = 20;
  public static final int GO_UNBLOCK = 21;
  public static final int GO_SYSCALL_BEGIN = 22;
  public static final int GO_SYSCALL_END = 23;
  public static final int GO_SYSCALL_END_BLOCKED = 24;
  public static final int GO_STATUS = 25;
  // STW.
  public static final int STW_BEGIN = 26;
  public static final int STW_END = 27;
  // GC.
  public static final int GC_ACTIVE = 28;
  public static final int GC_BEGIN = 29;
  public static final int GC_END = 30;
  public static final int GC_SWEEP_ACTIVE = 31;
  public static final int GC_SWEEP_BEGIN = 32;
  public static final int GC_SWEEP_END = 33;
  public static final int GC_MARK_ASSIST_ACTIVE = 34;
  public static final int GC_MARK_ASSIST_BEGIN = 35;
  public static final int GC_MARK_ASSIST_END = 36;
  public static final int HEAP_ALLOC = 37;
  public static final int HEAP_GOAL = 38;
  // Annotations.
  public static final int GO_LABEL = 39;
  public static final int USER_TASK_BEGIN = 40;
  public static final int USER_TASK_END = 41;
  public static final int USER_REGION_BEGIN = 42;
  public static final int USER_REGION_END = 43;
  public static final int USER_LOG = 44;
  // Go 1.23.
  public static final int GO_SWITCH = 45;
  public static final int GO_SWITCH_DESTROY = 46;
  public static final int GO_CREATE_BLOCKED = 47;
  public static final int GO_STATUS_STACK = 48;
  public static final int EXPERIMENTAL_BATCH = 49;
  // Go 1.25.
  public static final int SYNC = 50;
  public static final int CLOCK_SNAPSHOT = 51;
  // Go 1.26.
  public static final int END_OF_GENERATION = 52;
  // Experimental events of the AllocFree experiment (Go 1.23).
  public static final int SPAN = 128;
  public static final int SPAN_ALLOC = 129;
  public static final int SPAN_FREE = 130;
  public static final int HEAP_OBJECT = 131;
  public static final int HEAP_OBJECT_ALLOC = 132;
  public static final int HEAP_OBJECT_FREE = 133;
  public static final int GOROUTINE_STACK = 134;
  public static final int GOROUTINE_STACK_ALLOC = 135;
  public static final int GOROUTINE_STACK_FREE = 136;

  /** Experiment ids ({@code tracev2.Experiments}). */
  public static final int NO_EXPERIMENT = 0;
  public static final int EXPERIMENT_ALLOC_FREE = 1;

  /** Goroutine wire statuses ({@code tracev2.GoStatus}). */
  public static final int GO_BAD = 0;
  public static final int GO_RUNNABLE = 1;
  public static final int GO_RUNNING = 2;
  public static final int GO_SYSCALL = 3;
  public static final int GO_WAITING = 4;

  /** Proc wire statuses ({@code tracev2.ProcStatus}). */
  public static final int PROC_BAD = 0;
  public static final int PROC_RUNNING = 1;
  public static final int PROC_IDLE = 2;
  public static final int PROC_SYSCALL = 3;
  public static final int PROC_SYSCALL_ABANDONED = 4;

  /** Limits of the format. */
  public static final int MAX_BATCH_SIZE = 64 << 10;
  public static final int MAX_FRAMES_PER_STACK = 128;
  public static final int MAX_EVENT_TRAILER_DATA_SIZE = 1 << 10;
  /** Arguments of a timed event including the time delta. */
  public static final int MAX_TIMED_EVENT_ARGS = 5;

  private static final String[] GO_STATUS_NAMES = {"Bad", "Runnable", "Running", "Syscall", "Waiting"};
  private static final String[] PROC_STATUS_NAMES = {"Bad", "Running", "Idle", "Syscall", "SyscallAbandoned"};

  /** Go's {@code tracev2.GoStatus.String}. */
  public static String goStatusName(long status) {
    return status >= 0 && status < GO_STATUS_NAMES.length ? GO_STATUS_NAMES[(int) status] : "Bad";
  }

  /** Go's {@code tracev2.ProcStatus.String}. */
  public static String procStatusName(long status) {
    return status >= 0 && status < PROC_STATUS_NAMES.length ? PROC_STATUS_NAMES[(int) status] : "Bad";
  }
}
