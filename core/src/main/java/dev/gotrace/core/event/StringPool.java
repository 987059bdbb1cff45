package dev.gotrace.core.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Trace-wide string interning: every string an event refers to (reasons, names, frames) gets one
 * id for the whole trace, so table builders can dictionary-encode without hashing again.
 * Id 0 is the empty string. One thread interns; others may read the ids it handed them
 * (the array is republished through a volatile field whenever it grows).
 */
public final class StringPool {
  private final Map<String, Integer> ids = new HashMap<>();
  private volatile String[] strings = new String[1024];
  private int size;

  public StringPool() {
    intern("");
  }

  public int intern(String s) {
    Integer id = ids.get(s);
    if (id != null) return id;
    int next = size;
    String[] a = strings;
    if (next == a.length) a = Arrays.copyOf(a, next * 2);
    a[next] = s;
    strings = a;
    size = next + 1;
    ids.put(s, next);
    return next;
  }

  public String get(int id) {
    if (id >= size) throw new IndexOutOfBoundsException("string id " + id + " of " + size);
    return strings[id];
  }

  public int size() { return size; }
}
