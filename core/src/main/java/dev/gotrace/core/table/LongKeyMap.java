package dev.gotrace.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A map from long ids (goroutine, proc, thread ids) to objects without boxing the keys: open
 * addressing with linear probing, looked up once or more per event by several builders.
 */
final class LongKeyMap<V> {
  private long[] keys = new long[64];
  private Object[] vals = new Object[64];
  private boolean[] used = new boolean[64];
  private int size;

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) return (V) vals[i];
    }
    return null;
  }

  V computeIfAbsent(long key, LongFunction<V> create) {
    V v = get(key);
    if (v == null) {
      v = create.apply(key);
      put(key, v);
    }
    return v;
  }

  void put(long key, V value) {
    if ((size + 1) * 2 > keys.length) grow();
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i]) {
      if (keys[i] == key) {
        vals[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    vals[i] = value;
    size++;
  }

  /** Removes {@code key}; returns its value or null. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i] && keys[i] != key) i = (i + 1) & mask;
    if (!used[i]) return null;
    V old = (V) vals[i];
    used[i] = false;
    vals[i] = null;
    size--;
    // Re-insert the rest of the probe run so later lookups do not stop at the hole.
    for (int j = (i + 1) & mask; used[j]; j = (j + 1) & mask) {
      long k = keys[j];
      Object v = vals[j];
      used[j] = false;
      vals[j] = null;
      size--;
      putRaw(k, v);
    }
    return old;
  }

  int size() { return size; }

  /** The keys, in no particular order. */
  List<Long> keys() {
    List<Long> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) if (used[i]) out.add(keys[i]);
    return out;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) if (used[i]) out.add((V) vals[i]);
    return out;
  }

  private void putRaw(long key, Object value) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i]) i = (i + 1) & mask;
    used[i] = true;
    keys[i] = key;
    vals[i] = value;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldVals = vals;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    vals = new Object[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) if (oldUsed[i]) putRaw(oldKeys[i], oldVals[i]);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
