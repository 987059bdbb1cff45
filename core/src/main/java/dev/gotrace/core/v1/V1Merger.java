package dev.gotrace.core.v1;

import static dev.gotrace.core.v1.V1EventType.*;

import dev.gotrace.core.format.TraceFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the per-P event lists into one order the way Go's {@code parseEventBatches} does
 * ({@code tracev1/parser.go}, {@code tracev1/order.go}): among the P heads whose goroutine
 * transition is possible, take the earliest; then give syscall exits their real time and sort
 * stably. Go visits Ps in map order, so ties between Ps are not reproducible even in Go; we visit
 * them by ascending P, CPU samples last.
 */
final class V1Merger {
  private static final int G_DEAD = 0;
  private static final int G_RUNNABLE = 1;
  private static final int G_RUNNING = 2;
  private static final int G_WAITING = 3;
  /** Go's {@code unordered}/{@code noseq} (2^64-1) and {@code garbage}/{@code seqinc} (2^64-2). */
  private static final long UNORDERED = -1L;
  private static final long NOSEQ = -1L;
  private static final long GARBAGE = -2L;
  private static final long SEQINC = -2L;

  private static final long[] UNSEEN = {0, G_DEAD};

  private final V1Events ev;
  private final Map<Long, long[]> states = new HashMap<>();
  // stateTransition results for one event
  private long g;
  private long initSeq;
  private int initStatus;
  private long nextSeq;
  private int nextStatus;

  V1Merger(V1Events events) { this.ev = events; }

  /** Event slots in merged order (Local types renamed), or throws with Go's message. */
  int[] merge(Map<Integer, IntList> byProc, IntList cpuSamples) {
    List<Cursor> all = new ArrayList<>();
    for (IntList list : byProc.values()) all.add(new Cursor(list.toArray()));
    int[] samples = cpuSamples.toArray();
    V1Sort.stableByTime(samples, ev.time);
    all.add(new Cursor(samples));

    List<Cursor> available = new ArrayList<>(all);
    int[] heapEvent = new int[all.size()];
    Cursor[] heapCursor = new Cursor[all.size()];
    int heapSize = 0;
    int[] out = new int[ev.size()];
    int n = 0;
    while (true) {
      for (int i = 0; i < available.size(); i++) {
        Cursor c = available.get(i);
        if (c.pos == c.slots.length) {
          c.done = true;
          swapRemove(available, i);
          i--;
          continue;
        }
        int slot = c.slots[c.pos];
        transitionOf(slot);
        if (!ready(g, state(g), initSeq, initStatus)) continue;
        c.pos++;
        swapRemove(available, i);
        heapEvent[heapSize] = slot;
        heapCursor[heapSize] = c;
        heapUp(heapEvent, heapCursor, heapSize++);
        i--;
      }
      if (heapSize == 0) {
        for (Cursor c : all) {
          if (!c.done) {
            throw new TraceFormatException("no consistent ordering of events possible", ev.offset[c.slots[c.pos]],
                TraceFormatException.NO_GENERATION);
          }
        }
        break;
      }
      // Go's Pop: swap the root with the last element, sift down, take the last.
      int last = --heapSize;
      swap(heapEvent, heapCursor, 0, last);
      heapDown(heapEvent, heapCursor, heapSize);
      int slot = heapEvent[last];
      Cursor from = heapCursor[last];
      transitionOf(slot);
      switch (ev.type(slot)) {
        case GO_START_LOCAL -> ev.type[slot] = GO_START;
        case GO_UNBLOCK_LOCAL -> ev.type[slot] = GO_UNBLOCK;
        case GO_SYS_EXIT_LOCAL -> ev.type[slot] = GO_SYS_EXIT;
        default -> { }
      }
      out[n++] = slot;
      apply(slot);
      available.add(from);
    }
    int[] order = java.util.Arrays.copyOf(out, n);
    for (int i = 1; i < n; i++) {
      if (ev.time[order[i]] < ev.time[order[i - 1]]) throw timeOrder(order[i]);
    }
    realSyscallExitTimes(order);
    V1Sort.stableByTime(order, ev.time);
    return order;
  }

  private void realSyscallExitTimes(int[] order) {
    Map<Long, Long> lastSysBlock = new HashMap<>();
    for (int slot : order) {
      switch (ev.type(slot)) {
        case GO_SYS_BLOCK, GO_IN_SYSCALL -> lastSysBlock.put(ev.goroutine[slot], ev.time[slot]);
        case GO_SYS_EXIT -> {
          long ts = ev.arg(slot, 2);
          if (ts == 0) continue;
          long block = lastSysBlock.getOrDefault(ev.goroutine[slot], 0L);
          if (block == 0) {
            throw new TraceFormatException("stray syscall exit", ev.offset[slot], TraceFormatException.NO_GENERATION);
          }
          if (ts < block) throw timeOrder(slot);
          ev.time[slot] = ts;
        }
        default -> { }
      }
    }
  }

  private TraceFormatException timeOrder(int slot) {
    return new TraceFormatException(V1Trace.TIME_ORDER, ev.offset[slot], TraceFormatException.NO_GENERATION);
  }

  /** The goroutine's (seq, status); Go's zero value (0, dead) if it was never seen. */
  private long[] state(long id) {
    long[] s = states.get(id);
    return s == null ? UNSEEN : s;
  }

  private static boolean ready(long g, long[] curr, long initSeq, int initStatus) {
    return g == UNORDERED || (initSeq == NOSEQ || initSeq == curr[0]) && initStatus == curr[1];
  }

  private void apply(int slot) {
    if (g == UNORDERED) return;
    long[] curr = state(g);
    if (!ready(g, curr, initSeq, initStatus)) {
      throw new TraceFormatException("encountered impossible goroutine state transition", ev.offset[slot],
          TraceFormatException.NO_GENERATION);
    }
    long seq = nextSeq == NOSEQ ? curr[0] : nextSeq == SEQINC ? curr[0] + 1 : nextSeq;
    long[] next = states.computeIfAbsent(g, k -> new long[2]);
    next[0] = seq;
    next[1] = nextStatus;
  }

  /** Go's {@code stateTransition}: which goroutine the event orders, and its required and next state. */
  private void transitionOf(int slot) {
    int type = ev.type(slot);
    switch (type) {
      case GO_CREATE -> set(ev.arg(slot, 0), 0, G_DEAD, 1, G_RUNNABLE);
      case GO_WAITING, GO_IN_SYSCALL -> set(ev.goroutine[slot], 1, G_RUNNABLE, 2, G_WAITING);
      case GO_START, GO_START_LABEL -> {
        long seq = ev.arg(slot, 1);
        set(ev.goroutine[slot], seq, G_RUNNABLE, seq + 1, G_RUNNING);
      }
      case GO_START_LOCAL -> set(ev.goroutine[slot], NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
      case GO_BLOCK, GO_BLOCK_SEND, GO_BLOCK_RECV, GO_BLOCK_SELECT, GO_BLOCK_SYNC, GO_BLOCK_COND, GO_BLOCK_NET,
          GO_SLEEP, GO_SYS_BLOCK, GO_BLOCK_GC -> set(ev.goroutine[slot], NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
      case GO_SCHED, GO_PREEMPT -> set(ev.goroutine[slot], NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
      case GO_UNBLOCK, GO_SYS_EXIT -> {
        long seq = ev.arg(slot, 1);
        set(ev.arg(slot, 0), seq, G_WAITING, seq + 1, G_RUNNABLE);
      }
      case GO_UNBLOCK_LOCAL, GO_SYS_EXIT_LOCAL -> set(ev.arg(slot, 0), NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
      case GC_START -> {
        long seq = ev.arg(slot, 0);
        set(GARBAGE, seq, G_DEAD, seq + 1, G_DEAD);
      }
      default -> g = UNORDERED;
    }
  }

  private void set(long id, long iSeq, int iStatus, long nSeq, int nStatus) {
    g = id;
    initSeq = iSeq;
    initStatus = iStatus;
    nextSeq = nSeq;
    nextStatus = nStatus;
  }

  private static void swapRemove(List<Cursor> list, int i) {
    int last = list.size() - 1;
    list.set(i, list.get(last));
    list.remove(last);
  }

  // Go's container/heap-style helpers from tracev1/order.go, ordered by time with strict <.

  private void heapUp(int[] e, Cursor[] c, int j) {
    while (true) {
      int i = (j - 1) / 2;
      if (i == j || !(ev.time[e[j]] < ev.time[e[i]])) break;
      swap(e, c, i, j);
      j = i;
    }
  }

  private void heapDown(int[] e, Cursor[] c, int n) {
    int i = 0;
    while (true) {
      int j1 = 2 * i + 1;
      if (j1 >= n) break;
      int j = j1;
      int j2 = j1 + 1;
      if (j2 < n && ev.time[e[j2]] < ev.time[e[j1]]) j = j2;
      if (!(ev.time[e[j]] < ev.time[e[i]])) break;
      swap(e, c, i, j);
      i = j;
    }
  }

  private static void swap(int[] e, Cursor[] c, int i, int j) {
    int t = e[i];
    e[i] = e[j];
    e[j] = t;
    Cursor tc = c[i];
    c[i] = c[j];
    c[j] = tc;
  }

  /** The unmerged rest of one P's events. */
  private static final class Cursor {
    final int[] slots;
    int pos;
    boolean done;

    Cursor(int[] slots) { this.slots = slots; }
  }
}
