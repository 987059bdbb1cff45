package dev.gotrace.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An open-addressing map from {@code long} ids (goroutines, procs, threads, tasks) to state
 * objects, with linear probing and backward-shift deletion; no boxing on the per-event path.
 * Null values are not stored (null means absent).
 */
public final class LongObjectMap<V> {
  private long[] keys = new long[32];
  private Object[] values = new Object[32];
  private int size;
  private int shift = 64 - 5;

  private int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); }

  @SuppressWarnings("unchecked")
  public V get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) return null;
      if (keys[i] == key) return (V) v;
    }
  }

  public void put(long key, V value) {
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

  /** Removes {@code key}; returns its value, or null if it had none. */
  public V remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key);
    while (true) {
      if (values[i] == null) return null;
      if (keys[i] == key) break;
      i = (i + 1) & mask;
    }
    V old = unchecked(values[i]);
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
    return old;
  }

  /** The value of {@code key}, created with {@code create} and stored if absent. */
  public V computeIfAbsent(long key, LongFunction<V> create) {
    V v = get(key);
    if (v == null) {
      v = create.apply(key);
      put(key, v);
    }
    return v;
  }

  /** The keys, in no particular order. */
  public List<Long> keys() {
    List<Long> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) if (values[i] != null) out.add(keys[i]);
    return out;
  }

  /** The values, in no particular order. */
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) if (values[i] != null) out.add(unchecked(values[i]));
    return out;
  }

  public int size() { return size; }

  /** Slot count, for iteration with {@link #valueAt} and {@link #keyAt}. */
  public int capacity() { return keys.length; }

  @SuppressWarnings("unchecked")
  public V valueAt(int slot) { return (V) values[slot]; }

  public long keyAt(int slot) { return keys[slot]; }

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
