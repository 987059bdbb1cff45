package dev.gotrace.core.generation;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values with no boxing, for the
 * per-generation id tables (string ids, stack ids, PCs).
 */
public final class LongIntMap {
  /** Returned by {@link #get} for absent keys. */
  public static final int MISSING = Integer.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private int shift;

  public LongIntMap() { allocate(16); }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
    used = new boolean[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); }

  /** The value for {@code key}, or {@link #MISSING}. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (!used[i]) return MISSING;
      if (keys[i] == key) return values[i];
    }
  }

  public boolean containsKey(long key) { return get(key) != MISSING; }

  /** Sets {@code key} to {@code value}. */
  public void put(long key, int value) {
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) grow();
        return;
      }
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
    }
  }

  public int size() { return size; }

  /**
   * The map as an array indexed by key ({@link #MISSING} where absent), if every key is in
   * {@code [0, limit)}; otherwise null.
   */
  public int[] toDense(int limit) {
    long max = -1;
    for (int i = 0; i < keys.length; i++) {
      if (!used[i]) continue;
      if (keys[i] < 0 || keys[i] >= limit) return null;
      max = Math.max(max, keys[i]);
    }
    int[] dense = new int[(int) max + 1];
    Arrays.fill(dense, MISSING);
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) dense[(int) keys[i]] = values[i];
    }
    return dense;
  }

  public void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    allocate(keys.length * 2);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) put(oldKeys[i], oldValues[i]);
    }
  }
}
