package dev.gotrace.core.table;

import dev.gotrace.core.TestData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.PprofRawGolden;
import dev.gotrace.core.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every committed trace: blocking_intervals joined with goroutines, clipped as cmd/trace clips
 * them, give exactly the samples of {@code go tool trace -pprof=net|sync|syscall|sched}
 * (testdata/golden/go1.NN/PROG.pprof-TYPE.txt, {@code go tool pprof -raw} of Go 1.27's profiles),
 * compared per record (profile_stack_id, as the list of its PCs) by contentions and delay.
 */
class BlockingProfileGoldenTest extends ArrowTest {
  private static final List<String> PROFILES = List.of("net", "sync", "syscall", "sched");
  /** cmd/trace keys records by the first 128 PCs of a stack. */
  private static final int MAX_PCS = 128;

  @TestFactory Stream<DynamicTest> everyTraceMatchesGosBlockingProfiles() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      try (TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        List<String> problems = mismatches(db, trace.golden("x").getParent(), trace.program());
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " mismatches");
      }
    }));
  }

  /** Differences between our profiles of {@code db} and the goldens of {@code prog} in {@code dir}. */
  static List<String> mismatches(TraceDatabase db, Path dir, String prog) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Object> info = Rows.of(db.table("trace_info")).get(0);
    long noStart = -(Long) info.get("first_ts_abs"); // Go's StartTime 0 = absolute time 0
    long traceEnd = (Long) info.get("duration_ns");
    Map<Long, Map<String, Object>> goroutines = new HashMap<>();
    for (Map<String, Object> g : Rows.of(db.table("goroutines"))) goroutines.put((Long) g.get("goid"), g);
    Map<Long, List<Long>> stacks = new HashMap<>();
    for (Map<String, Object> f : Rows.of(db.table("stack_frames"))) {
      List<Long> pcs = stacks.computeIfAbsent((Long) f.get("stack_id"), k -> new ArrayList<>());
      if (pcs.size() < MAX_PCS) pcs.add((Long) f.get("pc"));
    }
    // Records per profile, grouped by profile_stack_id (null = no stack).
    Map<String, Map<Long, long[]>> records = new HashMap<>();
    for (String p : PROFILES) records.put(p, new HashMap<>());
    for (Map<String, Object> r : Rows.of(db.table("blocking_intervals"))) {
      if (r.get("profile") == null || r.get("dur") == null) continue;
      Map<String, Object> g = goroutines.get(r.get("goid"));
      long lo = g.get("start_ts") == null ? noStart : (Long) g.get("start_ts");
      long hi = g.get("end_ts") == null ? traceEnd : (Long) g.get("end_ts");
      long start = (Long) r.get("ts");
      long end = start + (Long) r.get("dur");
      long overlap = end < lo || hi < start ? 0 : Math.min(end, hi) - Math.max(start, lo);
      if (overlap <= 0) continue;
      long[] rec = records.get(r.get("profile")).computeIfAbsent((Long) r.get("profile_stack_id"), k -> new long[2]);
      rec[0]++;
      rec[1] += overlap;
    }
    Map<String, Map<String, long[]>> ours = new HashMap<>();
    for (String p : PROFILES) {
      Map<String, long[]> byKey = new TreeMap<>();
      for (Map.Entry<Long, long[]> e : records.get(p).entrySet()) {
        String key = key(e.getKey() == null ? List.of() : stacks.get(e.getKey()));
        if (byKey.put(key, e.getValue()) != null) problems.add(p + " [" + key + "]: two profile_stack_ids for one Go record");
      }
      ours.put(p, byKey);
    }
    for (String p : PROFILES) {
      Map<String, long[]> expected = readRaw(dir.resolve(prog + ".pprof-" + p + ".txt"));
      Map<String, long[]> actual = ours.get(p);
      for (String stack : expected.keySet()) {
        long[] e = expected.get(stack);
        long[] a = actual.getOrDefault(stack, new long[2]);
        if (e[0] != a[0] || e[1] != a[1]) {
          problems.add(p + " [" + stack + "]: Go " + e[0] + "/" + e[1] + ", ours " + a[0] + "/" + a[1]);
        }
      }
      for (String stack : actual.keySet()) {
        if (!expected.containsKey(stack)) {
          problems.add(p + " [" + stack + "]: not in Go's profile, ours " + actual.get(stack)[0] + "/" + actual.get(stack)[1]);
        }
      }
    }
    return problems;
  }

  /** Go's record key: the first 128 PCs, zero-padded, so trailing zero PCs do not count. */
  private static String key(List<Long> pcs) {
    int n = Math.min(pcs.size(), MAX_PCS);
    while (n > 0 && pcs.get(n - 1) == 0) n--;
    StringBuilder b = new StringBuilder();
    for (long pc : pcs.subList(0, n)) b.append(b.length() == 0 ? "" : " ").append(Long.toHexString(pc));
    return b.toString();
  }

  /** Samples of {@code go tool pprof -raw} output: stack (PCs) → {contentions, delay}. */
  static Map<String, long[]> readRaw(Path file) throws IOException {
    Map<String, long[]> samples = new HashMap<>();
    for (PprofRawGolden.Sample s : PprofRawGolden.read(file)) {
      long[] rec = samples.computeIfAbsent(key(s.pcs()), k -> new long[2]);
      rec[0] += s.contentions();
      rec[1] += s.delayNs();
    }
    return samples;
  }
}
