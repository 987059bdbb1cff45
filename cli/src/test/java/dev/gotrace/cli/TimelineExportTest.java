package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gotrace-sql export --timeline} on the committed Go 1.27 traces: the file is valid
 * trace-event JSON ({@link TraceEventFile}), and its slices add up to the goroutines' time in
 * goroutine_states and to Go's summary ExecTime (goroutine_times.exec_ns, golden-tested against Go).
 */
class TimelineExportTest {
  @TempDir Path dir;

  private Path export(String program, String... options) {
    Path out = dir.resolve(program + ".json");
    StringWriter err = new StringWriter();
    String[] args = new String[4 + options.length];
    args[0] = "export";
    args[1] = Golden.trace(program).toString();
    args[2] = "--timeline";
    args[3] = out.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    assertEquals(0, code, err.toString());
    assertTrue(err.toString().startsWith("gotrace-sql: wrote "), err.toString());
    return out;
  }

  private static Connection open(String program) throws SQLException {
    return DriverManager.getConnection("jdbc:gotrace:" + Golden.trace(program) + ";cache=off");
  }

  private static Map<Long, Long> longs(Connection c, String sql) throws SQLException {
    Map<Long, Long> rows = new TreeMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) rows.put(rs.getLong(1), rs.getLong(2));
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"annotations", "chansync", "cpuprofile", "gcpressure", "manygoroutines", "mix", "nethttp",
      "syscalls"})
  void slicesAddUpToTheGoroutinesRunningTime(String program) throws Exception {
    TraceEventFile timeline = TraceEventFile.read(export(program));
    int goroutines = timeline.pid("Goroutines");
    int procs = timeline.pid("Procs");
    Map<Long, Long> runningByTrack = new TreeMap<>();
    Map<Long, Long> runningOnPs = new TreeMap<>();
    for (TraceEventFile.Slice s : timeline.slices) {
      if (s.pid() == goroutines && s.args().get("state").asText().equals("running")) {
        runningByTrack.merge(s.tid(), s.dur(), Long::sum);
      }
      if (s.pid() == procs) runningOnPs.merge(s.args().get("goid").asLong(), s.dur(), Long::sum);
    }
    try (Connection c = open(program)) {
      String end = "(SELECT duration_ns FROM trace_info)";
      Map<Long, Long> expected = longs(c, "SELECT goid, SUM(COALESCE(dur, " + end + " - ts)) FROM goroutine_states "
          + "WHERE state = 'running' GROUP BY goid");
      expected.values().removeIf(v -> v == 0);
      runningByTrack.values().removeIf(v -> v == 0);
      assertEquals(expected, runningByTrack);
      Map<Long, Long> onPs = longs(c, "SELECT goid, SUM(COALESCE(dur, " + end + " - ts)) FROM goroutine_states "
          + "WHERE state = 'running' AND proc_id IS NOT NULL GROUP BY goid");
      onPs.values().removeIf(v -> v == 0);
      runningOnPs.values().removeIf(v -> v == 0);
      assertEquals(onPs, runningOnPs);
      // Go's ExecTime for goroutines with one incarnation (a reused id's summary covers only its last).
      Map<Long, Long> goExec = longs(c, "SELECT t.goid, t.exec_ns FROM goroutine_times t JOIN goroutines g "
          + "ON g.goid = t.goid WHERE g.incarnations = 1 AND t.exec_ns > 0");
      goExec.forEach((goid, exec) -> assertEquals(exec, runningByTrack.get(goid), "G" + goid));
      assertFalse(goExec.isEmpty());
    }
  }

  @Test
  void arrowsRunFromTheUnblockersRunningSliceToTheWokenGoroutine() throws Exception {
    TraceEventFile timeline = TraceEventFile.read(export("chansync"));
    int goroutines = timeline.pid("Goroutines");
    assertFalse(timeline.flowTails.isEmpty());
    timeline.flowTails.forEach((id, tail) -> {
      TraceEventFile.FlowEnd head = timeline.flowHeads.get(id);
      assertEquals(tail.ts(), head.ts(), "an unblock is one instant");
      assertTrue(timeline.slices.stream().anyMatch(s -> s.pid() == goroutines && s.tid() == tail.tid()
          && s.name().equals("running") && s.ts() <= tail.ts() && tail.ts() <= s.end()), "tail of " + id);
      assertTrue(timeline.slices.stream().anyMatch(s -> s.pid() == goroutines && s.tid() == head.tid()
          && s.name().equals("runnable") && s.ts() == head.ts()), "head of " + id);
    });
    try (Connection c = open("chansync")) {
      long unblocks = longs(c, "SELECT 0, COUNT(*) FROM blocking_intervals WHERE state = 'waiting' "
          + "AND dur IS NOT NULL AND unblocked_by_goid IS NOT NULL AND unblocked_by_goid <> goid").get(0L);
      assertEquals(unblocks, timeline.flowTails.size());
    }
  }

  @Test
  void whereKeepsTheSelectedGoroutinesAndTheirUnblockers() throws Exception {
    TraceEventFile timeline = TraceEventFile.read(export("chansync", "--where", "name = 'main.pipeline.func2'"));
    int goroutines = timeline.pid("Goroutines");
    Set<Long> tracks = timeline.threadNames.get(goroutines).keySet();
    try (Connection c = open("chansync")) {
      Set<Long> selected = longs(c, "SELECT goid, 0 FROM goroutines WHERE name = 'main.pipeline.func2'").keySet();
      assertFalse(selected.isEmpty());
      Set<Long> heads = timeline.flowHeads.values().stream().map(TraceEventFile.FlowEnd::tid).collect(Collectors.toSet());
      Set<Long> tails = timeline.flowTails.values().stream().map(TraceEventFile.FlowEnd::tid).collect(Collectors.toSet());
      assertTrue(selected.containsAll(heads), "arrows only point at selected goroutines");
      Set<Long> expected = new HashSet<>(selected);
      expected.addAll(tails);
      assertEquals(expected, tracks);
      assertTrue(tracks.size() > selected.size(), "the consumers' unblockers are shown too");
    }
  }

  @Test
  void windowClipsEverySlice() throws Exception {
    long from = 5_000_000;
    long to = 20_000_000;
    TraceEventFile timeline = TraceEventFile.read(export("mix", "--from", Long.toString(from), "--to", Long.toString(to)));
    assertFalse(timeline.slices.isEmpty());
    for (TraceEventFile.Slice s : timeline.slices) {
      assertTrue(s.ts() >= from && s.end() <= to, s.toString());
    }
    timeline.events.stream().filter(e -> e.has("ts") && !e.get("ph").asText().equals("M"))
        .forEach(e -> assertTrue(TraceEventFile.ns(e.get("ts")) >= from && TraceEventFile.ns(e.get("ts")) <= to, e.toString()));
  }

  @Test
  void goroutineCountersEqualTheStatesAtEachSampledInstant() throws Exception {
    TraceEventFile timeline = TraceEventFile.read(export("manygoroutines"));
    List<com.fasterxml.jackson.databind.JsonNode> counters = timeline.events.stream()
        .filter(e -> e.get("ph").asText().equals("C") && e.get("name").asText().equals("Goroutines")).toList();
    assertEquals(1001, counters.size());
    try (Connection c = open("manygoroutines")) {
      for (int k : new int[] {0, 250, 500, 999}) {
        long t = TraceEventFile.ns(counters.get(k).get("ts"));
        Map<String, Long> expected = new HashMap<>(Map.of("running", 0L, "runnable", 0L, "waiting", 0L, "syscall", 0L));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT state, COUNT(*) FROM goroutine_states "
            + "WHERE ts <= " + t + " AND COALESCE(ts + dur, (SELECT duration_ns FROM trace_info)) > " + t + " GROUP BY state")) {
          while (rs.next()) expected.put(rs.getString(1), rs.getLong(2));
        }
        Map<String, Long> actual = new HashMap<>();
        counters.get(k).get("args").fields().forEachRemaining(f -> actual.put(f.getKey(), f.getValue().asLong()));
        assertEquals(expected, actual, "at " + t);
      }
    }
  }

  @Test
  void regionsTasksAndLogsOfAnAnnotatedProgram() throws Exception {
    TraceEventFile timeline = TraceEventFile.read(export("annotations"));
    int regions = timeline.pid("User regions");
    try (Connection c = open("annotations")) {
      long regionRows = longs(c, "SELECT 0, COUNT(*) FROM regions").get(0L);
      assertEquals(regionRows, timeline.slices(regions).size());
      long logRows = longs(c, "SELECT 0, COUNT(*) FROM logs WHERE goid IS NOT NULL").get(0L);
      assertEquals(logRows, timeline.events.stream().filter(e -> e.get("ph").asText().equals("i")).count());
      long taskRows = longs(c, "SELECT 0, COUNT(*) FROM tasks WHERE task_id <> 0").get(0L);
      assertEquals(2 * taskRows, timeline.events.stream().filter(e -> e.get("ph").asText().matches("[be]")).count());
      assertTrue(logRows > 0 && taskRows > 0 && regionRows > 0);
    }
  }

  @Test
  void badConditionIsAnSqlErrorAndLeavesNoFile() {
    Path out = dir.resolve("bad.json");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export",
        Golden.trace("chansync").toString(), "--timeline", out.toString(), "--where", "nope = 1");
    assertEquals(ExitCodes.SQL, code, err.toString());
    assertTrue(err.toString().startsWith("gotrace-sql: ") && err.toString().contains("'nope'"), err.toString());
    assertEquals(1, err.toString().lines().count());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(dir.resolve("bad.json.partial")));
  }
}
