package dev.gotrace.cli.timeline;

import java.util.Arrays;
import java.util.List;

/**
 * How many goroutines are in each state at evenly spaced instants of a window, from their state
 * intervals in any order: each interval adds one to the instants it covers through a difference
 * array, so memory is one array per state whatever the number of intervals.
 */
public final class StateCounts {
  public static final List<String> STATES = List.of("running", "runnable", "waiting", "syscall");

  private final long[] instants;
  private final long[][] diffs = new long[STATES.size()][];

  public StateCounts(TimeWindow window, int samples) {
    instants = new long[samples + 1];
    long span = window.to() - window.from();
    for (int k = 0; k <= samples; k++) {
      // floor(k * span / samples) without overflowing.
      instants[k] = window.from() + span / samples * k + span % samples * k / samples;
    }
    for (int s = 0; s < diffs.length; s++) diffs[s] = new long[samples + 2];
  }

  /** Counts a goroutine in {@code state} at every instant t with start <= t < end. */
  public void add(String state, long start, long end) {
    int s = STATES.indexOf(state);
    if (s < 0) return;
    int first = firstAtOrAfter(start);
    int last = firstAtOrAfter(end) - 1;
    if (first > last) return;
    diffs[s][first]++;
    diffs[s][last + 1]--;
  }

  public int size() {
    return instants.length;
  }

  public long instant(int k) {
    return instants[k];
  }

  /** counts[k][s]: the number of goroutines in state {@code STATES.get(s)} at instant k. */
  public long[][] counts() {
    long[][] counts = new long[instants.length][diffs.length];
    for (int s = 0; s < diffs.length; s++) {
      long sum = 0;
      for (int k = 0; k < instants.length; k++) counts[k][s] = sum += diffs[s][k];
    }
    return counts;
  }

  private int firstAtOrAfter(long t) {
    int i = Arrays.binarySearch(instants, t);
    if (i < 0) return -i - 1;
    while (i > 0 && instants[i - 1] == t) i--;
    return i;
  }
}
