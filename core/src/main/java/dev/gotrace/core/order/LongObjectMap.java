package dev.gotrace.core.order;

/**
 * An open-addressing map from {@code long} ids (goroutines, procs, threads, tasks) to state
 * objects, with linear probing and backward-shift deletion; no boxing on the per-event path.
 */
final class LongObjectMap<V> {
  private long[] keys = new long[32];
  private Object[] values = new Object[32];
  private int size;
  private int shift = 64 - 5;

  private int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) return null;
      if (keys[i] == key) return (V) v;
    }
  }

  void put(long key, V value) {
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (values[i] == null) {
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

  void remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key);
    while (true) {
      if (values[i] == null) return;
      if (keys[i] == key) break;
      i = (i + 1) & mask;
    }
    // Backward-shift the following entries of the probe run into the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j]);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    values[hole] = null;
    size--;
  }

  int size() { return size; }

  /** Slot count, for iteration with {@link #valueAt} and {@link #keyAt}. */
  int capacity() { return keys.length; }

  @SuppressWarnings("unchecked")
  V valueAt(int slot) { return (V) values[slot]; }

  long keyAt(int slot) { return keys[slot]; }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    shift--;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) put(oldKeys[i], unchecked(oldValues[i]));
    }
  }

  @SuppressWarnings("unchecked")
  private V unchecked(Object o) { return (V) o; }
}
