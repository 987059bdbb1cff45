package dev.gotrace.core.analysis;

import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceDictionary;
import dev.gotrace.core.table.TraceTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Go's RelatedGoroutinesV2 (internal/trace/summary.go, the goroutines go tool trace's
 * goroutine-oriented timeline shows): a goroutine, the goroutines that ended one of its waits
 * (ran the transition out of waiting), and the goroutines that ended one of theirs. The edges are
 * the waiting rows of blocking_intervals that ended in some goroutine's context.
 */
public final class RelatedGoroutines {
  /** Per waiting goroutine, the goroutines that ended one of its waits. */
  private final Map<Long, Set<Long>> unblockers = new HashMap<>();

  private RelatedGoroutines(TraceTable intervals) {
    VarCharVector dictionary = (VarCharVector) intervals.dictionaries().lookup(TraceDictionary.ID).getVector();
    byte[] want = "waiting".getBytes(StandardCharsets.UTF_8);
    int waiting = -1;
    for (int i = 0; i < dictionary.getValueCount(); i++) if (Arrays.equals(dictionary.get(i), want)) waiting = i;
    for (VectorSchemaRoot b : intervals.batches()) {
      IntVector state = (IntVector) b.getVector("state");
      BigIntVector goid = (BigIntVector) b.getVector("goid");
      BigIntVector by = (BigIntVector) b.getVector("unblocked_by_goid");
      BigIntVector dur = (BigIntVector) b.getVector("dur");
      for (int row = 0; row < b.getRowCount(); row++) {
        if (state.get(row) != waiting || dur.isNull(row) || by.isNull(row)) continue;
        unblockers.computeIfAbsent(goid.get(row), g -> new HashSet<>()).add(by.get(row));
      }
    }
  }

  /** The edges of {@code db}'s trace, for any number of {@link #of} questions. */
  public static RelatedGoroutines index(TraceDatabase db) {
    return new RelatedGoroutines(db.table("blocking_intervals"));
  }

  /** The goroutines related to {@code goid}, each with its distance: 0 itself, 1 or 2 steps of unblocking. */
  public Map<Long, Integer> of(long goid) {
    Map<Long, Integer> related = new TreeMap<>();
    related.put(goid, 0);
    for (int depth = 1; depth <= 2; depth++) {
      for (long g : Set.copyOf(related.keySet())) {
        for (long u : unblockers.getOrDefault(g, Set.of())) related.putIfAbsent(u, depth);
      }
    }
    return related;
  }
}
