package dev.gotrace.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A map from {@code long} ids (goroutines, procs, threads, tasks) to state objects on a
 * {@link LongKeyTable}; no boxing on the per-event path. Null values are not stored (null means
 * absent).
 */
public final class LongObjectMap<V> extends LongKeyTable {
  private Object[] values = new Object[32];

  public LongObjectMap() { super(32); }

  public V get(long key) {
    int slot = find(key);
    return slot < 0 ? null : valueAt(slot);
  }

  public void put(long key, V value) {
    values[claim(key)] = value;
    growIfHalfFull();
  }

  /** Removes {@code key}; returns its value, or null if it had none. */
  public V remove(long key) {
    int slot = find(key);
    if (slot < 0) return null;
    V old = valueAt(slot);
    removeAt(slot);
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
    List<Long> out = new ArrayList<>(size());
    for (int i = 0; i < capacity(); i++) if (occupied(i)) out.add(keyAt(i));
    return out;
  }

  /** The values, in no particular order. */
  public List<V> values() {
    List<V> out = new ArrayList<>(size());
    for (int i = 0; i < capacity(); i++) if (occupied(i)) out.add(valueAt(i));
    return out;
  }

  /** The value in {@code slot}, null where the slot is free. */
  @SuppressWarnings("unchecked")
  public V valueAt(int slot) { return (V) values[slot]; }

  @Override
  void moveValues(int[] moved, int capacity) {
    Object[] old = values;
    values = new Object[capacity];
    for (int i = 0; i < moved.length; i++) if (moved[i] >= 0) values[moved[i]] = old[i];
  }

  @Override
  void moveValue(int from, int to) { values[to] = values[from]; }

  @Override
  void clearValue(int slot) { values[slot] = null; }
}
