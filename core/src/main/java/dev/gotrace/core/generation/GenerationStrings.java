package dev.gotrace.core.generation;

import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.util.LongIntMap;
import java.util.Arrays;

/**
 * One generation's string table: generation-local ids mapped to trace-wide {@link StringPool} ids.
 * Id 0 always exists and is the empty string, as in Go's {@code dataTable}.
 */
public final class GenerationStrings {
  private final StringPool pool;
  private final LongIntMap ids = new LongIntMap();
  /**
   * Pool id by local id ({@link LongIntMap#MISSING}: absent) while the ids stay dense, as Go's
   * writer numbers them (1..n); null once one is not, then only {@link #ids} answers. Events are
   * resolved while their generation is still being read, before {@link #compact}, so lookups must
   * be cheap from the first string on.
   */
  private int[] dense = missing(new int[64], 0);

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
    int poolId = pool.intern(value);
    ids.put(id, poolId);
    // Dense while no id is past twice the count (so the array is at most about twice the table).
    if (dense != null && id > 0 && id < 2L * ids.size() + 64) {
      if (id >= dense.length) {
        int from = dense.length;
        dense = missing(Arrays.copyOf(dense, Math.max((int) id + 1, from * 2)), from);
      }
      dense[(int) id] = poolId;
    } else {
      dense = null;
    }
    return null;
  }

  /** The pool id for a generation-local id, or {@link LongIntMap#MISSING}. */
  public int lookup(long id) {
    if (id == 0) return 0;
    if (dense != null) return id > 0 && id < dense.length ? dense[(int) id] : LongIntMap.MISSING;
    return ids.get(id);
  }

  /** Once the table is complete: lookups from a plain array if its ids are dense enough (Go's compactify). */
  void compact() {
    if (dense == null) dense = ids.toDense(2 * ids.size() + 64);
  }

  /** {@code array} with its elements from {@code from} on set to {@link LongIntMap#MISSING}. */
  private static int[] missing(int[] array, int from) {
    Arrays.fill(array, from, array.length, LongIntMap.MISSING);
    return array;
  }

  public StringPool pool() { return pool; }
}
