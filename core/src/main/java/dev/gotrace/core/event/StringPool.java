package dev.gotrace.core.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trace-wide string interning: every string an event refers to (reasons, names, frames) gets one
 * id for the whole trace, so table builders can dictionary-encode without hashing again.
 * Id 0 is the empty string. Not thread-safe.
 */
public final class StringPool {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> strings = new ArrayList<>();

  public StringPool() {
    intern("");
  }

  public int intern(String s) {
    Integer id = ids.get(s);
    if (id != null) return id;
    int next = strings.size();
    strings.add(s);
    ids.put(s, next);
    return next;
  }

  public String get(int id) { return strings.get(id); }

  public int size() { return strings.size(); }
}
