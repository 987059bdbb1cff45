package dev.gotrace.core.v1;

/**
 * Event type numbers of the v1 wire format (identical in format versions 1.11, 1.19 and 1.21) and
 * what Go's v1 parser knows about each: name, argument count, whether a stack id trails the
 * arguments, and the first format version that has it.
 */
final class V1EventType {
  static final int NONE = 0;
  static final int BATCH = 1;
  static final int FREQUENCY = 2;
  static final int STACK = 3;
  static final int GOMAXPROCS = 4;
  static final int PROC_START = 5;
  static final int PROC_STOP = 6;
  static final int GC_START = 7;
  static final int GC_DONE = 8;
  static final int STW_START = 9;
  static final int STW_DONE = 10;
  static final int GC_SWEEP_START = 11;
  static final int GC_SWEEP_DONE = 12;
  static final int GO_CREATE = 13;
  static final int GO_START = 14;
  static final int GO_END = 15;
  static final int GO_STOP = 16;
  static final int GO_SCHED = 17;
  static final int GO_PREEMPT = 18;
  static final int GO_SLEEP = 19;
  static final int GO_BLOCK = 20;
  static final int GO_UNBLOCK = 21;
  static final int GO_BLOCK_SEND = 22;
  static final int GO_BLOCK_RECV = 23;
  static final int GO_BLOCK_SELECT = 24;
  static final int GO_BLOCK_SYNC = 25;
  static final int GO_BLOCK_COND = 26;
  static final int GO_BLOCK_NET = 27;
  static final int GO_SYSCALL = 28;
  static final int GO_SYS_EXIT = 29;
  static final int GO_SYS_BLOCK = 30;
  static final int GO_WAITING = 31;
  static final int GO_IN_SYSCALL = 32;
  static final int HEAP_ALLOC = 33;
  static final int HEAP_GOAL = 34;
  static final int TIMER_GOROUTINE = 35;
  static final int FUTILE_WAKEUP = 36;
  static final int STRING = 37;
  static final int GO_START_LOCAL = 38;
  static final int GO_UNBLOCK_LOCAL = 39;
  static final int GO_SYS_EXIT_LOCAL = 40;
  static final int GO_START_LABEL = 41;
  static final int GO_BLOCK_GC = 42;
  static final int GC_MARK_ASSIST_START = 43;
  static final int GC_MARK_ASSIST_DONE = 44;
  static final int USER_TASK_CREATE = 45;
  static final int USER_TASK_END = 46;
  static final int USER_REGION = 47;
  static final int USER_LOG = 48;
  static final int CPU_SAMPLE = 49;
  static final int COUNT = 50;

  private static final String[] NAMES = new String[COUNT];
  private static final int[] ARGS = new int[COUNT];
  private static final boolean[] HAS_STACK = new boolean[COUNT];
  private static final int[] MIN_VERSION = new int[COUNT];

  private static void def(int type, String name, int minVersion, boolean stack, int args) {
    NAMES[type] = name;
    MIN_VERSION[type] = minVersion;
    HAS_STACK[type] = stack;
    ARGS[type] = args;
  }

  static {
    def(NONE, "None", 5, false, 0);
    def(BATCH, "Batch", 5, false, 2);
    def(FREQUENCY, "Frequency", 5, false, 1);
    def(STACK, "Stack", 5, false, 2);
    def(GOMAXPROCS, "Gomaxprocs", 5, true, 1);
    def(PROC_START, "ProcStart", 5, false, 1);
    def(PROC_STOP, "ProcStop", 5, false, 0);
    def(GC_START, "GCStart", 5, true, 1);
    def(GC_DONE, "GCDone", 5, false, 0);
    def(STW_START, "GCSTWStart", 5, false, 1);
    def(STW_DONE, "GCSTWDone", 5, false, 0);
    def(GC_SWEEP_START, "GCSweepStart", 5, true, 0);
    def(GC_SWEEP_DONE, "GCSweepDone", 5, false, 2);
    def(GO_CREATE, "GoCreate", 5, true, 2);
    def(GO_START, "GoStart", 5, false, 2);
    def(GO_END, "GoEnd", 5, false, 0);
    def(GO_STOP, "GoStop", 5, true, 0);
    def(GO_SCHED, "GoSched", 5, true, 0);
    def(GO_PREEMPT, "GoPreempt", 5, true, 0);
    def(GO_SLEEP, "GoSleep", 5, true, 0);
    def(GO_BLOCK, "GoBlock", 5, true, 0);
    def(GO_UNBLOCK, "GoUnblock", 5, true, 2);
    def(GO_BLOCK_SEND, "GoBlockSend", 5, true, 0);
    def(GO_BLOCK_RECV, "GoBlockRecv", 5, true, 0);
    def(GO_BLOCK_SELECT, "GoBlockSelect", 5, true, 0);
    def(GO_BLOCK_SYNC, "GoBlockSync", 5, true, 0);
    def(GO_BLOCK_COND, "GoBlockCond", 5, true, 0);
    def(GO_BLOCK_NET, "GoBlockNet", 5, true, 0);
    def(GO_SYSCALL, "GoSysCall", 5, true, 0);
    def(GO_SYS_EXIT, "GoSysExit", 5, false, 3);
    def(GO_SYS_BLOCK, "GoSysBlock", 5, false, 0);
    def(GO_WAITING, "GoWaiting", 5, false, 1);
    def(GO_IN_SYSCALL, "GoInSyscall", 5, false, 1);
    def(HEAP_ALLOC, "HeapAlloc", 5, false, 1);
    def(HEAP_GOAL, "HeapGoal", 5, false, 1);
    def(TIMER_GOROUTINE, "TimerGoroutine", 5, false, 1);
    def(FUTILE_WAKEUP, "FutileWakeup", 5, false, 0);
    def(STRING, "String", 7, false, 0);
    def(GO_START_LOCAL, "GoStartLocal", 7, false, 1);
    def(GO_UNBLOCK_LOCAL, "GoUnblockLocal", 7, true, 1);
    def(GO_SYS_EXIT_LOCAL, "GoSysExitLocal", 7, false, 2);
    def(GO_START_LABEL, "GoStartLabel", 8, false, 3);
    def(GO_BLOCK_GC, "GoBlockGC", 8, true, 0);
    def(GC_MARK_ASSIST_START, "GCMarkAssistStart", 9, true, 0);
    def(GC_MARK_ASSIST_DONE, "GCMarkAssistDone", 9, false, 0);
    def(USER_TASK_CREATE, "UserTaskCreate", 11, true, 3);
    def(USER_TASK_END, "UserTaskEnd", 11, true, 1);
    def(USER_REGION, "UserRegion", 11, true, 3);
    def(USER_LOG, "UserLog", 11, true, 2);
    def(CPU_SAMPLE, "CPUSample", 19, true, 3);
  }

  private V1EventType() {}

  static String name(int type) { return NAMES[type]; }

  static boolean hasStack(int type) { return HAS_STACK[type]; }

  static int argCount(int type) { return ARGS[type]; }

  /** True if a trace of format 1.{@code minor} may contain this type. */
  static boolean known(int type, int minor) { return type > NONE && type < COUNT && MIN_VERSION[type] <= minor; }

  /** Go's {@code rawEvent.argNum}: values on the wire, including the timestamp of timed events. */
  static int wireValues(int type) {
    int n = ARGS[type] + (HAS_STACK[type] ? 1 : 0);
    return type == BATCH || type == FREQUENCY || type == TIMER_GOROUTINE ? n : n + 1;
  }

  /** GoEnd, GoStop, GoSched, GoPreempt, GoSleep, GoBlock*, GoSysBlock: the P stops running its G. */
  static boolean clearsG(int type) {
    return switch (type) {
      case GO_END, GO_STOP, GO_SCHED, GO_PREEMPT, GO_SLEEP, GO_BLOCK, GO_BLOCK_SEND, GO_BLOCK_RECV, GO_BLOCK_SELECT,
          GO_BLOCK_SYNC, GO_BLOCK_COND, GO_BLOCK_NET, GO_SYS_BLOCK, GO_BLOCK_GC -> true;
      default -> false;
    };
  }
}
