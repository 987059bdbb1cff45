package dev.gotrace.core.util;

/**
 * The one open-addressing table of the long-keyed maps: Fibonacci hashing into a power-of-two
 * table, linear probing, doubled when more than half full, backward-shift deletion. Subclasses
 * keep their values in a parallel array of their own element type, so lookups box nothing:
 * {@link LongObjectMap} for objects and {@link LongIntMap}, its declared {@code int}
 * specialisation for the decoder's id tables.
 */
abstract class LongKeyTable {
  private long[] keys;
  private boolean[] used;
  private int size;
  private int shift;

  LongKeyTable(int capacity) { allocate(capacity); }

  private void allocate(int capacity) {
    keys = new long[capacity];
    used = new boolean[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private int home(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); }

  /** The slot holding {@code key}, or -1. */
  final int find(long key) {
    int mask = keys.length - 1;
    for (int i = home(key); ; i = (i + 1) & mask) {
      if (!used[i]) return -1;
      if (keys[i] == key) return i;
    }
  }

  /** The slot of {@code key}, claimed if absent; call {@link #growIfHalfFull} once its value is stored. */
  final int claim(long key) {
    int mask = keys.length - 1;
    for (int i = home(key); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        size++;
        return i;
      }
      if (keys[i] == key) return i;
    }
  }

  final void growIfHalfFull() {
    if (size * 2 <= keys.length) return;
    long[] oldKeys = keys;
    boolean[] oldUsed = used;
    allocate(oldKeys.length * 2);
    size = 0;
    int[] moved = new int[oldKeys.length];
    for (int i = 0; i < oldKeys.length; i++) moved[i] = oldUsed[i] ? claim(oldKeys[i]) : -1;
    moveValues(moved, keys.length);
  }

  /** Frees {@code slot}, shifting the rest of its probe run back so lookups still find them. */
  final void removeAt(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    for (int j = (hole + 1) & mask; used[j]; j = (j + 1) & mask) {
      int home = home(keys[j]);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = keys[j];
        moveValue(j, hole);
        hole = j;
      }
    }
    used[hole] = false;
    clearValue(hole);
    size--;
  }

  /** Re-homes the values after a resize to {@code capacity}: old slot {@code i} moved to {@code moved[i]} (-1: empty). */
  abstract void moveValues(int[] moved, int capacity);

  /** Moves the value of slot {@code from} to slot {@code to} (a backward shift). */
  abstract void moveValue(int from, int to);

  /** Forgets the value of a freed slot. */
  abstract void clearValue(int slot);

  public final int size() { return size; }

  /** Slot count, for iteration with {@link #occupied} and {@link #keyAt}. */
  public final int capacity() { return keys.length; }

  public final boolean occupied(int slot) { return used[slot]; }

  public final long keyAt(int slot) { return keys[slot]; }
}
