package dev.gotrace.cli.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gotrace.cli.timeline.StateCounts;
import dev.gotrace.cli.timeline.TimeWindow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data behind the HTML report's charts, each part one query over the trace's tables: latency
 * histograms, the MMU curve, counters over time, flame graphs of the blocking profiles and the
 * goroutine timeline. Written as one JSON object that the page's script reads.
 */
public final class ChartData {
  /** Points of the MMU curve, log-spaced from 1 µs to the trace's span. */
  static final int MMU_POINTS = 24;
  /** Instants at which goroutines are counted by state. */
  static final int COUNTER_SAMPLES = 400;
  /** Stacks per flame graph, most delay first. */
  static final int FLAME_STACKS = 200;
  /** Region and task names that get a histogram, most instances first. */
  static final int HISTOGRAM_NAMES = 6;
  /** Running slices in the timeline; a busier selection is cut and says so. */
  static final int TIMELINE_SLICES = 100_000;
  static final List<String> PROFILES = List.of("sync", "net", "syscall", "sched");
  private static final Map<String, String> METRICS = Map.of(
      "/memory/classes/heap/objects:bytes", "heap_bytes",
      "/gc/heap/goal:bytes", "heap_goal_bytes",
      "/sched/gomaxprocs:threads", "gomaxprocs");

  private final Connection connection;
  private final String timelineCondition;
  private final int timelineGoroutines;

  /**
   * @param timelineCondition SQL condition on goroutines choosing the timeline's goroutines, or null
   *     for the {@code timelineGoroutines} non-system goroutines that ran longest
   */
  public ChartData(Connection connection, String timelineCondition, int timelineGoroutines) {
    this.connection = connection;
    this.timelineCondition = timelineCondition;
    this.timelineGoroutines = timelineGoroutines;
  }

  public void write(JsonGenerator json) throws SQLException, IOException {
    long traceEnd = longs("SELECT duration_ns FROM trace_info").get(0);
    json.writeStartObject();
    json.writeNumberField("duration_ns", traceEnd);
    json.writeFieldName("sched_latency");
    histogram("SELECT dur FROM blocking_intervals WHERE profile = 'sched' AND dur IS NOT NULL").write(json);
    json.writeFieldName("regions");
    namedHistograms(json, "SELECT name, page_dur_ns FROM regions WHERE in_go_summary");
    json.writeFieldName("tasks");
    namedHistograms(json, "SELECT name, dur FROM tasks WHERE dur IS NOT NULL AND task_id <> 0");
    writeMmu(json, traceEnd);
    writeCounters(json, traceEnd);
    writeFlames(json);
    writeTimeline(json, traceEnd);
    json.writeEndObject();
  }

  private LogHistogram histogram(String sql) throws SQLException {
    LogHistogram h = new LogHistogram();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) h.add(rs.getLong(1));
    }
    return h;
  }

  /** {name: histogram} for the names with the most rows ('' is shown as "(unnamed)"). */
  private void namedHistograms(JsonGenerator json, String sql) throws SQLException, IOException {
    Map<String, LogHistogram> byName = new HashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String name = rs.getString(1).isEmpty() ? "(unnamed)" : rs.getString(1);
        byName.computeIfAbsent(name, n -> new LogHistogram()).add(rs.getLong(2));
      }
    }
    json.writeStartObject();
    List<Map.Entry<String, LogHistogram>> top = byName.entrySet().stream()
        .sorted((a, b) -> a.getValue().total() != b.getValue().total()
            ? Long.compare(b.getValue().total(), a.getValue().total()) : a.getKey().compareTo(b.getKey()))
        .limit(HISTOGRAM_NAMES).toList();
    for (Map.Entry<String, LogHistogram> e : top) {
      json.writeFieldName(e.getKey());
      e.getValue().write(json);
    }
    json.writeEndObject();
  }

  /** mmu: {window_ns: [...], mmu: [...]} with go tool trace's default flags, in one statement. */
  private void writeMmu(JsonGenerator json, long traceEnd) throws SQLException, IOException {
    Set<Long> windows = new TreeSet<>();
    double first = Math.log10(1_000);
    double last = Math.log10(Math.max(traceEnd, 1_001));
    for (int i = 0; i < MMU_POINTS; i++) {
      windows.add(Math.round(Math.pow(10, first + (last - first) * i / (MMU_POINTS - 1))));
    }
    StringBuilder sql = new StringBuilder();
    for (long w : windows) {
      if (sql.length() > 0) sql.append(" UNION ALL ");
      sql.append("SELECT window_ns, mmu FROM TABLE(mmu(").append(w).append("))");
    }
    Map<Long, Double> mmu = new java.util.TreeMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      while (rs.next()) mmu.put(rs.getLong(1), rs.getDouble(2));
    }
    json.writeObjectFieldStart("mmu");
    json.writeArrayFieldStart("window_ns");
    for (long w : mmu.keySet()) json.writeNumber(w);
    json.writeEndArray();
    json.writeArrayFieldStart("mmu");
    for (double u : mmu.values()) json.writeNumber(u);
    json.writeEndArray();
    json.writeEndObject();
  }

  /** counters: heap, heap goal and GOMAXPROCS as step series, goroutines by state at evenly spaced instants. */
  private void writeCounters(JsonGenerator json, long traceEnd) throws SQLException, IOException {
    Map<String, List<long[]>> series = new LinkedHashMap<>();
    for (String name : List.of("heap_bytes", "heap_goal_bytes", "gomaxprocs")) series.put(name, new ArrayList<>());
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT name, ts, metric_value FROM metrics ORDER BY ts")) {
      while (rs.next()) {
        String name = METRICS.get(rs.getString(1));
        if (name != null) series.get(name).add(new long[] {rs.getLong(2), rs.getLong(3)});
      }
    }
    StateCounts counts = new StateCounts(new TimeWindow(0, traceEnd), COUNTER_SAMPLES);
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT state, ts, COALESCE(ts + dur, " + traceEnd + ") FROM goroutine_states")) {
      while (rs.next()) counts.add(rs.getString(1), rs.getLong(2), rs.getLong(3));
    }
    json.writeObjectFieldStart("counters");
    for (Map.Entry<String, List<long[]>> e : series.entrySet()) {
      json.writeArrayFieldStart(e.getKey());
      for (long[] point : e.getValue()) json.writeArray(point, 0, 2);
      json.writeEndArray();
    }
    json.writeObjectFieldStart("goroutines");
    long[][] byState = counts.counts();
    json.writeArrayFieldStart("ts");
    for (int k = 0; k < counts.size(); k++) json.writeNumber(counts.instant(k));
    json.writeEndArray();
    for (int s = 0; s < StateCounts.STATES.size(); s++) {
      json.writeArrayFieldStart(StateCounts.STATES.get(s));
      for (int k = 0; k < counts.size(); k++) json.writeNumber(byState[k][s]);
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** flames: {profile: tree of its top stacks by delay, frames as "function file:line"}. */
  private void writeFlames(JsonGenerator json) throws SQLException, IOException {
    json.writeObjectFieldStart("flames");
    for (String profile : PROFILES) {
      Map<Long, Long> delays = new LinkedHashMap<>();
      try (Statement st = connection.createStatement();
           ResultSet rs = st.executeQuery("SELECT stack_id, delay_ns FROM blocking_profiles WHERE profile = '" + profile
               + "' AND stack_id IS NOT NULL ORDER BY delay_ns DESC, stack_id LIMIT " + FLAME_STACKS)) {
        while (rs.next()) delays.put(rs.getLong(1), rs.getLong(2));
      }
      FlameTree root = new FlameTree(profile);
      if (!delays.isEmpty()) {
        Map<Long, List<String>> frames = new HashMap<>();
        String ids = delays.keySet().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT stack_id, function_name, file, line FROM stack_frames "
                 + "WHERE stack_id IN (" + ids + ") ORDER BY stack_id, depth DESC")) {
          while (rs.next()) {
            frames.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                .add(rs.getString(2) + " " + rs.getString(3) + ":" + rs.getLong(4));
          }
        }
        for (Map.Entry<Long, Long> e : delays.entrySet()) root.add(frames.getOrDefault(e.getKey(), List.of()), e.getValue());
      }
      json.writeFieldName(profile);
      root.write(json);
    }
    json.writeEndObject();
  }

  /** timeline: the chosen goroutines' running slices per P, GC and stop-the-world bands. */
  private void writeTimeline(JsonGenerator json, long traceEnd) throws SQLException, IOException {
    Map<Long, String> goroutines = timelineGoroutines();
    json.writeObjectFieldStart("timeline");
    json.writeStringField("selection", timelineCondition != null ? timelineCondition
        : "the " + timelineGoroutines + " non-system goroutines that ran longest");
    json.writeObjectFieldStart("goroutines");
    for (Map.Entry<Long, String> g : goroutines.entrySet()) json.writeStringField(Long.toString(g.getKey()), g.getValue());
    json.writeEndObject();
    Set<Long> procs = new TreeSet<>();
    long slices = 0;
    json.writeArrayFieldStart("slices");
    // A short list of goroutines is pushed into the scan; a long one is checked row by row.
    String only = goroutines.isEmpty() || goroutines.size() > 1000 ? ""
        : " AND goid IN (" + String.join(", ", goroutines.keySet().stream().map(String::valueOf).toList()) + ")";
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT goid, proc_id, ts, COALESCE(ts + dur, " + traceEnd + ") FROM goroutine_states "
             + "WHERE state = 'running' AND proc_id IS NOT NULL" + only)) {
      while (rs.next() && slices < TIMELINE_SLICES) {
        long goid = rs.getLong(1);
        if (!goroutines.containsKey(goid)) continue;
        procs.add(rs.getLong(2));
        json.writeArray(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), goid}, 0, 4);
        slices++;
      }
    }
    json.writeEndArray();
    json.writeBooleanField("cut", slices == TIMELINE_SLICES);
    json.writeArrayFieldStart("procs");
    for (long p : procs) json.writeNumber(p);
    json.writeEndArray();
    json.writeArrayFieldStart("bands");
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT CASE WHEN name LIKE 'GC%' THEN 'GC' ELSE 'STW' END, ts, "
             + "COALESCE(ts + dur, " + traceEnd + ") FROM ranges "
             + "WHERE name = 'GC concurrent mark phase' OR name LIKE 'stop-the-world%' ORDER BY ts")) {
      while (rs.next()) {
        json.writeStartArray();
        json.writeString(rs.getString(1));
        json.writeNumber(rs.getLong(2));
        json.writeNumber(rs.getLong(3));
        json.writeEndArray();
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** goid to name of the timeline's goroutines. */
  private Map<Long, String> timelineGoroutines() throws SQLException {
    String sql = timelineCondition != null
        ? "SELECT goid, name FROM goroutines WHERE (" + timelineCondition + ") ORDER BY goid"
        : "SELECT goid, name FROM goroutine_times WHERE NOT is_system ORDER BY exec_ns DESC, goid LIMIT " + timelineGoroutines;
    Map<Long, String> names = new LinkedHashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) names.put(rs.getLong(1), rs.getString(2));
    }
    return names;
  }

  private List<Long> longs(String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) values.add(rs.getLong(1));
    }
    return values;
  }
}
