package dev.gotrace.core.read;

import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.util.LongIntMap;
import dev.gotrace.core.wire.EventSpecs;
import dev.gotrace.core.wire.EventType;

/**
 * Names the reader makes up rather than reads (Go's "stop-the-world (kind)" range names and the
 * experimental events' type names), interned while a generation is ordered (or a converted v1
 * event is fed): the publisher runs on another thread and must not write to the pool, and
 * interning here keeps the ids in the order a sequential reader gives them.
 */
final class DerivedNames {
  private final StringPool pool;
  private final LongIntMap stwNames = new LongIntMap();
  /** Per experimental type its name id, 0 until seen; read by the publisher after the hand-off. */
  private final int[] experimentalNames = new int[256];

  DerivedNames(StringPool pool) { this.pool = pool; }

  /** Rewrites what the publisher needs of {@code e}: a STW event's kind becomes its range name. */
  void prepare(StreamEvent e) {
    if (e.type == EventType.STW_BEGIN || e.type == EventType.STW_END) {
      e.args[0] = stwName((int) e.args[0]);
    } else if (e.type >= EventType.SPAN && e.type <= EventType.GOROUTINE_STACK_FREE
        && experimentalNames[e.type] == 0) {
      experimentalNames[e.type] = pool.intern(EventSpecs.get(e.type).name());
    }
  }

  int experimentalName(int type) { return experimentalNames[type]; }

  private int stwName(int kind) {
    int id = stwNames.get(kind);
    if (id == LongIntMap.MISSING) {
      id = pool.intern("stop-the-world (" + pool.get(kind) + ")");
      stwNames.put(kind, id);
    }
    return id;
  }
}
