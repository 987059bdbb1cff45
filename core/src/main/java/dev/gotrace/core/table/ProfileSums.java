package dev.gotrace.core.table;

import dev.gotrace.core.util.LongObjectMap;

/**
 * Count and delay of the profiles' intervals per (profile, stack id), by the rule
 * blocking_intervals documents: an interval counts with its overlap with its goroutine's
 * [start_ts, COALESCE(end_ts, trace end)] (start_ts NULL: no lower bound) if that is positive.
 *
 * <p>Fed either with rows whose goroutine is known in full ({@link #count}), or while events stream
 * ({@link #closed}): then an interval counts at once if its goroutine has run, since start_ts is then
 * final and end_ts can only be later than the interval's end; other intervals wait for
 * {@link #finish}. A goroutine id that is created again (a reused cgo-callback goroutine) would
 * change the window of intervals already counted: the intervals of an id created into a syscall,
 * as cgo callbacks are, wait from then on, and the re-creation of an id that had not been so makes
 * the sums {@linkplain #exact() inexact}.
 */
final class ProfileSums {
  /** (profile, stack id + 1) packed in a long key → {count, delay}. */
  private final LongObjectMap<long[]> sums = new LongObjectMap<>();
  private final GoroutinesTableBuilder goroutines;
  private final TraceBounds bounds;
  private final LongColumn waitingGoid = new LongColumn();
  private final LongColumn waitingStart = new LongColumn();
  private final LongColumn waitingEnd = new LongColumn();
  private final IntColumn waitingProfile = new IntColumn();
  private final IntColumn waitingStack = new IntColumn();
  private boolean exact = true;
  private boolean finished;

  ProfileSums(GoroutinesTableBuilder goroutines, TraceBounds bounds) {
    this.goroutines = goroutines;
    this.bounds = bounds;
  }

  /** Counts interval [start, end] of {@code g} with stack {@code stack} (0: none), g's window final. */
  void count(GoroutinesTableBuilder.Goroutine g, long start, long end, int profile, int stack) {
    // startTs/endTs are 0 when NULL: never ran, alive at trace end.
    long goStart = g.startTs == 0 ? bounds.first() : g.startTs;
    long goEnd = g.endTs == 0 ? bounds.last() : g.endTs;
    add(profile, stack, Math.min(end, goEnd) - Math.max(start, goStart));
  }

  /**
   * Interval [start, end] of {@code goid} closed while events stream; {@code waits} says that the id
   * may be created again (it was created into a syscall).
   */
  void closed(long goid, long start, long end, int profile, int stack, boolean waits) {
    GoroutinesTableBuilder.Goroutine g = goroutines.find(goid);
    if (waits || g == null || g.startTs == 0 || (g.endTs != 0 && g.endTs < end)) {
      waitingGoid.add(goid);
      waitingStart.add(start);
      waitingEnd.add(end);
      waitingProfile.add(profile);
      waitingStack.add(stack);
      return;
    }
    if (end > g.countedEnd) g.countedEnd = end;
    add(profile, stack, end - Math.max(start, g.startTs));
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
      if (g != null) count(g, waitingStart.get(row), waitingEnd.get(row), waitingProfile.get(row), waitingStack.get(row));
    }
    for (GoroutinesTableBuilder.Goroutine g : goroutines.all()) {
      if (g.endTs != 0 && g.countedEnd > g.endTs) exact = false;
    }
  }

  /** False if a streamed interval may have been counted with a window that changed later. */
  boolean exact() { return exact; }

  /** Adds {@code other}'s sums to these. */
  void merge(ProfileSums other) {
    for (long k : other.sums.keys()) accumulate(sums, k, other.sums.get(k));
  }

  /**
   * The sums per (profile, profile_stack_id) packed as (profile, profile_stack_id + 1; 0 for NULL),
   * stacks mapped by {@code profileStacks} (stack id → profile_stack_id, 0 for none).
   */
  LongObjectMap<long[]> byProfileStack(int[] profileStacks) {
    LongObjectMap<long[]> out = new LongObjectMap<>();
    for (long k : sums.keys()) {
      int stack = (int) (k & 0xffff_ffffL) - 1;
      int canonical = stack == 0 ? 0 : profileStacks[stack];
      accumulate(out, (k & 0xffff_ffff_0000_0000L) | (canonical == 0 ? 0 : canonical + 1L), sums.get(k));
    }
    return out;
  }

  /** Adds the {count, delay} {@code sum} to {@code key}'s in {@code into}. */
  private static void accumulate(LongObjectMap<long[]> into, long key, long[] sum) {
    long[] total = into.computeIfAbsent(key, x -> new long[2]);
    total[0] += sum[0];
    total[1] += sum[1];
  }

  private void add(int profile, int stack, long delay) {
    if (delay <= 0) return;
    long[] sum = sums.computeIfAbsent(((long) profile << 32) | (stack + 1L), k -> new long[2]);
    sum[0]++;
    sum[1] += delay;
  }
}
