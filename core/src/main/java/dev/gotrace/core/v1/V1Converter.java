package dev.gotrace.core.v1;

import static dev.gotrace.core.v1.V1EventType.*;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.order.BaseEvent;
import dev.gotrace.core.wire.EventType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns merged v1 events into Go's v2 low-level events, as {@code traceV1Converter}
 * ({@code src/internal/trace/tracev1.go}) does: one generation framed by a Sync at (first time − 1)
 * and one at (last time + 1), every other event made strictly later than the previous one. What
 * the events mean to a reader (kinds, transitions, ranges) is the v2 publisher's business.
 */
final class V1Converter {
  private static final String[] STW_REASONS = {"", "GC mark termination", "GC sweep termination", "write heap dump",
      "goroutine profile", "goroutine profile cleanup", "all goroutine stack trace", "read mem stats",
      "AllThreadsSyscall", "GOMAXPROCS", "start trace", "stop trace", "CountPagesInUse (test)",
      "ReadMetricsSlow (test)", "ReadMemStatsSlow (test)", "PageCachePagesLeaked (test)", "ResetDebugLog (test)"};
  /** Old states of status events for what was seen first (Go leaves its extra slot zero). */
  private static final int GO_UNDETERMINED = GoState.UNDETERMINED.ordinal();
  private static final int PROC_UNDETERMINED = ProcState.UNDETERMINED.ordinal();

  private final V1Events ev;
  private final V1Parser parsed;
  private final int minor;
  private final StringPool pool;
  private final StackTable stackTable;
  private final ConvertedEventSink out;
  private final long[] args = new long[4];

  private final Map<Long, Integer> stackIds = new HashMap<>();
  private final Map<Integer, Long> procThreads = new HashMap<>();
  private final Set<Integer> seenProcs = new HashSet<>();
  private final Map<Long, long[]> tasks = new HashMap<>();
  /**
   * Goroutines created before the first Gomaxprocs with no status yet. Go iterates a map here, so
   * its order of their GoStatus events is random; ours is by ascending goroutine id.
   */
  private Set<Long> createdPreInit = new TreeSet<>();
  private boolean preInit = true;
  /** String id of the last STW reason, which Go's STWEnd repeats. */
  private int lastStwReason;
  private long lastTs = -1;

  V1Converter(V1Events events, V1Parser parsed, int minor, StringPool pool, StackTable stackTable,
      ConvertedEventSink out) {
    this.ev = events;
    this.parsed = parsed;
    this.minor = minor;
    this.pool = pool;
    this.stackTable = stackTable;
    this.out = out;
  }

  /** Time of the last event delivered. */
  long lastTime() { return lastTs; }

  void convert(int[] order) {
    for (int slot : order) {
      if (ev.type(slot) == FUTILE_WAKEUP) {
        throw new TraceFormatException("unexpected event type " + FUTILE_WAKEUP, ev.offset[slot],
            TraceFormatException.NO_GENERATION);
      }
    }
    boolean[] syscallBlocks = syscallBlocks(order);
    if (order.length > 0) out.sync(ev.time[order[0]] - 1, 1);
    for (int i = 0; i < order.length; i++) convert(order[i], syscallBlocks[i]);
    out.sync(lastTs + 1, order.length > 0 ? 2 : 1);
  }

  /** For each GoSysCall, whether the same goroutine's next event is GoSysBlock (Go scans ahead). */
  private boolean[] syscallBlocks(int[] order) {
    boolean[] blocks = new boolean[order.length];
    Map<Long, Integer> nextType = new HashMap<>();
    for (int i = order.length - 1; i >= 0; i--) {
      int slot = order[i];
      long g = ev.goroutine[slot];
      if (ev.type(slot) == GO_SYSCALL) {
        Integer next = nextType.get(g);
        blocks[i] = next != null && next == GO_SYS_BLOCK;
      }
      nextType.put(g, ev.type(slot));
    }
    return blocks;
  }

  private void convert(int slot, boolean syscallBlocks) {
    int type = ev.type(slot);
    int p = ev.proc[slot];
    long g = ev.goroutine[slot];
    long ts = ev.time[slot];
    int stack = stack(ev.stack[slot] & 0xffffffffL);
    long a0 = ev.arg(slot, 0);
    long a1 = ev.arg(slot, 1);
    switch (type) {
      case GOMAXPROCS -> {
        if (preInit) {
          preInit = false;
          // Goroutines that existed at trace start but were never seen running or blocked.
          for (long id : createdPreInit) {
            emit(EventType.GO_STATUS, ts, -1, -1, -1, args(id, -1, EventType.GO_RUNNABLE, 0), GO_UNDETERMINED);
          }
          createdPreInit = null;
          return;
        }
        generic(slot, EventType.PROCS_CHANGE, args(a0, stack, 0, 0));
      }
      case PROC_START -> {
        procThreads.put(p, a0);
        if (seenProcs.add(p)) {
          generic(slot, EventType.PROC_STATUS, args(p, EventType.PROC_RUNNING, 0, 0), PROC_UNDETERMINED);
        } else {
          generic(slot, EventType.PROC_START, args(p, 0, 0, 0));
        }
      }
      case PROC_STOP -> {
        if (seenProcs.add(p)) {
          generic(slot, EventType.PROC_STATUS, args(p, EventType.PROC_IDLE, 0, 0), PROC_UNDETERMINED);
        } else {
          generic(slot, EventType.PROC_STOP, args(0, 0, 0, 0));
        }
      }
      case GC_START -> generic(slot, EventType.GC_BEGIN, args(a0, stack, 0, 0));
      case GC_DONE -> generic(slot, EventType.GC_END, args(0, 0, 0, 0));
      case STW_START -> {
        lastStwReason = pool.intern(STW_REASONS[stwReason(a0)]);
        generic(slot, EventType.STW_BEGIN, args(lastStwReason, 0, 0, 0));
      }
      case STW_DONE -> generic(slot, EventType.STW_END, args(lastStwReason, 0, 0, 0));
      case GC_SWEEP_START -> generic(slot, EventType.GC_SWEEP_BEGIN, args(stack, 0, 0, 0));
      case GC_SWEEP_DONE -> generic(slot, EventType.GC_SWEEP_END, args(a0, a1, 0, 0));
      case GO_CREATE -> {
        if (preInit) {
          createdPreInit.add(a0);
          return;
        }
        generic(slot, EventType.GO_CREATE, args(a0, stack(a1), stack, 0));
      }
      case GO_START -> {
        if (preInit) {
          createdPreInit.remove(a0);
          status(slot, a0, EventType.GO_RUNNING);
        } else {
          generic(slot, EventType.GO_START, args(a0, a1, 0, 0));
        }
      }
      case GO_START_LABEL -> {
        // Built directly by Go: thread 0 when the P has none, goroutine 0 kept as is.
        long m = procThreads.getOrDefault(p, 0L);
        emit(EventType.GO_START, ts, m, p, g, args(a0, a1, 0, 0), 0);
        emit(EventType.GO_LABEL, ts, m, p, g, args(string(ev.arg(slot, 2)), 0, 0, 0), 0);
      }
      case GO_END -> generic(slot, EventType.GO_DESTROY, args(0, 0, 0, 0));
      case GO_STOP -> leave(slot, EventType.GO_BLOCK, "forever", stack);
      case GO_SCHED -> leave(slot, EventType.GO_STOP, "runtime.Gosched", stack);
      case GO_PREEMPT -> leave(slot, EventType.GO_STOP, "preempted", stack);
      case GO_SLEEP -> leave(slot, EventType.GO_BLOCK, "sleep", stack);
      case GO_BLOCK -> leave(slot, EventType.GO_BLOCK, "", stack);
      case GO_BLOCK_SEND -> leave(slot, EventType.GO_BLOCK, "chan send", stack);
      case GO_BLOCK_RECV -> leave(slot, EventType.GO_BLOCK, "chan receive", stack);
      case GO_BLOCK_SELECT -> leave(slot, EventType.GO_BLOCK, "select", stack);
      case GO_BLOCK_SYNC -> leave(slot, EventType.GO_BLOCK, "sync", stack);
      case GO_BLOCK_COND -> leave(slot, EventType.GO_BLOCK, "sync.(*Cond).Wait", stack);
      case GO_BLOCK_NET -> leave(slot, EventType.GO_BLOCK, "network", stack);
      case GO_BLOCK_GC -> leave(slot, EventType.GO_BLOCK, "GC mark assist wait for work", stack);
      case GO_UNBLOCK -> generic(slot, EventType.GO_UNBLOCK, args(a0, a1, stack, 0));
      case GO_SYSCALL -> syscall(slot, syscallBlocks, stack);
      case GO_SYS_EXIT -> generic(slot, EventType.GO_SYSCALL_END_BLOCKED, args(0, 0, 0, 0));
      case GO_SYS_BLOCK -> { }
      case GO_WAITING -> {
        if (createdPreInit != null) createdPreInit.remove(a0);
        status(slot, a0, EventType.GO_WAITING);
      }
      case GO_IN_SYSCALL -> {
        if (createdPreInit != null) createdPreInit.remove(a0);
        // Go's v1 GoInSyscall names no thread, so neither does the status.
        status(slot, a0, EventType.GO_SYSCALL);
      }
      case HEAP_ALLOC -> generic(slot, EventType.HEAP_ALLOC, args(a0, 0, 0, 0));
      case HEAP_GOAL -> generic(slot, EventType.HEAP_GOAL, args(a0, 0, 0, 0));
      case GC_MARK_ASSIST_START -> generic(slot, EventType.GC_MARK_ASSIST_BEGIN, args(stack, 0, 0, 0));
      case GC_MARK_ASSIST_DONE -> generic(slot, EventType.GC_MARK_ASSIST_END, args(0, 0, 0, 0));
      case USER_TASK_CREATE -> {
        int name = string(ev.arg(slot, 2));
        tasks.put(a0, new long[] {a1, name});
        generic(slot, EventType.USER_TASK_BEGIN, args(a0, a1 == 0 ? TraceEvent.NO_TASK : a1, name, stack));
      }
      case USER_TASK_END -> {
        // Go keeps the creation's raw parent, so a root task ends with parent 0.
        long[] task = tasks.remove(a0);
        long parent = task == null ? TraceEvent.NO_TASK : task[0];
        int name = task == null ? 0 : (int) task[1];
        long[] endArgs = args(a0, stack, 0, 0);
        BaseEvent.setTaskEndBegin(endArgs, parent, name);
        generic(slot, EventType.USER_TASK_END, endArgs);
      }
      case USER_REGION -> {
        int regionType = a1 == 0 ? EventType.USER_REGION_BEGIN : EventType.USER_REGION_END;
        generic(slot, regionType, args(a0, string(ev.arg(slot, 2)), stack, 0));
      }
      case USER_LOG -> {
        int category = string(a1);
        int message = pool.intern(parsed.inlineStrings.get((int) ev.arg(slot, 3)));
        generic(slot, EventType.USER_LOG, args(a0, category, message, stack));
      }
      case CPU_SAMPLE -> emit(EventType.CPU_SAMPLE, ts, -1, p, ctxG(g), args(stack, 0, 0, 0), 0);
      default -> throw new TraceFormatException("unexpected event type " + type, ev.offset[slot],
          TraceFormatException.NO_GENERATION);
    }
  }

  private void syscall(int slot, boolean blocks, int stack) {
    if (blocks) {
      generic(slot, EventType.GO_SYSCALL_BEGIN, args(0, stack, 0, 0));
      return;
    }
    // A syscall that did not block becomes a 1 ns syscall; Go builds both events directly.
    int p = ev.proc[slot];
    long g = ev.goroutine[slot];
    long m = procThreads.getOrDefault(p, 0L);
    long ts = ev.time[slot];
    emit(EventType.GO_SYSCALL_BEGIN, ts, m, p, g, args(0, stack, 0, 0), 0);
    emit(EventType.GO_SYSCALL_END, ts + 1, m, p, g, args(0, 0, 0, 0), 0);
  }

  /** The goroutine found at trace start in wire status {@code status}, from an undetermined state. */
  private void status(int slot, long goroutine, int status) {
    generic(slot, EventType.GO_STATUS, args(goroutine, -1, status, 0), GO_UNDETERMINED);
  }

  /** GoStop or GoBlock ({@code type}) of the running goroutine, with Go's reason string. */
  private void leave(int slot, int type, String reason, int stack) {
    generic(slot, type, args(pool.intern(reason), stack, 0, 0));
  }

  private long[] args(long x0, long x1, long x2, long x3) {
    args[0] = x0;
    args[1] = x1;
    args[2] = x2;
    args[3] = x3;
    return args;
  }

  private void generic(int slot, int type, long[] eventArgs) { generic(slot, type, eventArgs, 0); }

  /** The common context: M from the P's last ProcStart (dropped after ProcStop), G 0 → none. */
  private void generic(int slot, int type, long[] eventArgs, int fromState) {
    int p = ev.proc[slot];
    long m = -1;
    if (p != -1) {
      Long t = procThreads.get(p);
      if (t != null) m = t;
    }
    if (ev.type(slot) == PROC_STOP) procThreads.remove(p);
    emit(type, ev.time[slot], m, p, ctxG(ev.goroutine[slot]), eventArgs, fromState);
  }

  private static long ctxG(long g) { return g == 0 ? -1 : g; }

  /** Delivers an event, applying Go's rule that every event is strictly later than the previous one. */
  private void emit(int type, long time, long m, long p, long g, long[] eventArgs, int fromState) {
    if (time <= lastTs) time = lastTs + 1;
    lastTs = time;
    out.event(type, time, m, p, g, eventArgs, fromState);
  }

  /** Go's {@code STWReason}: 1.11/1.19 know two kinds, 1.21 indexes the full list. */
  private int stwReason(long kind) {
    if (minor < 21) return kind == 0 || kind == 1 ? (int) kind + 1 : 0;
    return Long.compareUnsigned(kind, STW_REASONS.length) < 0 ? (int) kind : 0;
  }

  /**
   * A string of the trace by its v1 id; unknown ids read as "" (Go would resolve ids past the
   * trace's own to the strings it appends, which no runtime-written trace refers to).
   */
  private int string(long id) {
    String s = parsed.strings.get(id);
    return s == null ? 0 : pool.intern(s);
  }

  /** Our stack id for a v1 stack id; 0 for none or unknown. */
  private int stack(long v1Id) {
    if (v1Id == 0 || Long.compareUnsigned(v1Id, 0xffffffffL) > 0) return 0;
    Integer id = stackIds.get(v1Id);
    if (id != null) return id;
    long[] pcs = parsed.stacks.get(v1Id);
    int result = 0;
    if (pcs != null) {
      int n = pcs.length;
      int[] functions = new int[n];
      int[] files = new int[n];
      long[] lines = new long[n];
      for (int i = 0; i < n; i++) {
        long[] frame = parsed.frames.get(pcs[i]);
        functions[i] = string(frame[0]);
        files[i] = string(frame[1]);
        lines[i] = frame[2];
      }
      result = stackTable.intern(pcs, functions, files, lines, n);
    }
    stackIds.put(v1Id, result);
    return result;
  }
}
