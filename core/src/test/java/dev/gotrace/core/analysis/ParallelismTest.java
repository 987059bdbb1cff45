package dev.gotrace.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.table.Rows;
import dev.gotrace.core.table.TraceDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * On every committed trace, each bucket of parallelism holds exactly the overlap of every
 * goroutine_states row (by state), every running proc_states row and every GOMAXPROCS sample's span
 * with it, recomputed here row by row; so the buckets also sum to the tables' totals.
 */
class ParallelismTest {
  private static final String[] STATES = {"running", "runnable", "waiting", "syscall"};

  @TestFactory Stream<DynamicTest> bucketsHoldTheOverlapOfEveryInterval() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (RootAllocator allocator = new RootAllocator();
          TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        long end = (Long) Rows.of(db.table("trace_info")).get(0).get("duration_ns");
        long width = end / 7 + 1; // 7 or 8 buckets, the last one shorter
        List<Parallelism.Bucket> buckets = Parallelism.compute(db, width);
        assertEquals((end - 1) / width + 1, buckets.size());
        List<Map<String, Object>> states = Rows.of(db.table("goroutine_states"));
        List<Map<String, Object>> procs = Rows.of(db.table("proc_states"));
        List<Map<String, Object>> metrics = Rows.of(db.table("metrics"));
        for (Parallelism.Bucket b : buckets) {
          long lo = b.ts();
          long hi = b.ts() + b.width();
          long[] want = new long[4];
          for (Map<String, Object> r : states) {
            for (int s = 0; s < STATES.length; s++) {
              if (r.get("state").equals(STATES[s])) want[s] += overlap(r, lo, hi, end);
            }
          }
          long runningProcs = 0;
          for (Map<String, Object> r : procs) if (r.get("state").equals("running")) runningProcs += overlap(r, lo, hi, end);
          String at = trace + " bucket at " + lo;
          assertEquals(List.of(want[0], want[1], want[2], want[3], runningProcs, gomaxprocs(metrics, lo, hi, end)),
              List.of(b.runningNs(), b.runnableNs(), b.blockedNs(), b.syscallNs(), b.runningPNs(), b.gomaxprocsNs()), at);
        }
        assertEquals(end, buckets.get(buckets.size() - 1).ts() + buckets.get(buckets.size() - 1).width());
      }
    }));
  }

  @Test void aBucketTooSmallForTheTraceIsRefused() throws Exception {
    TestData.Trace trace = TestData.v2Traces().stream().filter(t -> t.toString().equals("go1.27/mix")).findFirst()
        .orElseThrow(); // 1.3 s: 1.3 billion buckets of 1 ns
    try (RootAllocator allocator = new RootAllocator();
        TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
      assertThrows(IllegalArgumentException.class, () -> Parallelism.compute(db, 0));
      assertThrows(IllegalArgumentException.class, () -> Parallelism.compute(db, 1));
    }
  }

  private static long overlap(Map<String, Object> row, long lo, long hi, long end) {
    long ts = (Long) row.get("ts");
    long stop = row.get("dur") == null ? end : ts + (Long) row.get("dur");
    return Math.max(0, Math.min(stop, hi) - Math.max(ts, lo));
  }

  /** GOMAXPROCS-ns in [lo, hi): each sample holds until the next, the first from trace start. */
  private static long gomaxprocs(List<Map<String, Object>> metrics, long lo, long hi, long end) {
    List<Map<String, Object>> samples = metrics.stream().filter(m -> m.get("name").equals("/sched/gomaxprocs:threads")).toList();
    long sum = 0;
    for (int i = 0; i < samples.size(); i++) {
      long from = i == 0 ? 0 : (Long) samples.get(i).get("ts");
      long to = i + 1 < samples.size() ? (Long) samples.get(i + 1).get("ts") : end;
      sum += (Long) samples.get(i).get("metric_value") * Math.max(0, Math.min(to, hi) - Math.max(from, lo));
    }
    return sum;
  }
}
