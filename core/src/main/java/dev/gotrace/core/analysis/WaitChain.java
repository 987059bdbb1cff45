package dev.gotrace.core.analysis;

import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceDictionary;
import dev.gotrace.core.table.TraceTable;
import dev.gotrace.core.util.LongObjectMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a goroutine was waiting for, transitively: from a goroutine at a time, its wait in progress
 * then (or else its last wait that ended before), the goroutine that ended that wait, that
 * goroutine's last wait before it did so, and so on, over the waiting rows of blocking_intervals.
 * The walk stops at a wait nobody's goroutine ended (a timer, the network poller, the runtime) or
 * one still open at trace end. Times go back at every step after the first, so it ends.
 */
public final class WaitChain {
  /** One wait of the chain; {@code unblockedTs}, {@code unblockerGoid} and the stacks may be null. */
  public record Link(int depth, long goid, long blockedTs, Long unblockedTs, String reason, Long blockedStackId,
      Long unblockerGoid, Long unblockStackId) {}

  private final List<Columns> batches = new ArrayList<>();
  /** Per goroutine: its waiting rows (batch << 32 | row), in time order. */
  private final LongObjectMap<long[]> waits = new LongObjectMap<>();
  private final LongObjectMap<int[]> counts = new LongObjectMap<>();
  private final VarCharVector dictionary;

  private WaitChain(TraceTable intervals) {
    dictionary = (VarCharVector) intervals.dictionaries().lookup(TraceDictionary.ID).getVector();
    int waiting = find("waiting");
    for (VectorSchemaRoot b : intervals.batches()) {
      Columns c = new Columns(b);
      int batch = batches.size();
      batches.add(c);
      for (int row = 0; row < b.getRowCount(); row++) {
        if (c.state.get(row) != waiting) continue;
        long goid = c.goid.get(row);
        int[] n = counts.computeIfAbsent(goid, g -> new int[1]);
        long[] list = waits.computeIfAbsent(goid, g -> new long[4]);
        if (n[0] == list.length) waits.put(goid, list = Arrays.copyOf(list, list.length * 2));
        list[n[0]++] = (long) batch << 32 | row;
      }
    }
  }

  /** The chain from goroutine {@code goid} at {@code ts} (ns since trace start); empty if it never waited by then. */
  public static List<Link> walk(TraceDatabase db, long goid, long ts) {
    return new WaitChain(db.table("blocking_intervals")).from(goid, ts);
  }

  private List<Link> from(long goid, long ts) {
    List<Link> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long g = goid;
    long t = ts;
    while (true) {
      long ref = waitAt(g, t);
      if (ref < 0 || !seen.add(ref)) return chain;
      Columns c = batches.get((int) (ref >>> 32));
      int row = (int) ref;
      Long end = c.dur.isNull(row) ? null : c.ts.get(row) + c.dur.get(row);
      Long unblocker = end == null || c.unblockedBy.isNull(row) ? null : c.unblockedBy.get(row);
      chain.add(new Link(chain.size(), g, c.ts.get(row), end, string(c.reason.get(row)), id(c.stack, row),
          unblocker, id(c.unblockStack, row)));
      if (unblocker == null) return chain;
      g = unblocker;
      t = end;
    }
  }

  /** The wait of {@code goid} in progress at {@code t}, else its last one ended by then; -1 if none. */
  private long waitAt(long goid, long t) {
    long[] list = waits.get(goid);
    if (list == null) return -1;
    int n = counts.get(goid)[0];
    int lo = 0;
    int hi = n;
    while (lo < hi) { // first wait starting after t
      int mid = (lo + hi) >>> 1;
      if (start(list[mid]) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo == 0 ? -1 : list[lo - 1];
  }

  private long start(long ref) { return batches.get((int) (ref >>> 32)).ts.get((int) ref); }

  private static Long id(BigIntVector v, int row) { return v.isNull(row) ? null : v.get(row); }

  private String string(int id) { return new String(dictionary.get(id), StandardCharsets.UTF_8); }

  private int find(String s) {
    for (int i = 0; i < dictionary.getValueCount(); i++) if (string(i).equals(s)) return i;
    return -1;
  }

  /** The vectors of one batch of blocking_intervals that the walk reads. */
  private static final class Columns {
    final BigIntVector goid;
    final BigIntVector ts;
    final BigIntVector dur;
    final IntVector state;
    final IntVector reason;
    final BigIntVector stack;
    final BigIntVector unblockedBy;
    final BigIntVector unblockStack;

    Columns(VectorSchemaRoot b) {
      goid = (BigIntVector) b.getVector("goid");
      ts = (BigIntVector) b.getVector("ts");
      dur = (BigIntVector) b.getVector("dur");
      state = (IntVector) b.getVector("state");
      reason = (IntVector) b.getVector("reason");
      stack = (BigIntVector) b.getVector("stack_id");
      unblockedBy = (BigIntVector) b.getVector("unblocked_by_goid");
      unblockStack = (BigIntVector) b.getVector("unblock_stack_id");
    }
  }
}
