package dev.gotrace.core.generation;

import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.util.LongIntMap;

/**
 * One generation's string table: generation-local ids mapped to trace-wide {@link StringPool} ids.
 * Id 0 always exists and is the empty string, as in Go's {@code dataTable}.
 */
public final class GenerationStrings {
  private final StringPool pool;
  private final LongIntMap ids = new LongIntMap();
  /** After {@link #compact}: ids as an array, when they are dense enough (Go's compactify). */
  private int[] dense;

  public GenerationStrings(StringPool pool) { this.pool = pool; }

  /**
   * Adds a string; returns null on success or Go's duplicate-id message (id 0 counts as present).
   */
  public String insert(long id, String value) {
    int existing = lookup(id);
    if (existing != LongIntMap.MISSING) {
      return "multiple strings with the same ID: id=" + Long.toUnsignedString(id) + ", new=" + value
          + ", existing=" + pool.get(existing);
    }
    ids.put(id, pool.intern(value));
    return null;
  }

  /** The pool id for a generation-local id, or {@link LongIntMap#MISSING}. */
  public int lookup(long id) {
    if (id == 0) return 0;
    if (dense != null) return id > 0 && id < dense.length ? dense[(int) id] : LongIntMap.MISSING;
    return ids.get(id);
  }

  /** Switches lookups to a plain array once the table is complete (ids are normally 1..n). */
  void compact() { dense = ids.toDense(2 * ids.size() + 64); }

  public StringPool pool() { return pool; }
}
