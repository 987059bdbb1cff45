package dev.gotrace.core.analysis;

import java.util.Arrays;

/**
 * A step function of mutator utilization: value {@code util(i)} holds on [time(i), time(i+1)).
 * Grown with Go's {@code addUtil} rule: equal values are merged, and at an equal time the lower
 * value wins.
 */
public final class UtilSeries {
  private long[] times = new long[16];
  private double[] utils = new double[16];
  private int size;

  void add(long time, double util) {
    if (size > 0) {
      if (util == utils[size - 1]) return;
      if (time == times[size - 1]) {
        if (util < utils[size - 1]) utils[size - 1] = util;
        return;
      }
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      utils = Arrays.copyOf(utils, size * 2);
    }
    times[size] = time;
    utils[size] = util;
    size++;
  }

  /** Sets point {@code i}'s value; used by Go's start-of-trace fix-up for active ranges. */
  void set(int i, double util) { utils[i] = util; }

  public int size() { return size; }

  public long time(int i) { return times[i]; }

  public double util(int i) { return utils[i]; }
}
