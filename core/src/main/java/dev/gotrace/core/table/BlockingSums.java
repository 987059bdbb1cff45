package dev.gotrace.core.table;

import dev.gotrace.core.util.LongObjectMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the tables aggregated from blocking_intervals hold, summed per (goroutine name, stack id):
 * per profile, the count and clipped delay of its intervals by the rule blocking_intervals
 * documents (an interval counts with its overlap with its goroutine's [start_ts, COALESCE(end_ts,
 * trace end)], start_ts NULL: no lower bound, if that is positive); and the count and whole length
 * of its waiting and of its syscall intervals, open ones lasting until trace end. The name is the
 * goroutines row's (the id's last incarnation), as a join of the two tables on goid gives it.
 *
 * <p>Fed either with rows whose goroutine is known in full ({@link #count}), or while events stream
 * ({@link #closed}): then an interval counts at once if its goroutine has run and is named, since
 * start_ts and the name are then final and end_ts can only be later than the interval's end; other
 * intervals wait for {@link #finish}. A goroutine id that is created again (a reused cgo-callback
 * goroutine) would change the window and name of intervals already counted: the intervals of an id
 * created into a syscall, as cgo callbacks are, wait from then on, and the re-creation of an id that
 * had not been so makes the sums {@linkplain #exact() inexact}.
 */
final class BlockingSums {
  /** Interval kinds besides its profile: which of the whole-length sums it adds to. */
  static final int OTHER = 0;
  static final int WAITING = 1;
  static final int SYSCALL = 2;

  /** Per key: {count, delay} per profile slot, then {waits, wait ns, syscalls, syscall ns}. */
  private static final int WAIT_AT = 2 * Profiles.COUNT;
  private static final int SUM_LENGTH = WAIT_AT + 4;

  /** (name id, stack id; 0 for none) packed in a long key → the sums, laid out as above. */
  private final LongObjectMap<long[]> sums = new LongObjectMap<>();
  private final GoroutinesTableBuilder goroutines;
  private final TraceBounds bounds;
  private final LongColumn waitingGoid = new LongColumn();
  private final LongColumn waitingStart = new LongColumn();
  private final LongColumn waitingEnd = new LongColumn();
  /** Profile slot (-1: none), kind and whether the interval is open, packed by {@link #packed}. */
  private final IntColumn waitingWhat = new IntColumn();
  private final IntColumn waitingStack = new IntColumn();
  private boolean exact = true;
  private boolean finished;

  BlockingSums(GoroutinesTableBuilder goroutines, TraceBounds bounds) {
    this.goroutines = goroutines;
    this.bounds = bounds;
  }

  /**
   * Counts interval [start, end] (end: trace end if not {@code closed}) of {@code g}, g's window
   * and name final; {@code slot} is its profile's ({@link Profiles#slot}, -1 for none).
   */
  void count(GoroutinesTableBuilder.Goroutine g, long start, long end, boolean closed, int slot, int kind, int stack) {
    long[] sum = sumsOf(g.name, stack);
    if (closed && slot >= 0) {
      // startTs/endTs are 0 when NULL: never ran, alive at trace end.
      long goStart = g.startTs == 0 ? bounds.first() : g.startTs;
      long goEnd = g.endTs == 0 ? bounds.last() : g.endTs;
      addDelay(sum, slot, Math.min(end, goEnd) - Math.max(start, goStart));
    }
    addLength(sum, kind, (closed ? end : bounds.last()) - start);
  }

  /**
   * Interval [start, end] of {@code goid} closed while events stream; {@code waits} says that the id
   * may be created again (it was created into a syscall).
   */
  void closed(long goid, long start, long end, int slot, int kind, int stack, boolean waits) {
    GoroutinesTableBuilder.Goroutine g = goroutines.find(goid);
    if (waits || g == null || g.startTs == 0 || g.name == 0 || (g.endTs != 0 && g.endTs < end)) {
      wait(goid, start, end, packed(slot, kind, true), stack);
      return;
    }
    if (end > g.countedEnd) g.countedEnd = end;
    long[] sum = sumsOf(g.name, stack);
    if (slot >= 0) addDelay(sum, slot, end - Math.max(start, g.startTs));
    addLength(sum, kind, end - start);
  }

  /** Interval of {@code goid} from {@code start} still open when the stream ended. */
  void open(long goid, long start, int kind, int stack) {
    if (kind != OTHER) wait(goid, start, 0, packed(-1, kind, false), stack);
  }

  /** A goroutine id whose intervals were counted at once was created again. */
  void recreated() { exact = false; }

  /**
   * Counts the intervals that waited for their goroutine's final window, and checks that no
   * interval counted at once ended after its goroutine's final end_ts; once, after the stream.
   */
  void finish() {
    if (finished) return;
    finished = true;
    for (int row = 0; row < waitingGoid.size(); row++) {
      GoroutinesTableBuilder.Goroutine g = goroutines.find(waitingGoid.get(row));
      int what = waitingWhat.get(row);
      if (g != null) {
        count(g, waitingStart.get(row), waitingEnd.get(row), (what & 1) != 0, (what >> 3) - 1, (what >> 1) & 3,
            waitingStack.get(row));
      }
    }
    for (GoroutinesTableBuilder.Goroutine g : goroutines.all()) {
      if (g.endTs != 0 && g.countedEnd > g.endTs) exact = false;
    }
  }

  /** False if a streamed interval may have been counted with a window or name that changed later. */
  boolean exact() { return exact; }

  /** Adds {@code other}'s sums to these. */
  void merge(BlockingSums other) {
    for (long k : other.sums.keys()) {
      long[] from = other.sums.get(k);
      long[] into = sums.computeIfAbsent(k, x -> new long[SUM_LENGTH]);
      for (int i = 0; i < SUM_LENGTH; i++) into[i] += from[i];
    }
  }

  /**
   * The {count, delay} per (name id, profile slot, profile_stack_id) with a positive count, keyed by
   * {@link GroupKey}; stacks mapped by {@code profileStacks} (stack id → profile_stack_id, 0 for none).
   */
  Map<GroupKey, long[]> byProfileStack(int[] profileStacks) {
    Map<GroupKey, long[]> out = new HashMap<>();
    for (long k : sums.keys()) {
      long[] sum = sums.get(k);
      int stack = stackOf(k);
      int canonical = stack == 0 ? 0 : profileStacks[stack];
      for (int slot = 0; slot < Profiles.COUNT; slot++) {
        if (sum[2 * slot] == 0) continue;
        long[] total = out.computeIfAbsent(new GroupKey(nameOf(k), slot, canonical), x -> new long[2]);
        total[0] += sum[2 * slot];
        total[1] += sum[2 * slot + 1];
      }
    }
    return out;
  }

  /**
   * The {waits, wait ns, syscalls, syscall ns} per (name id, stack id) with a waiting or syscall
   * interval, keyed by {@link GroupKey} (slot -1).
   */
  Map<GroupKey, long[]> byStack() {
    Map<GroupKey, long[]> out = new HashMap<>();
    for (long k : sums.keys()) {
      long[] sum = sums.get(k);
      if (sum[WAIT_AT] == 0 && sum[WAIT_AT + 2] == 0) continue;
      out.put(new GroupKey(nameOf(k), -1, stackOf(k)), Arrays.copyOfRange(sum, WAIT_AT, SUM_LENGTH));
    }
    return out;
  }

  /** A goroutine name (string-pool id), profile slot (-1 where none) and stack id (0 for none). */
  record GroupKey(int name, int slot, int stack) {}

  private void wait(long goid, long start, long end, int what, int stack) {
    waitingGoid.add(goid);
    waitingStart.add(start);
    waitingEnd.add(end);
    waitingWhat.add(what);
    waitingStack.add(stack);
  }

  private static int packed(int slot, int kind, boolean closed) { return (slot + 1) << 3 | kind << 1 | (closed ? 1 : 0); }

  private long[] sumsOf(int name, int stack) {
    return sums.computeIfAbsent((long) name << 32 | (stack & 0xffff_ffffL), k -> new long[SUM_LENGTH]);
  }

  private static int nameOf(long key) { return (int) (key >>> 32); }

  private static int stackOf(long key) { return (int) key; }

  private static void addDelay(long[] sum, int slot, long delay) {
    if (delay <= 0) return;
    sum[2 * slot]++;
    sum[2 * slot + 1] += delay;
  }

  private static void addLength(long[] sum, int kind, long length) {
    if (kind == OTHER) return;
    int at = WAIT_AT + 2 * (kind - 1);
    sum[at]++;
    sum[at + 1] += length;
  }
}
