package dev.gotrace.core.util;

import java.util.Arrays;

/**
 * The declared {@code int} specialisation of {@link LongObjectMap} on the same
 * {@link LongKeyTable}: the per-generation id tables (string ids, stack ids, PCs) are looked up
 * for every event, so their values stay unboxed.
 */
public final class LongIntMap extends LongKeyTable {
  /** Returned by {@link #get} for absent keys. */
  public static final int MISSING = Integer.MIN_VALUE;

  private int[] values = new int[16];

  public LongIntMap() { super(16); }

  /** The value for {@code key}, or {@link #MISSING}. */
  public int get(long key) {
    int slot = find(key);
    return slot < 0 ? MISSING : values[slot];
  }

  public boolean containsKey(long key) { return find(key) >= 0; }

  /** The value in occupied {@code slot} (see {@link #occupied}, {@link #keyAt}). */
  public int valueAt(int slot) { return values[slot]; }

  /** Sets {@code key} to {@code value}. */
  public void put(long key, int value) {
    values[claim(key)] = value;
    growIfHalfFull();
  }

  /** Removes {@code key}; returns its value, or {@link #MISSING} if it had none. */
  public int remove(long key) {
    int slot = find(key);
    if (slot < 0) return MISSING;
    int old = values[slot];
    removeAt(slot);
    return old;
  }

  /**
   * The map as an array indexed by key ({@link #MISSING} where absent), if every key is in
   * {@code [0, limit)}; otherwise null.
   */
  public int[] toDense(int limit) {
    long max = -1;
    for (int i = 0; i < capacity(); i++) {
      if (!occupied(i)) continue;
      if (keyAt(i) < 0 || keyAt(i) >= limit) return null;
      max = Math.max(max, keyAt(i));
    }
    int[] dense = new int[(int) max + 1];
    Arrays.fill(dense, MISSING);
    for (int i = 0; i < capacity(); i++) {
      if (occupied(i)) dense[(int) keyAt(i)] = values[i];
    }
    return dense;
  }

  @Override
  void moveValues(int[] moved, int capacity) {
    int[] old = values;
    values = new int[capacity];
    for (int i = 0; i < moved.length; i++) if (moved[i] >= 0) values[moved[i]] = old[i];
  }

  @Override
  void moveValue(int from, int to) { values[to] = values[from]; }

  @Override
  void clearValue(int slot) {}
}
