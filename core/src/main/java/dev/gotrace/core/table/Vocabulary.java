package dev.gotrace.core.table;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StringPool;

/**
 * String-pool ids of the small enumerations our tables print (event kinds, states, resource
 * kinds), interned once per trace so that they share the trace-wide dictionary.
 */
final class Vocabulary {
  private final StringPool strings;
  private final int[] kinds;
  private final int[] goStates;
  private final int[] procStates;
  private final int[] resources;

  Vocabulary(StringPool strings) {
    this.strings = strings;
    EventKind[] k = EventKind.values();
    kinds = new int[k.length];
    for (EventKind e : k) kinds[e.ordinal()] = strings.intern(e.goName());
    GoState[] g = GoState.values();
    goStates = new int[g.length];
    for (GoState s : g) goStates[s.ordinal()] = strings.intern(s.sqlName());
    ProcState[] p = ProcState.values();
    procStates = new int[p.length];
    for (ProcState s : p) procStates[s.ordinal()] = strings.intern(s.sqlName());
    ResourceKind[] r = ResourceKind.values();
    resources = new int[r.length];
    for (ResourceKind s : r) resources[s.ordinal()] = strings.intern(s.sqlName());
  }

  StringPool strings() { return strings; }

  int intern(String s) { return strings.intern(s); }

  /** Go's kind name, e.g. {@code StateTransition}. */
  int kind(EventKind kind) { return kinds[kind.ordinal()]; }

  /** Our name of a goroutine state ordinal, e.g. {@code running}. */
  int goState(int ordinal) { return goStates[ordinal]; }

  /** Our name of a proc state ordinal, e.g. {@code idle}. */
  int procState(int ordinal) { return procStates[ordinal]; }

  /** {@code global}, {@code goroutine}, {@code proc} or {@code thread}. */
  int resource(ResourceKind kind) { return resources[kind.ordinal()]; }
}
