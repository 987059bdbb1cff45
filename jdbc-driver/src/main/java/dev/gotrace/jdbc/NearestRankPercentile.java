package dev.gotrace.jdbc;

import java.util.Arrays;

/**
 * SQL aggregate {@code percentile_nearest_rank(value, percent)}: the value at rank
 * ceil(percent / 100 * n) of the group's n non-NULL values in ascending order (the nearest-rank
 * percentile, which is what go tool trace's region and task pages show); NULL for an empty group.
 * One sort per group instead of a window over every row, which Calcite's row-at-a-time windows
 * make slow; Calcite's own PERCENTILE_DISC has no enumerable implementation.
 */
public final class NearestRankPercentile {
  /** The group's values so far, and the percent its first row asked for. */
  public static final class Values {
    long[] values = new long[16];
    int size;
    int percent = -1;
  }

  public Values init() { return new Values(); }

  public Values add(Values acc, Long value, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percentile_nearest_rank: percent must be within 0..100, not " + percent);
    }
    acc.percent = percent;
    if (value == null) return acc;
    if (acc.size == acc.values.length) acc.values = Arrays.copyOf(acc.values, acc.size * 2);
    acc.values[acc.size++] = value;
    return acc;
  }

  public Values merge(Values a, Values b) {
    for (int i = 0; i < b.size; i++) add(a, b.values[i], b.percent);
    return a;
  }

  public Long result(Values acc) {
    if (acc.size == 0) return null;
    Arrays.sort(acc.values, 0, acc.size);
    int rank = Math.max(1, (acc.percent * acc.size + 99) / 100);
    return acc.values[rank - 1];
  }
}
