package dev.gotrace.core.analysis;

import dev.gotrace.core.event.ReaderNames;
import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceDictionary;
import dev.gotrace.core.table.TraceTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * How much of the machine a trace used, per time bucket: goroutine-nanoseconds spent running,
 * runnable, blocked (waiting) and in syscalls (from goroutine_states), P-nanoseconds running (from
 * proc_states) and GOMAXPROCS-nanoseconds (from the GOMAXPROCS samples of metrics; the first value
 * holds from trace start). Open intervals last until trace end.
 */
public final class Parallelism {
  /** Buckets beyond this many are refused (a bucket width far too small for the trace). */
  public static final int MAX_BUCKETS = 10_000_000;

  /** One bucket [ts, ts + width); the last one ends at trace end. */
  public record Bucket(long ts, long width, long runningNs, long runnableNs, long blockedNs, long syscallNs,
      long runningPNs, long gomaxprocsNs) {}

  private static final String[] GOROUTINE_STATES = {"running", "runnable", "waiting", "syscall"};

  private final long width;
  private final long end;
  private final int buckets;
  /** Per series: the partial-bucket sums, and the difference array of whole buckets covered. */
  private final long[][] partial;
  private final long[][] whole;

  private Parallelism(long width, long end, int series) {
    this.width = width;
    this.end = end;
    long n = end <= 0 ? 0 : (end - 1) / width + 1;
    if (n > MAX_BUCKETS) {
      throw new IllegalArgumentException("parallelism: a bucket of " + width + " ns makes " + n
          + " buckets of this trace, more than " + MAX_BUCKETS + "; use a wider bucket");
    }
    buckets = (int) n;
    partial = new long[series][buckets];
    whole = new long[series][buckets + 1];
  }

  /** The buckets of {@code db}'s trace, {@code bucketNs} wide. */
  public static List<Bucket> compute(TraceDatabase db, long bucketNs) {
    if (bucketNs <= 0) throw new IllegalArgumentException("parallelism: bucket_ns must be > 0, got " + bucketNs);
    long end = (Long) db.table("trace_info").batches().get(0).getVector("duration_ns").getObject(0);
    Parallelism p = new Parallelism(bucketNs, end, 6);
    p.addStates(db.table("goroutine_states"), GOROUTINE_STATES, 0);
    p.addStates(db.table("proc_states"), new String[] {"running"}, 4);
    p.addGomaxprocs(db.table("metrics"), 5);
    return p.result();
  }

  /** Adds each row in state {@code names[i]} to series {@code first + i}. */
  private void addStates(TraceTable table, String[] names, int first) {
    int[] ids = new int[names.length];
    VarCharVector dictionary = dictionary(table);
    for (int i = 0; i < names.length; i++) ids[i] = find(dictionary, names[i]);
    for (VectorSchemaRoot b : table.batches()) {
      IntVector state = (IntVector) b.getVector("state");
      BigIntVector ts = (BigIntVector) b.getVector("ts");
      BigIntVector dur = (BigIntVector) b.getVector("dur");
      for (int row = 0; row < b.getRowCount(); row++) {
        int s = state.get(row);
        for (int i = 0; i < ids.length; i++) {
          if (s != ids[i]) continue;
          long start = ts.get(row);
          add(first + i, start, dur.isNull(row) ? end : start + dur.get(row), 1);
        }
      }
    }
  }

  private void addGomaxprocs(TraceTable metrics, int series) {
    int name = find(dictionary(metrics), ReaderNames.GOMAXPROCS);
    long from = 0;
    long value = -1;
    for (VectorSchemaRoot b : metrics.batches()) {
      IntVector names = (IntVector) b.getVector("name");
      BigIntVector ts = (BigIntVector) b.getVector("ts");
      BigIntVector values = (BigIntVector) b.getVector("metric_value");
      for (int row = 0; row < b.getRowCount(); row++) {
        if (names.get(row) != name) continue;
        long t = ts.get(row);
        if (value >= 0) add(series, from, t, value);
        from = value < 0 ? 0 : t;
        value = values.get(row);
      }
    }
    if (value >= 0) add(series, from, end, value);
  }

  /** Adds {@code weight} × the overlap of [start, stop) with each bucket to {@code series}. */
  private void add(int series, long start, long stop, long weight) {
    start = Math.max(0, start);
    stop = Math.min(end, stop);
    if (stop <= start) return;
    int first = (int) (start / width);
    int last = (int) ((stop - 1) / width);
    if (first == last) {
      partial[series][first] += weight * (stop - start);
      return;
    }
    partial[series][first] += weight * ((first + 1) * width - start);
    partial[series][last] += weight * (stop - last * width);
    whole[series][first + 1] += weight;
    whole[series][last] -= weight;
  }

  private List<Bucket> result() {
    List<Bucket> out = new ArrayList<>(buckets);
    long[] level = new long[partial.length];
    long[] ns = new long[partial.length];
    for (int i = 0; i < buckets; i++) {
      long ts = i * width;
      long w = Math.min(width, end - ts);
      for (int s = 0; s < partial.length; s++) {
        level[s] += whole[s][i];
        ns[s] = partial[s][i] + level[s] * w;
      }
      out.add(new Bucket(ts, w, ns[0], ns[1], ns[2], ns[3], ns[4], ns[5]));
    }
    return out;
  }

  private static VarCharVector dictionary(TraceTable table) {
    return (VarCharVector) table.dictionaries().lookup(TraceDictionary.ID).getVector();
  }

  private static int find(VarCharVector dictionary, String s) {
    byte[] want = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < dictionary.getValueCount(); i++) {
      if (Arrays.equals(dictionary.get(i), want)) return i;
    }
    return -1;
  }
}
