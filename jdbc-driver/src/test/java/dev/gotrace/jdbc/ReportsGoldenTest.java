package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.Problems.check;
import static dev.gotrace.jdbc.golden.Problems.sameMultiset;
import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.jdbc.golden.ParsedFacts;
import dev.gotrace.core.PprofRawGolden;
import dev.gotrace.jdbc.golden.StwRangesGolden;
import dev.gotrace.jdbc.golden.SummaryGolden;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The canned reports (queries/reports/, views report_NAME) on every committed Go 1.27 trace equal what
 * Go's own tools say about the same file: {@code go tool trace -d=parsed} (Sync times, mark phases,
 * stop-the-world ranges, goroutine transitions), Go 1.27's goroutine summary (summary.json), the
 * {@code go tool pprof -raw} renderings of {@code go tool trace -pprof=TYPE} and Go's MMU (mmu.json).
 * Also: every report's header documents exactly its columns, and only report_gc (whose MMU replays the
 * events) builds {@code events}.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReportsGoldenTest {
  private static final Map<String, String> TOP_PROFILES = Map.of("top_sync", "sync", "top_net", "net",
      "top_syscall", "syscall");
  /** go tool trace's default MMU flags, as mmu.json names them. */
  private static final String DEFAULT_MMU_FLAGS = "stw|assist|background";

  private static Stream<TestData.Trace> traces() {
    return TestData.v2Traces().stream().filter(t -> t.version().equals("go1.27"));
  }

  @TestFactory
  Stream<DynamicTest> everyReportEqualsGoOnEveryGo127Trace() {
    return traces().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode summary = new ObjectMapper().readTree(trace.golden("summary.json").toFile());
      ParsedFacts.Contents parsed = ParsedFacts.read(trace.golden("parsed.txt.gz"));
      List<StwRangesGolden.Pause> pauses = StwRangesGolden.read(trace.golden("parsed.txt.gz"));
      List<String> problems = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        checkSummary(problems, c, summary, parsed, pauses);
        checkLeaks(problems, c, summary, parsed);
        for (Map.Entry<String, String> top : TOP_PROFILES.entrySet()) {
          checkTop(problems, c, top.getKey(), PprofRawGolden.read(trace.golden("pprof-" + top.getValue() + ".txt")));
        }
        checkSchedLatency(problems, c, summary, parsed);
        checkGc(problems, c, parsed, pauses, new ObjectMapper().readTree(trace.golden("mmu.json").toFile()));
        checkRegions(problems, c, summary);
        checkTasks(problems, c, summary);
      }
      assertEquals(List.of(), problems.subList(0, Math.min(30, problems.size())), problems.size() + " mismatches");
    }));
  }

  /** The span and generations from the Sync events, counts from the summary, pauses from the STW ranges. */
  private static void checkSummary(List<String> problems, Connection c, JsonNode summary, ParsedFacts.Contents parsed,
      List<StwRangesGolden.Pause> pauses) throws SQLException {
    List<Map<String, Object>> rows = query(c, "SELECT * FROM report_summary");
    check(problems, "summary rows", 1, rows.size());
    Map<String, Object> row = rows.get(0);
    List<Long> syncs = parsed.syncTimes();
    check(problems, "summary duration_ns", syncs.get(syncs.size() - 1) - syncs.get(0), asLong(row.get("duration_ns")));
    check(problems, "summary generations", (long) syncs.size() - 1, asLong(row.get("generations")));
    long alive = 0;
    Map<String, Long> byReason = new TreeMap<>();
    for (JsonNode g : summary.get("goroutines")) {
      if (g.get("end_time").asLong() == 0) alive++;
      for (Iterator<Map.Entry<String, JsonNode>> it = g.get("block_time_by_reason").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        byReason.merge(e.getKey(), e.getValue().asLong(), Long::sum);
      }
    }
    check(problems, "summary goroutines", (long) summary.get("goroutines").size(), asLong(row.get("goroutines")));
    check(problems, "summary goroutines_alive_at_end", alive, asLong(row.get("goroutines_alive_at_end")));
    check(problems, "summary gc_cycles", (long) parsed.markPhases(), asLong(row.get("gc_cycles")));
    List<Long> durations = closedDurations(pauses, p -> true);
    check(problems, "summary stw_pauses", (long) pauses.size(), asLong(row.get("stw_pauses")));
    check(problems, "summary stw_total_ns", durations.stream().mapToLong(Long::longValue).sum(),
        asLong(row.get("stw_total_ns")));
    check(problems, "summary stw_max_ns", durations.isEmpty() ? null : Collections.max(durations),
        asLong(row.get("stw_max_ns")));
    String top = byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> (e.getKey().isEmpty() ? "(before trace)" : e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining("; "));
    check(problems, "summary top_block_reasons", top.isEmpty() ? null : top, row.get("top_block_reasons"));
    // Every committed trace ends in Go's final Sync (generate.sh checks it): nothing was lost.
    check(problems, "summary truncated", false, row.get("truncated"));
    check(problems, "summary lost_bytes", 0L, asLong(row.get("lost_bytes")));
  }

  /**
   * Go's leaked goroutines: in the summary without an end time, not system goroutines, whose last
   * transition in -d=parsed entered Waiting (not a 'system goroutine wait'); per (name, reason) the
   * count and the shortest and longest wait to trace end.
   */
  private static void checkLeaks(List<String> problems, Connection c, JsonNode summary, ParsedFacts.Contents parsed)
      throws SQLException {
    Map<Long, ParsedFacts.Transition> last = new HashMap<>();
    for (ParsedFacts.Transition t : parsed.transitions()) if (!t.from().equals(t.to())) last.put(t.goid(), t);
    long end = summary.get("trace_end").asLong();
    Map<String, long[]> expected = new TreeMap<>();
    for (JsonNode g : summary.get("goroutines")) {
      ParsedFacts.Transition t = last.get(g.get("id").asLong());
      String name = g.get("name").asText();
      if (g.get("end_time").asLong() != 0 || isSystem(name) || t == null || !t.to().equals("Waiting")
          || t.reason().equals("system goroutine wait")) {
        continue;
      }
      long since = t.from().equals("Undetermined") ? g.get("creation_time").asLong() : t.time();
      addLeak(expected, "'" + name + "' '" + t.reason() + "'", 1, end - since, end - since);
    }
    Map<String, long[]> actual = new TreeMap<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM report_leaks")) {
      addLeak(actual, "'" + row.get("name") + "' '" + row.get("reason") + "'", asLong(row.get("goroutines")),
          asLong(row.get("min_blocked_ns")), asLong(row.get("max_blocked_ns")));
    }
    check(problems, "leaks", text(expected), text(actual));
  }

  private static void addLeak(Map<String, long[]> leaks, String key, long n, long min, long max) {
    long[] l = leaks.computeIfAbsent(key, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
    l[0] += n;
    l[1] = Math.min(l[1], min);
    l[2] = Math.max(l[2], max);
  }

  private static Map<String, String> text(Map<String, long[]> leaks) {
    Map<String, String> m = new TreeMap<>();
    leaks.forEach((k, v) -> m.put(k, v[0] + " " + v[1] + ".." + v[2]));
    return m;
  }

  /** Go's IsSystemGoroutine, as goroutines.is_system documents it. */
  private static boolean isSystem(String name) {
    return name.isEmpty() || name.startsWith("runtime.") && !name.equals("runtime.main");
  }

  /** The 10 samples of Go's profile with the most delay: counts, delay, share and leaf frame. */
  private static void checkTop(List<String> problems, Connection c, String report, List<PprofRawGolden.Sample> golden)
      throws SQLException {
    long total = golden.stream().mapToLong(PprofRawGolden.Sample::delayNs).sum();
    List<String> expected = new ArrayList<>();
    golden.stream().sorted(Comparator.comparingLong(PprofRawGolden.Sample::delayNs).reversed()).limit(10)
        .forEach(s -> expected.add(s.contentions() + " " + s.delayNs() + " " + (double) s.delayNs() * 100 / total + " "
            + (s.frames().isEmpty() ? "null" : s.frames().get(0))));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM report_" + report)) {
      String frames = (String) row.get("frames");
      String leaf = frames == null ? "null" : frames.split(" <- ")[0] + " " + row.get("leaf_location");
      actual.add(row.get("contentions") + " " + row.get("delay_ns") + " " + row.get("delay_pct") + " " + leaf);
    }
    sameMultiset(problems, report, expected, actual);
  }

  /**
   * Every finished runnable interval of -d=parsed: entered by a transition into Runnable (a goroutine
   * first seen runnable waits from its summary creation time, the generation's Sync, as Go's summary
   * counts it), ended by the next transition out of it; nearest-rank percentiles overall and per name.
   */
  private static void checkSchedLatency(List<String> problems, Connection c, JsonNode summary,
      ParsedFacts.Contents parsed) throws SQLException {
    Map<Long, JsonNode> goroutines = new HashMap<>();
    for (JsonNode g : summary.get("goroutines")) goroutines.put(g.get("id").asLong(), g);
    Map<Long, Long> runnableSince = new HashMap<>();
    List<Long> all = new ArrayList<>();
    Map<String, List<Long>> byName = new TreeMap<>();
    for (ParsedFacts.Transition t : parsed.transitions()) {
      if (t.from().equals(t.to())) continue;
      if (t.from().equals("Runnable")) {
        Long since = runnableSince.remove(t.goid());
        if (since == null) continue;
        all.add(t.time() - since);
        byName.computeIfAbsent(goroutines.get(t.goid()).get("name").asText(), k -> new ArrayList<>()).add(t.time() - since);
      }
      if (t.to().equals("Runnable")) {
        runnableSince.put(t.goid(), t.from().equals("Undetermined")
            ? goroutines.get(t.goid()).get("creation_time").asLong() : t.time());
      }
    }
    List<String> expected = new ArrayList<>();
    expected.add(latency("all null", all));
    byName.forEach((name, waits) -> expected.add(latency("group '" + name + "'", waits)));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM report_sched_latency")) {
      String key = row.get("kind") + " " + (row.get("name") == null ? "null" : "'" + row.get("name") + "'");
      actual.add(key + " " + row.get("waits") + " " + row.get("p50_ns") + " " + row.get("p90_ns") + " "
          + row.get("p99_ns") + " " + row.get("max_ns") + " " + row.get("total_ns"));
    }
    sameMultiset(problems, "sched_latency", expected, actual);
  }

  /** "key n p50 p90 p99 max total", nearest rank. */
  private static String latency(String key, List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return key + " " + sorted.size() + " " + rank(sorted, 50) + " " + rank(sorted, 90) + " " + rank(sorted, 99) + " "
        + (sorted.isEmpty() ? null : sorted.get(sorted.size() - 1)) + " "
        + (sorted.isEmpty() ? null : sorted.stream().mapToLong(Long::longValue).sum());
  }

  private static Long rank(List<Long> sorted, int percent) {
    return sorted.isEmpty() ? null : sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
  }

  /** Mark phases and GC pauses from -d=parsed, MMU at 1/10/100 ms from Go's MMU with its default flags. */
  private static void checkGc(List<String> problems, Connection c, ParsedFacts.Contents parsed,
      List<StwRangesGolden.Pause> pauses, JsonNode mmu) throws SQLException {
    Map<String, Object> row = query(c, "SELECT * FROM report_gc").get(0);
    check(problems, "gc gc_cycles", (long) parsed.markPhases(), asLong(row.get("gc_cycles")));
    List<Long> gc = closedDurations(pauses, p -> p.kind().contains("GC"));
    check(problems, "gc gc_pauses", pauses.stream().filter(p -> p.kind().contains("GC")).count(),
        asLong(row.get("gc_pauses")));
    check(problems, "gc pause_total_ns", gc.isEmpty() ? null : gc.stream().mapToLong(Long::longValue).sum(),
        asLong(row.get("pause_total_ns")));
    Collections.sort(gc);
    check(problems, "gc pause_p99_ns", rank(gc, 99), asLong(row.get("pause_p99_ns")));
    check(problems, "gc pause_max_ns", gc.isEmpty() ? null : gc.get(gc.size() - 1), asLong(row.get("pause_max_ns")));
    List<String> windows = List.of("mmu_1ms", "mmu_10ms", "mmu_100ms");
    for (JsonNode result : mmu.get("results")) {
      if (!result.get("flags").asText().equals(DEFAULT_MMU_FLAGS)) continue;
      for (int i = 0; i < windows.size(); i++) {
        check(problems, "gc " + windows.get(i) + " (window " + mmu.get("windows_ns").get(i) + ")",
            result.get("mmu").get(i).asDouble(), row.get(windows.get(i)));
      }
    }
  }

  private static List<Long> closedDurations(List<StwRangesGolden.Pause> pauses,
      java.util.function.Predicate<StwRangesGolden.Pause> which) {
    List<Long> d = new ArrayList<>();
    for (StwRangesGolden.Pause p : pauses) {
      if (which.test(p) && p.begin() != null && p.end() != null) d.add(p.end() - p.begin());
    }
    return d;
  }

  /** Go's summary regions, measured as the user regions page measures them, per name. */
  private static void checkRegions(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    List<String> expected = new ArrayList<>();
    SummaryGolden.regionDurations(summary, r -> r.get("name").asText()).forEach((name, ds) -> expected.add(latency("'" + name + "'", ds)));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM report_regions")) {
      actual.add("'" + row.get("name") + "' " + row.get("regions") + " " + row.get("p50_ns") + " " + row.get("p90_ns")
          + " " + row.get("p99_ns") + " " + row.get("max_ns") + " " + row.get("total_ns"));
    }
    sameMultiset(problems, "regions", expected, actual);
  }

  /** Go's summary tasks per name: all counted, durations of complete ones. */
  private static void checkTasks(List<String> problems, Connection c, JsonNode summary) throws SQLException {
    List<String> expected = new ArrayList<>();
    SummaryGolden.tasksByName(summary).forEach(
        (name, t) -> expected.add(t.count() + " " + latency("'" + name + "'", t.completeDurations())));
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> row : query(c, "SELECT * FROM report_tasks")) {
      actual.add(row.get("tasks") + " '" + row.get("name") + "' " + row.get("complete_tasks") + " " + row.get("p50_ns")
          + " " + row.get("p90_ns") + " " + row.get("p99_ns") + " " + row.get("max_ns") + " " + row.get("total_ns"));
    }
    sameMultiset(problems, "tasks", expected, actual);
  }

  @Test
  void everyReportHeaderDocumentsExactlyItsColumnsAndTypes() throws Exception {
    List<ViewDefinition> reports = ViewLoader.reports().views();
    assertEquals(List.of("report_summary", "report_leaks", "report_top_sync", "report_top_net", "report_top_syscall",
        "report_sched_latency", "report_gc", "report_regions", "report_tasks"),
        reports.stream().map(ViewDefinition::name).toList());
    TestData.Trace trace = traces().filter(t -> t.program().equals("annotations")).findFirst().orElseThrow();
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file());
        Statement st = c.createStatement()) {
      for (ViewDefinition report : reports) {
        assertFalse(report.doc().isBlank(), report.name());
        Map<String, String> documented = new TreeMap<>();
        report.columns().forEach((name, doc) -> documented.put(name, doc.type()));
        Map<String, String> actual = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + report.name())) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) actual.put(md.getColumnLabel(i), md.getColumnTypeName(i));
        }
        assertEquals(documented, actual, report.name());
      }
    }
  }

  /** Tables built are seen as the allocators, named after them, under the trace's allocator. */
  @Test
  void noReportButGcBuildsTheEventsTable() throws Exception {
    TestData.Trace trace = traces().filter(t -> t.program().equals("mix")).findFirst().orElseThrow();
    try (RootAllocator allocator = new RootAllocator()) {
      GoTraceDriver driver = new GoTraceDriver((path, cache, limit) -> TraceDatabaseCatalog.open(path, cache, allocator),
          ViewLoader.shipped(), FunctionRegistry.SHIPPED);
      try (Connection c = driver.connect(GoTraceDriver.PREFIX + trace.file(), new Properties())) {
        for (ViewDefinition report : ViewLoader.reports().views()) {
          if (!report.name().equals("report_gc")) query(c, "SELECT * FROM " + report.name());
        }
        Set<String> built = new TreeSet<>();
        for (var db : allocator.getChildAllocators()) {
          for (var table : db.getChildAllocators()) built.add(table.getName());
        }
        assertFalse(built.contains("events"), built.toString());
      }
    }
  }
}
