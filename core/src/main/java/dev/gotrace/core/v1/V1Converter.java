package dev.gotrace.core.v1;

import static dev.gotrace.core.v1.V1EventType.*;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.ReaderNames;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceEventWriter;
import dev.gotrace.core.event.TraceSink;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns merged v1 events into Go 1.27's public events, as {@code traceV1Converter}
 * ({@code src/internal/trace/tracev1.go}) and {@code Reader.ReadEvent} do: one generation framed
 * by a Sync at (first time − 1) and one at (last time + 1), every other event made strictly later
 * than the previous one.
 */
final class V1Converter {
  /** The v1 trace is one generation. */
  private static final long GENERATION = 1;
  private static final String[] STW_REASONS = {"", "GC mark termination", "GC sweep termination", "write heap dump",
      "goroutine profile", "goroutine profile cleanup", "all goroutine stack trace", "read mem stats",
      "AllThreadsSyscall", "GOMAXPROCS", "start trace", "stop trace", "CountPagesInUse (test)",
      "ReadMetricsSlow (test)", "ReadMemStatsSlow (test)", "PageCachePagesLeaked (test)", "ResetDebugLog (test)"};

  private final V1Events ev;
  private final V1Parser parsed;
  private final int minor;
  private final StringPool pool;
  private final StackTable stackTable;
  private final TraceSink sink;
  private final ReaderNames names;
  private final TraceEventWriter out = new TraceEventWriter();

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
  private int lastStwName;
  private long lastTs = -1;
  private long index;


  V1Converter(V1Events events, V1Parser parsed, int minor, StringPool pool, StackTable stackTable, TraceSink sink) {
    this.ev = events;
    this.parsed = parsed;
    this.minor = minor;
    this.pool = pool;
    this.stackTable = stackTable;
    this.sink = sink;
    names = new ReaderNames(pool);
  }

  /** Events delivered so far. */
  long count() { return index; }

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
    if (order.length > 0) sync(ev.time[order[0]] - 1, 1);
    for (int i = 0; i < order.length; i++) convert(order[i], syscallBlocks[i]);
    sync(lastTs + 1, order.length > 0 ? 2 : 1);
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

  private void sync(long time, long number) {
    TraceEventWriter e = out.reset(index++, GENERATION, EventKind.SYNC, time, -1, -1, -1);
    e.setSync(number);
    sink.onEvent(e.event());
  }

  private void convert(int slot, boolean syscallBlocks) {
    int type = ev.type(slot);
    int p = ev.proc[slot];
    long g = ev.goroutine[slot];
    long ts = ev.time[slot];
    int stack = stack(ev.stack[slot] & 0xffffffffL);
    long a0 = ev.arg(slot, 0);
    switch (type) {
      case GOMAXPROCS -> {
        if (preInit) {
          preInit = false;
          // Goroutines that existed at trace start but were never seen running or blocked.
          for (long id : createdPreInit) {
            emit(EventKind.STATE_TRANSITION, ts, -1, -1, -1)
                .setTransition(ResourceKind.GOROUTINE, id, GoState.UNDETERMINED.ordinal(), GoState.RUNNABLE.ordinal(), 0, 0);
            sink.onEvent(out.event());
          }
          createdPreInit = null;
          return;
        }
        generic(slot, EventKind.METRIC).setMetric(names.gomaxprocs, a0).setStack(stack);
      }
      case PROC_START -> {
        procThreads.put(p, a0);
        TraceEventWriter e = generic(slot, EventKind.STATE_TRANSITION);
        int from = seenProcs.add(p) ? ProcState.UNDETERMINED.ordinal() : ProcState.IDLE.ordinal();
        e.setTransition(ResourceKind.PROC, p, from, ProcState.RUNNING.ordinal(), 0, 0);
      }
      case PROC_STOP -> {
        TraceEventWriter e = generic(slot, EventKind.STATE_TRANSITION);
        int from = seenProcs.add(p) ? ProcState.UNDETERMINED.ordinal() : ProcState.RUNNING.ordinal();
        e.setTransition(ResourceKind.PROC, p, from, ProcState.IDLE.ordinal(), 0, 0);
      }
      case GC_START -> generic(slot, EventKind.RANGE_BEGIN).setRange(names.markPhase, ResourceKind.NONE, -1).setStack(stack);
      case GC_DONE -> generic(slot, EventKind.RANGE_END).setRange(names.markPhase, ResourceKind.NONE, -1);
      case STW_START -> {
        lastStwName = pool.intern("stop-the-world (" + STW_REASONS[stwReason(a0)] + ")");
        TraceEventWriter e = generic(slot, EventKind.RANGE_BEGIN);
        e.setRange(lastStwName, ResourceKind.GOROUTINE, e.event().goroutine());
      }
      case STW_DONE -> {
        TraceEventWriter e = generic(slot, EventKind.RANGE_END);
        e.setRange(lastStwName, ResourceKind.GOROUTINE, e.event().goroutine());
      }
      case GC_SWEEP_START -> generic(slot, EventKind.RANGE_BEGIN).setRange(names.sweep, ResourceKind.PROC, p).setStack(stack);
      case GC_SWEEP_DONE -> generic(slot, EventKind.RANGE_END).setRange(names.sweep, ResourceKind.PROC, p)
          .setSweepAttributes(a0, ev.arg(slot, 1));
      case GO_CREATE -> {
        if (preInit) {
          createdPreInit.add(a0);
          return;
        }
        int created = stack(ev.arg(slot, 1));
        generic(slot, EventKind.STATE_TRANSITION).setTransition(ResourceKind.GOROUTINE, a0,
            GoState.NOT_EXIST.ordinal(), GoState.RUNNABLE.ordinal(), 0, created).setStack(stack);
      }
      case GO_START -> {
        if (preInit) {
          createdPreInit.remove(a0);
          status(slot, a0, GoState.RUNNING);
        } else {
          goTransition(generic(slot, EventKind.STATE_TRANSITION), a0, GoState.RUNNABLE, GoState.RUNNING, 0, 0);
        }
      }
      case GO_START_LABEL -> {
        // Built directly by Go: thread 0 when the P has none, goroutine 0 kept as is.
        long m = procThreads.getOrDefault(p, 0L);
        goTransition(emit(EventKind.STATE_TRANSITION, ts, m, p, g), a0, GoState.RUNNABLE, GoState.RUNNING, 0, 0);
        sink.onEvent(out.event());
        emit(EventKind.LABEL, ts, m, p, g).setLabel(string(ev.arg(slot, 2)), g);
      }
      case GO_END -> goTransition(generic(slot, EventKind.STATE_TRANSITION), ctxG(g), GoState.RUNNING,
          GoState.NOT_EXIST, 0, 0);
      case GO_STOP -> block(slot, "forever", stack);
      case GO_SCHED -> stop(slot, "runtime.Gosched", stack);
      case GO_PREEMPT -> stop(slot, "preempted", stack);
      case GO_SLEEP -> block(slot, "sleep", stack);
      case GO_BLOCK -> block(slot, "", stack);
      case GO_BLOCK_SEND -> block(slot, "chan send", stack);
      case GO_BLOCK_RECV -> block(slot, "chan receive", stack);
      case GO_BLOCK_SELECT -> block(slot, "select", stack);
      case GO_BLOCK_SYNC -> block(slot, "sync", stack);
      case GO_BLOCK_COND -> block(slot, "sync.(*Cond).Wait", stack);
      case GO_BLOCK_NET -> block(slot, "network", stack);
      case GO_BLOCK_GC -> block(slot, "GC mark assist wait for work", stack);
      case GO_UNBLOCK -> goTransition(generic(slot, EventKind.STATE_TRANSITION), a0, GoState.WAITING,
          GoState.RUNNABLE, 0, 0).setStack(stack);
      case GO_SYSCALL -> syscall(slot, syscallBlocks, stack);
      case GO_SYS_EXIT -> goTransition(generic(slot, EventKind.STATE_TRANSITION), ctxG(g), GoState.SYSCALL,
          GoState.RUNNABLE, 0, 0);
      case GO_SYS_BLOCK -> {
        return;
      }
      case GO_WAITING -> {
        if (createdPreInit != null) createdPreInit.remove(a0);
        status(slot, a0, GoState.WAITING);
      }
      case GO_IN_SYSCALL -> {
        if (createdPreInit != null) createdPreInit.remove(a0);
        status(slot, a0, GoState.SYSCALL);
      }
      case HEAP_ALLOC -> generic(slot, EventKind.METRIC).setMetric(names.heapObjects, a0);
      case HEAP_GOAL -> generic(slot, EventKind.METRIC).setMetric(names.heapGoal, a0);
      case GC_MARK_ASSIST_START -> {
        TraceEventWriter e = generic(slot, EventKind.RANGE_BEGIN);
        e.setRange(names.markAssist, ResourceKind.GOROUTINE, e.event().goroutine()).setStack(stack);
      }
      case GC_MARK_ASSIST_DONE -> {
        TraceEventWriter e = generic(slot, EventKind.RANGE_END);
        e.setRange(names.markAssist, ResourceKind.GOROUTINE, e.event().goroutine());
      }
      case USER_TASK_CREATE -> {
        long parent = ev.arg(slot, 1);
        int name = string(ev.arg(slot, 2));
        tasks.put(a0, new long[] {parent, name});
        generic(slot, EventKind.TASK_BEGIN).setTask(a0, parent == 0 ? TraceEvent.NO_TASK : parent, name)
            .setStack(stack);
      }
      case USER_TASK_END -> {
        // Go keeps the creation's raw parent, so a root task ends with parent 0.
        long[] task = tasks.remove(a0);
        long parent = task == null ? TraceEvent.NO_TASK : task[0];
        int name = task == null ? 0 : (int) task[1];
        generic(slot, EventKind.TASK_END).setTask(a0, parent, name).setStack(stack);
      }
      case USER_REGION -> {
        EventKind kind = ev.arg(slot, 1) == 0 ? EventKind.REGION_BEGIN : EventKind.REGION_END;
        generic(slot, kind).setRegion(a0, string(ev.arg(slot, 2))).setStack(stack);
      }
      case USER_LOG -> generic(slot, EventKind.LOG).setLog(a0, string(ev.arg(slot, 1)),
          pool.intern(parsed.inlineStrings.get((int) ev.arg(slot, 3)))).setStack(stack);
      case CPU_SAMPLE -> emit(EventKind.STACK_SAMPLE, ts, -1, p, ctxG(g)).setStack(stack);
      default -> throw new TraceFormatException("unexpected event type " + type, ev.offset[slot],
          TraceFormatException.NO_GENERATION);
    }
    sink.onEvent(out.event());
  }

  private void syscall(int slot, boolean blocks, int stack) {
    if (blocks) {
      goTransition(generic(slot, EventKind.STATE_TRANSITION), ctxG(ev.goroutine[slot]), GoState.RUNNING,
          GoState.SYSCALL, 0, stack).setStack(stack);
      return;
    }
    // A syscall that did not block becomes a 1 ns syscall; Go builds both events directly.
    int p = ev.proc[slot];
    long g = ev.goroutine[slot];
    long m = procThreads.getOrDefault(p, 0L);
    long ts = ev.time[slot];
    goTransition(emit(EventKind.STATE_TRANSITION, ts, m, p, g), g, GoState.RUNNING, GoState.SYSCALL, 0, stack)
        .setStack(stack);
    sink.onEvent(out.event());
    goTransition(emit(EventKind.STATE_TRANSITION, ts + 1, m, p, g), g, GoState.SYSCALL, GoState.RUNNING, 0, 0);
  }

  private void status(int slot, long goroutine, GoState state) {
    generic(slot, EventKind.STATE_TRANSITION).setTransition(ResourceKind.GOROUTINE, goroutine,
        GoState.UNDETERMINED.ordinal(), state.ordinal(), 0, 0);
  }

  private void block(int slot, String reason, int stack) {
    TraceEventWriter e = generic(slot, EventKind.STATE_TRANSITION);
    goTransition(e, e.event().goroutine(), GoState.RUNNING, GoState.WAITING, pool.intern(reason), stack).setStack(stack);
  }

  private void stop(int slot, String reason, int stack) {
    TraceEventWriter e = generic(slot, EventKind.STATE_TRANSITION);
    goTransition(e, e.event().goroutine(), GoState.RUNNING, GoState.RUNNABLE, pool.intern(reason), stack).setStack(stack);
  }

  private static TraceEventWriter goTransition(TraceEventWriter e, long id, GoState from, GoState to, int reason, int stack) {
    return e.setTransition(ResourceKind.GOROUTINE, id, from.ordinal(), to.ordinal(), reason, stack);
  }

  /** The common context: M from the P's last ProcStart (dropped after ProcStop), G 0 → none. */
  private TraceEventWriter generic(int slot, EventKind kind) {
    int p = ev.proc[slot];
    long m = -1;
    if (p != -1) {
      Long t = procThreads.get(p);
      if (t != null) m = t;
    }
    if (ev.type(slot) == PROC_STOP) procThreads.remove(p);
    return emit(kind, ev.time[slot], m, p, ctxG(ev.goroutine[slot]));
  }

  private static long ctxG(long g) { return g == 0 ? -1 : g; }

  /** Starts an event, applying Go's rule that every event is strictly later than the previous one. */
  private TraceEventWriter emit(EventKind kind, long time, long m, long p, long g) {
    if (time <= lastTs) time = lastTs + 1;
    lastTs = time;
    return out.reset(index++, GENERATION, kind, time, m, p, g);
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
