package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.Problems.check;
import static dev.gotrace.jdbc.golden.Problems.sameMultiset;
import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.core.PprofRawGolden;
import dev.gotrace.jdbc.golden.StwRangesGolden;
import dev.gotrace.jdbc.golden.SummaryGolden;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * For every committed trace (Go 1.19, 1.21 and 1.22–1.27), through {@code jdbc:gotrace:} and SQL only, the shipped views equal
 * what Go's own tools compute on the same file (goldens in testdata/golden/go1.NN/):
 * the four profile views equal {@code go tool trace -pprof=TYPE} sample by sample; goroutine_analysis,
 * goroutine_block_time and goroutine_groups equal Go 1.27's goroutine summary (PROG.summary.json);
 * region_summary, region_frame_summary and task_summary equal what go tool trace's user region and task pages compute from
 * that summary; gc_pauses equals the stop-the-world ranges of {@code go tool trace -d=parsed}.
 * Traces run concurrently (one connection each): planning the views dominates the time.
 */
@Execution(ExecutionMode.CONCURRENT)
class ViewsGoldenTest {
  private static final List<String> PROFILES = List.of("net", "sync", "syscall", "sched");
  private static final Map<String, String> PROFILE_VIEWS = Map.of("net", "net_blocking_profile",
      "sync", "sync_blocking_profile", "syscall", "syscall_blocking_profile", "sched", "sched_latency_profile");
  /** cmd/trace keeps the first 128 frames of a record's stack. */
  private static final int MAX_FRAMES = 128;

  @TestFactory
  Stream<DynamicTest> everyViewEqualsGoOnEveryTrace() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode summary = new ObjectMapper().readTree(trace.golden("summary.json").toFile());
      List<String> problems = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        Map<String, Object> info = query(c, "SELECT first_ts_abs, duration_ns FROM trace_info").get(0);
        long origin = asLong(info.get("first_ts_abs"));
        Map<Long, List<Map<String, Object>>> frames = frames(c);
        for (String profile : PROFILES) {
          checkProfile(problems, c, profile, PprofRawGolden.read(trace.golden("pprof-" + profile + ".txt")), frames);
        }
        checkGoroutineAnalysis(problems, c, summary, origin);
        checkBlockTime(problems, c, summary);
        checkGroups(problems, c, summary);
        checkRegions(problems, c, summary);
        checkRegionFrames(problems, c, summary);
        checkTasks(problems, c, summary);
        checkPauses(problems, c, StwRangesGolden.read(trace.golden("parsed.txt.gz")), origin);
      }
      assertEquals(List.of(), problems.subList(0, Math.min(30, problems.size())), problems.size() + " mismatches");
    }));
  }

  /**
   * Same multiset of stacks (function file:line, leaf first) with the same contentions and delay per
   * stack. The view's stack_id is joined to {@code frames} (stack_frames by stack_id, in depth order).
   */
  private static void checkProfile(List<String> problems, Connection c, String profile, List<PprofRawGolden.Sample> golden,
      Map<Long, List<Map<String, Object>>> frames) throws SQLException {
    List<String> expected = new ArrayList<>();
    for (PprofRawGolden.Sample s : golden) expected.add(s.frames() + " " + s.contentions() + "/" + s.delayNs());
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT stack_id, contentions, delay_ns FROM " + PROFILE_VIEWS.get(profile))) {
      List<Map<String, Object>> stack = row.get("stack_id") == null ? List.of() : frames.get(asLong(row.get("stack_id")));
      List<String> names = new ArrayList<>();
      List<Long> pcs = new ArrayList<>();
      for (Map<String, Object> f : stack.subList(0, Math.min(MAX_FRAMES, stack.size()))) {
        names.add(f.get("function_name") + " " + f.get("file") + ":" + f.get("line"));
        pcs.add(asLong(f.get("pc")));
      }
      actual.add(trimmed(names, pcs) + " " + row.get("contentions") + "/" + row.get("delay_ns"));
    }
    sameMultiset(problems, profile + " profile", expected, actual);
  }

  /** stack_frames by stack_id, each stack's frames leaf first. */
  private static Map<Long, List<Map<String, Object>>> frames(Connection c) throws SQLException {
    Map<Long, List<Map<String, Object>>> stacks = new HashMap<>();
    for (Map<String, Object> f : query(c, "SELECT stack_id, depth, pc, function_name, file, line FROM stack_frames"
        + " ORDER BY stack_id, depth")) {
      stacks.computeIfAbsent(asLong(f.get("stack_id")), k -> new ArrayList<>()).add(f);
    }
    return stacks;
  }

  /** {@code frames} without trailing PC-0 frames, which Go's record key ignores (as {@link PprofRawGolden} drops them). */
  private static List<String> trimmed(List<String> frames, List<Long> pcs) {
    int n = frames.size();
    while (n > 0 && pcs.get(n - 1) == 0) n--;
    return frames.subList(0, n);
  }

  /** Every goroutine of Go's summary, every field, to the nanosecond; no other goroutine. */
  private static void checkGoroutineAnalysis(List<String> problems, Connection c, JsonNode summary, long origin)
      throws SQLException {
    Map<Long, Map<String, Object>> ours = new TreeMap<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM goroutine_analysis")) {
      if (ours.put(asLong(row.get("goid")), row) != null) problems.add("goroutine_analysis: goid " + row.get("goid") + " twice");
    }
    List<Long> goIds = new ArrayList<>();
    for (JsonNode g : summary.get("goroutines")) {
      long id = g.get("id").asLong();
      goIds.add(id);
      Map<String, Object> row = ours.get(id);
      if (row == null) continue;
      String at = "goroutine_analysis " + id + " ";
      check(problems, at + "name", g.get("name").asText(), row.get("name"));
      check(problems, at + "create_ts", g.get("creation_time").asLong(), origin + asLong(row.get("create_ts")));
      check(problems, at + "start_ts", g.get("start_time").asLong(), absoluteOrZero(row.get("start_ts"), origin));
      check(problems, at + "end_ts", g.get("end_time").asLong(), absoluteOrZero(row.get("end_ts"), origin));
      check(problems, at + "total_ns", g.get("total_time").asLong(), asLong(row.get("total_ns")));
      check(problems, at + "exec_ns", g.get("exec_time").asLong(), asLong(row.get("exec_ns")));
      check(problems, at + "sched_wait_ns", g.get("sched_wait_time").asLong(), asLong(row.get("sched_wait_ns")));
      check(problems, at + "syscall_ns", g.get("syscall_time").asLong(), asLong(row.get("syscall_ns")));
      check(problems, at + "syscall_block_ns", g.get("syscall_block_time").asLong(), asLong(row.get("syscall_block_ns")));
      long block = 0;
      for (JsonNode ns : g.get("block_time_by_reason")) block += ns.asLong();
      check(problems, at + "block_ns", block, asLong(row.get("block_ns")));
      check(problems, at + "unknown_ns", g.get("non_overlapping").get("Unknown time").asLong(), asLong(row.get("unknown_ns")));
    }
    check(problems, "goroutine_analysis goids", goIds, new ArrayList<>(ours.keySet()));
  }

  /**
   * Per goroutine, Go's BlockTimeByReason, compared as whole maps with zero entries included: Go keeps
   * a key once a wait with that reason ended or was open at the end, even at 0 ns, and the view has a
   * row per reason with at least one waiting interval, so both sides list the same reasons. (The
   * committed goldens hold no goroutine with a 0-ns reason, so that case is not exercised here.)
   */
  private static void checkBlockTime(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    List<String> expected = new ArrayList<>();
    for (JsonNode g : summary.get("goroutines")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = g.get("block_time_by_reason").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        expected.add(g.get("id").asLong() + " '" + e.getKey() + "' " + e.getValue().asLong());
      }
    }
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT goid, reason, block_ns FROM goroutine_block_time")) {
      actual.add(row.get("goid") + " '" + row.get("reason") + "' " + row.get("block_ns"));
    }
    sameMultiset(problems, "goroutine_block_time", expected, actual);
  }

  /** go tool trace's /goroutines groups: name, count, exec time, and the percentage as Go prints it. */
  private static void checkGroups(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    List<String> expected = new ArrayList<>();
    for (JsonNode g : summary.get("goroutine_groups")) {
      expected.add("'" + g.get("name").asText() + "' " + g.get("goroutines").asLong() + " " + g.get("exec_time").asLong()
          + " " + g.get("exec_pct").asText());
    }
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT name, goroutines, exec_ns, exec_pct FROM goroutine_groups")) {
      Double pct = (Double) row.get("exec_pct");
      // Go: fmt.Sprintf("%.2f%%", x), correctly rounded from the exact binary value.
      String printed = pct == null ? "" : new BigDecimal(pct).setScale(2, RoundingMode.HALF_EVEN) + "%";
      actual.add("'" + row.get("name") + "' " + row.get("goroutines") + " " + row.get("exec_ns") + " " + printed);
    }
    sameMultiset(problems, "goroutine_groups", expected, actual);
  }

  /**
   * /userregions from Go's summary: every region of every goroutine summary, duration
   * [start or trace start, end or trace end], per name: count, sum, nearest-rank p50/p99, max.
   */
  private static void checkRegions(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    Map<String, List<Long>> durations = SummaryGolden.regionDurations(summary, r -> r.get("name").asText());
    List<String> expected = new ArrayList<>();
    durations.forEach((name, ds) -> expected.add(stats(name, ds.size(), ds)));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM region_summary")) {
      actual.add("'" + row.get("name") + "' " + row.get("regions") + " " + row.get("total_ns") + " "
          + row.get("p50_ns") + " " + row.get("p99_ns") + " " + row.get("max_ns"));
    }
    sameMultiset(problems, "region_summary", expected, actual);
  }

  /**
   * /userregions rows exactly: regions grouped by (name, outermost frame of the start stack) as
   * cmd/trace's regionFingerprint keys them; Go's zero frame (no start stack) is our NULL frame.
   */
  private static void checkRegionFrames(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    Map<String, List<Long>> durations = SummaryGolden.regionDurations(summary, r -> r.get("name").asText() + "' "
        + (r.get("frame_pc").asLong() == 0 ? "null@null" : r.get("frame_func").asText() + "@" + r.get("frame_pc").asLong()));
    List<String> expected = new ArrayList<>();
    durations.forEach((key, ds) -> expected.add(stats(key, ds.size(), ds)));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM region_frame_summary")) {
      actual.add("'" + row.get("name") + "' " + row.get("frame_function") + "@" + row.get("frame_pc") + "' "
          + row.get("regions") + " " + row.get("total_ns") + " " + row.get("p50_ns") + " " + row.get("p99_ns") + " "
          + row.get("max_ns"));
    }
    sameMultiset(problems, "region_frame_summary", expected, actual);
  }

  /** /usertasks from Go's summary: per name, all tasks counted, durations over complete tasks only. */
  private static void checkTasks(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    List<String> expected = new ArrayList<>();
    SummaryGolden.tasksByName(summary).forEach((name, t) -> expected.add(
        stats(name, t.count(), t.completeDurations()) + " complete=" + t.completeDurations().size()));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM task_summary")) {
      actual.add("'" + row.get("name") + "' " + row.get("tasks") + " " + row.get("total_ns") + " " + row.get("p50_ns")
          + " " + row.get("p99_ns") + " " + row.get("max_ns") + " complete=" + row.get("complete_tasks"));
    }
    sameMultiset(problems, "task_summary", expected, actual);
  }

  /** "'name' count sum p50 p99 max", percentiles nearest rank (rank ceil(p·n)); "null" for no durations. */
  private static String stats(String name, long count, List<Long> durations) {
    List<Long> sorted = new ArrayList<>(durations);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0) return "'" + name + "' " + count + " null null null null";
    long sum = sorted.stream().mapToLong(Long::longValue).sum();
    long p50 = sorted.get((int) Math.ceil(0.5 * n) - 1);
    long p99 = sorted.get((int) Math.ceil(0.99 * n) - 1);
    return "'" + name + "' " + count + " " + sum + " " + p50 + " " + p99 + " " + sorted.get(n - 1);
  }

  /** gc_pauses = the stop-the-world ranges: start, end, kind. */
  private static void checkPauses(List<String> problems, Connection c, List<StwRangesGolden.Pause> golden, long origin)
      throws SQLException {
    List<String> expected = new ArrayList<>();
    for (StwRangesGolden.Pause p : golden) {
      expected.add(p.begin() + ".." + p.end() + " " + p.kind() + " gc=" + p.kind().contains("GC"));
    }
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT ts, dur, kind, is_gc FROM gc_pauses")) {
      long ts = asLong(row.get("ts"));
      Long dur = asLong(row.get("dur"));
      actual.add((origin + ts) + ".." + (dur == null ? null : origin + ts + dur) + " " + row.get("kind") + " gc=" + row.get("is_gc"));
    }
    sameMultiset(problems, "gc_pauses", expected, actual);
  }

  private static long absoluteOrZero(Object relative, long origin) {
    return relative == null ? 0 : origin + asLong(relative);
  }
}
