package dev.gotrace.cli.timeline;

import dev.gotrace.cli.timeline.TraceEventJson.Args;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trace's timeline in Chrome's trace-event format, restricted to the goroutines a condition
 * selects (plus the goroutines that unblocked them, so every arrow has both ends) and to a time
 * window. Each part is one streaming query over the trace's tables, written as it is read.
 *
 * <p>Processes of the file: Runtime (GC and stop-the-world bands, counters), Procs (a track per P
 * with the goroutines it ran), Goroutines (a track per goroutine with its states, logs as instants,
 * unblock arrows), User regions (a track per goroutine, regions nested) and Tasks (async slices).
 */
public final class TimelineExport {
  static final int PID_RUNTIME = 1;
  static final int PID_PROCS = 2;
  static final int PID_GOROUTINES = 3;
  static final int PID_REGIONS = 4;
  static final int PID_TASKS = 5;
  static final long TID_GC = 1;
  static final long TID_STW = 2;
  /** Instants at which the goroutine counters are sampled. */
  static final int COUNTER_SAMPLES = 1000;

  private static final Map<String, String> METRIC_COUNTERS = Map.of(
      "/memory/classes/heap/objects:bytes", "Heap objects (bytes)",
      "/gc/heap/goal:bytes", "Heap goal (bytes)",
      "/sched/gomaxprocs:threads", "GOMAXPROCS");

  private final Connection connection;
  private final String goroutineCondition;
  private final Long from;
  private final Long to;

  /**
   * @param goroutineCondition an SQL condition on the goroutines table selecting the goroutines to
   *     show; null for all
   * @param from start of the window in ns, null for the trace start
   * @param to end of the window in ns, null for the trace end
   */
  public TimelineExport(Connection connection, String goroutineCondition, Long from, Long to) {
    this.connection = connection;
    this.goroutineCondition = goroutineCondition;
    this.from = from;
    this.to = to;
  }

  /** What was written: events, goroutine tracks and the window. */
  public record Summary(long events, int goroutines, long from, long to) {}

  public Summary write(OutputStream out) throws SQLException, IOException {
    long traceEnd = singleLong("SELECT duration_ns FROM trace_info");
    TimeWindow window = new TimeWindow(from == null ? 0 : from, to == null ? traceEnd : to);
    Set<Long> tracks = selectedGoroutines();
    StackTexts stacks = new StackTexts(connection);
    try (TraceEventJson json = new TraceEventJson(out)) {
      writeUnblockArrows(json, window, tracks);
      Set<Long> procs = writeStates(json, window, traceEnd, tracks, stacks);
      Set<Long> tasks = writeRegions(json, window, traceEnd, tracks);
      writeTasks(json, window, traceEnd, tracks, tasks);
      writeLogs(json, window, tracks, stacks);
      writeRuntimeRanges(json, window, traceEnd);
      writeMetrics(json, window);
      writeTrackNames(json, tracks, procs);
      return new Summary(json.eventCount(), tracks.size(), window.from(), window.to());
    }
  }

  private Set<Long> selectedGoroutines() throws SQLException {
    String where = goroutineCondition == null ? "" : " WHERE (" + goroutineCondition + ")";
    Set<Long> goids = new HashSet<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid FROM goroutines" + where)) {
      while (rs.next()) goids.add(rs.getLong(1));
    }
    return goids;
  }

  /** Arrows from the unblocker to each selected goroutine it woke; adds the unblockers to {@code tracks}. */
  private void writeUnblockArrows(TraceEventJson json, TimeWindow window, Set<Long> tracks)
      throws SQLException, IOException {
    Set<Long> unblockers = new HashSet<>();
    long id = 0;
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, ts + dur, unblocked_by_goid FROM blocking_intervals "
             + "WHERE state = 'waiting' AND dur IS NOT NULL AND unblocked_by_goid IS NOT NULL "
             + "AND unblocked_by_goid <> goid AND ts + dur BETWEEN " + window.from() + " AND " + window.to())) {
      while (rs.next()) {
        long goid = rs.getLong(1);
        if (!tracks.contains(goid)) continue;
        long ts = rs.getLong(2);
        long unblocker = rs.getLong(3);
        json.flow(true, ++id, PID_GOROUTINES, unblocker, ts);
        json.flow(false, id, PID_GOROUTINES, goid, ts);
        unblockers.add(unblocker);
      }
    }
    tracks.addAll(unblockers);
  }

  /** State slices per goroutine, running slices per P, and the goroutine counters; returns the Ps seen. */
  private Set<Long> writeStates(TraceEventJson json, TimeWindow window, long traceEnd, Set<Long> tracks,
      StackTexts stacks) throws SQLException, IOException {
    Map<Long, String> names = goroutineNames(tracks);
    StateCounts counts = new StateCounts(window, COUNTER_SAMPLES);
    Set<Long> procs = new TreeSet<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, state, ts, COALESCE(ts + dur, " + traceEnd + "), reason, "
             + "stack_id, end_stack_id, proc_id FROM goroutine_states WHERE ts <= " + window.to()
             + " AND COALESCE(ts + dur, " + traceEnd + ") >= " + window.from())) {
      while (rs.next()) {
        long goid = rs.getLong(1);
        String state = rs.getString(2);
        long start = rs.getLong(3);
        long end = rs.getLong(4);
        counts.add(state, start, end);
        if (!tracks.contains(goid) || !window.overlaps(start, end)) continue;
        long ts = window.clip(start);
        long dur = window.clip(end) - ts;
        String reason = rs.getString(5);
        List<String> stack = stacks.of(rs.getLong(6), rs.wasNull());
        List<String> endStack = stacks.of(rs.getLong(7), rs.wasNull());
        String sliceName = state.equals("waiting") && !reason.isEmpty() ? "waiting: " + reason : state;
        json.slice(sliceName, PID_GOROUTINES, goid, ts, dur)
            .put("goid", goid).put("state", state).put("reason", reason)
            .put("stack", stack).put("end_stack", endStack).end();
        long proc = rs.getLong(8);
        if (state.equals("running") && !rs.wasNull()) {
          procs.add(proc);
          json.slice(label(goid, names), PID_PROCS, proc, ts, dur)
              .put("goid", goid).put("name", names.get(goid)).put("state", state).end();
        }
      }
    }
    long[][] byState = counts.counts();
    for (int k = 0; k < counts.size(); k++) {
      Args args = json.counter("Goroutines", PID_RUNTIME, counts.instant(k));
      for (int s = 0; s < StateCounts.STATES.size(); s++) args.put(StateCounts.STATES.get(s), byState[k][s]);
      args.end();
    }
    return procs;
  }

  /** Regions of the shown goroutines; returns the tasks they belong to. */
  private Set<Long> writeRegions(TraceEventJson json, TimeWindow window, long traceEnd, Set<Long> tracks)
      throws SQLException, IOException {
    Set<Long> tasks = new HashSet<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, name, COALESCE(ts, 0), COALESCE(end_ts, " + traceEnd
             + "), task_id, region_id FROM regions")) {
      while (rs.next()) {
        long goid = rs.getLong(1);
        long start = rs.getLong(3);
        long end = rs.getLong(4);
        if (!tracks.contains(goid) || !window.overlaps(start, end)) continue;
        String name = rs.getString(2);
        long task = rs.getLong(5);
        tasks.add(task);
        long ts = window.clip(start);
        json.slice(name.isEmpty() ? "(inherited region)" : name, PID_REGIONS, goid, ts, window.clip(end) - ts)
            .put("region_id", rs.getLong(6)).put("task_id", task).put("goid", goid).end();
      }
    }
    return tasks;
  }

  /** User tasks begun or ended by a shown goroutine or holding one of its regions, as async slices. */
  private void writeTasks(TraceEventJson json, TimeWindow window, long traceEnd, Set<Long> tracks,
      Set<Long> regionTasks) throws SQLException, IOException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT task_id, name, COALESCE(ts, 0), COALESCE(end_ts, " + traceEnd
             + "), begin_goid, end_goid FROM tasks WHERE task_id <> 0")) {
      while (rs.next()) {
        long task = rs.getLong(1);
        long start = rs.getLong(3);
        long end = rs.getLong(4);
        boolean shown = regionTasks.contains(task) || isShown(rs, 5, tracks) || isShown(rs, 6, tracks);
        if (!shown || !window.overlaps(start, end)) continue;
        String name = rs.getString(2).isEmpty() ? "task " + task : rs.getString(2);
        json.async(true, "task", name, task, PID_TASKS, window.clip(start)).put("task_id", task).end();
        json.async(false, "task", name, task, PID_TASKS, window.clip(end)).end();
      }
    }
  }

  private static boolean isShown(ResultSet rs, int column, Set<Long> tracks) throws SQLException {
    long goid = rs.getLong(column);
    return !rs.wasNull() && tracks.contains(goid);
  }

  private void writeLogs(TraceEventJson json, TimeWindow window, Set<Long> tracks, StackTexts stacks)
      throws SQLException, IOException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, ts, task_id, category, message, stack_id FROM logs "
             + "WHERE goid IS NOT NULL AND ts BETWEEN " + window.from() + " AND " + window.to())) {
      while (rs.next()) {
        long goid = rs.getLong(1);
        if (!tracks.contains(goid)) continue;
        String category = rs.getString(4);
        json.instant(category.isEmpty() ? "log" : "log: " + category, PID_GOROUTINES, goid, rs.getLong(2))
            .put("task_id", rs.getLong(3)).put("category", category).put("message", rs.getString(5))
            .put("stack", stacks.of(rs.getLong(6), rs.wasNull())).end();
      }
    }
  }

  /** GC mark phases and stop-the-world pauses as bands on two Runtime tracks. */
  private void writeRuntimeRanges(TraceEventJson json, TimeWindow window, long traceEnd)
      throws SQLException, IOException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT name, ts, COALESCE(ts + dur, " + traceEnd + ") FROM ranges "
             + "WHERE name = 'GC concurrent mark phase' OR name LIKE 'stop-the-world%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        long start = rs.getLong(2);
        long end = rs.getLong(3);
        if (!window.overlaps(start, end)) continue;
        long ts = window.clip(start);
        json.slice(name, PID_RUNTIME, name.startsWith("GC") ? TID_GC : TID_STW, ts, window.clip(end) - ts).end();
      }
    }
  }

  /** Heap, heap goal and GOMAXPROCS as counters: the value in force at the window start, then each change. */
  private void writeMetrics(TraceEventJson json, TimeWindow window) throws SQLException, IOException {
    Map<String, Long> before = new HashMap<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT name, ts, metric_value FROM metrics WHERE ts <= " + window.to()
             + " ORDER BY ts")) {
      while (rs.next()) {
        String counter = METRIC_COUNTERS.get(rs.getString(1));
        if (counter == null) continue;
        long ts = rs.getLong(2);
        if (ts < window.from()) {
          before.put(counter, rs.getLong(3));
          continue;
        }
        Long pending = before.remove(counter);
        if (pending != null && ts > window.from()) json.counter(counter, PID_RUNTIME, window.from()).put("value", pending).end();
        json.counter(counter, PID_RUNTIME, ts).put("value", rs.getLong(3)).end();
      }
    }
    for (Map.Entry<String, Long> e : before.entrySet()) {
      json.counter(e.getKey(), PID_RUNTIME, window.from()).put("value", e.getValue()).end();
    }
  }

  private void writeTrackNames(TraceEventJson json, Set<Long> goroutines, Set<Long> procs)
      throws SQLException, IOException {
    json.name(PID_RUNTIME, null, "Runtime", PID_RUNTIME);
    json.name(PID_RUNTIME, TID_GC, "GC concurrent mark phase", TID_GC);
    json.name(PID_RUNTIME, TID_STW, "Stop the world", TID_STW);
    json.name(PID_PROCS, null, "Procs", PID_PROCS);
    for (long p : procs) json.name(PID_PROCS, p, "P" + p, p);
    json.name(PID_GOROUTINES, null, "Goroutines", PID_GOROUTINES);
    json.name(PID_REGIONS, null, "User regions", PID_REGIONS);
    Map<Long, String> names = goroutineNames(goroutines);
    for (long g : new TreeSet<>(goroutines)) {
      json.name(PID_GOROUTINES, g, label(g, names), g);
      json.name(PID_REGIONS, g, label(g, names), g);
    }
    json.name(PID_TASKS, null, "Tasks", PID_TASKS);
  }

  /** "G12 main.worker", or "G12" for a goroutine without a name. */
  private static String label(long goid, Map<Long, String> names) {
    String name = names.getOrDefault(goid, "");
    return name.isEmpty() ? "G" + goid : "G" + goid + " " + name;
  }

  private Map<Long, String> goroutineNames(Set<Long> goids) throws SQLException {
    Map<Long, String> names = new HashMap<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, name FROM goroutines")) {
      while (rs.next()) {
        if (goids.contains(rs.getLong(1))) names.put(rs.getLong(1), rs.getString(2));
      }
    }
    return names;
  }

  private long singleLong(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
