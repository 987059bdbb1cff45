package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TraceDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory, glob or list of committed traces opened as one catalogue: every table and view has
 * the trace_id column, and per trace_id its rows are the trace's own (each trace opened alone); a
 * damaged file is a row of {@code traces} with its error and no rows elsewhere.
 */
class CatalogueTest {
  private static final Path TRACES = TestData.root().resolve("traces");
  private static final String NO_CACHE = ";cache=off";

  /** Goroutine counts, goroutine groups and the four profiles' totals per trace_id equal each trace's alone. */
  @Test
  void aDirectoryIsOneCatalogueWhoseTracesAnswerAsAlone(@TempDir Path dir) throws Exception {
    List<Path> traces = copyTraces("go1.27", dir);
    Files.write(dir.resolve("damaged.trace"), "not a Go trace at all\n".getBytes());
    // Cut in its third generation: the first two are read, as go tool trace reads them.
    byte[] many = Files.readAllBytes(TRACES.resolve("go1.27/manygoroutines.trace"));
    Files.write(dir.resolve("cut/manygoroutines.trace"), java.util.Arrays.copyOf(many, many.length * 3 / 4));
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + dir + NO_CACHE)) {
      Map<String, Map<String, Object>> status = byTrace(c, "SELECT * FROM traces");
      assertEquals(traces.size() + 2, status.size(), status.keySet().toString());
      Map<String, Object> cut = status.get("cut/manygoroutines.trace");
      assertEquals("truncated", cut.get("decode_status"), cut.toString());
      assertEquals(Boolean.TRUE, cut.get("truncated"));
      assertNotNull(cut.get("error_message"));
      Map<String, Object> damaged = status.get("damaged.trace");
      assertEquals("failed", damaged.get("decode_status"));
      assertNotNull(damaged.get("error_message"));
      assertTrue(damaged.get("error_message").toString().contains("not a Go execution trace"), damaged.toString());
      assertEquals(22L, asLong(damaged.get("file_size")));

      Map<String, Map<String, Object>> goroutines = byTrace(c,
          "SELECT trace_id, COUNT(*) AS n, SUM(CASE WHEN is_system THEN 1 ELSE 0 END) AS system_n FROM goroutines GROUP BY trace_id");
      Map<String, Map<String, Object>> profiles = byTrace(c,
          "SELECT trace_id, profile, SUM(contentions) AS contentions, SUM(delay_ns) AS delay_ns FROM ("
              + profileUnion() + ") p GROUP BY trace_id, profile", "trace_id", "profile");
      Map<String, Map<String, Object>> groups = byTrace(c,
          "SELECT trace_id, name, goroutines, exec_ns FROM goroutine_groups", "trace_id", "name");
      assertEquals(traces.size() + 1, goroutines.size(), "the damaged trace has no goroutines: " + goroutines.keySet());
      try (Connection alone = DriverManager.getConnection(GoTraceDriver.PREFIX + dir.resolve("cut/manygoroutines.trace") + NO_CACHE)) {
        assertEquals(asLong(query(alone, "SELECT COUNT(*) AS n FROM goroutines").get(0).get("n")),
            asLong(goroutines.get("cut/manygoroutines.trace").get("n")), "the cut trace answers with what could be read");
        assertTrue(asLong(goroutines.get("cut/manygoroutines.trace").get("n")) > 0);
      }

      for (Path trace : traces) {
        String id = trace.getFileName().toString();
        assertEquals("ok", status.get(id).get("decode_status"), id);
        try (Connection alone = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27").resolve(id) + NO_CACHE)) {
          Map<String, Object> info = query(alone, "SELECT * FROM trace_info").get(0);
          assertEquals(info.get("duration_ns"), status.get(id).get("duration_ns"), id);
          assertEquals(info.get("event_count"), status.get(id).get("event_count"), id);
          assertEquals(info.get("format_version"), status.get(id).get("format_version"), id);
          Map<String, Object> g = query(alone,
              "SELECT COUNT(*) AS n, SUM(CASE WHEN is_system THEN 1 ELSE 0 END) AS system_n FROM goroutines").get(0);
          assertEquals(asLong(g.get("n")), asLong(goroutines.get(id).get("n")), id);
          assertEquals(asLong(g.get("system_n")), asLong(goroutines.get(id).get("system_n")), id);
          for (Map<String, Object> p : query(alone, "SELECT profile, SUM(contentions) AS contentions, SUM(delay_ns) AS delay_ns FROM ("
              + profileUnion().replace("trace_id, ", "") + ") p GROUP BY profile")) {
            Map<String, Object> ours = profiles.get(id + "|" + p.get("profile"));
            assertNotNull(ours, id + " " + p);
            assertEquals(asLong(p.get("contentions")), asLong(ours.get("contentions")), id + " " + p);
            assertEquals(asLong(p.get("delay_ns")), asLong(ours.get("delay_ns")), id + " " + p);
          }
          for (Map<String, Object> group : query(alone, "SELECT name, goroutines, exec_ns FROM goroutine_groups")) {
            Map<String, Object> ours = groups.get(id + "|" + group.get("name"));
            assertNotNull(ours, id + " " + group);
            assertEquals(asLong(group.get("goroutines")), asLong(ours.get("goroutines")), id + " " + group);
            assertEquals(asLong(group.get("exec_ns")), asLong(ours.get("exec_ns")), id + " " + group);
          }
        }
      }
    }
  }

  /** A trace that becomes unreadable after the catalogue opened is found damaged when decoded: no rows, its error in traces. */
  @Test
  void aTraceThatCannotBeDecodedHasNoRowsAndItsError(@TempDir Path dir) throws Exception {
    Files.copy(TRACES.resolve("go1.27/leaks.trace"), dir.resolve("leaks.trace"));
    Path gone = Files.copy(TRACES.resolve("go1.27/chansync.trace"), dir.resolve("gone.trace"));
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + dir + NO_CACHE)) {
      Files.delete(gone);
      assertEquals(List.of(Map.of("trace_id", "leaks.trace", "n", 17L)),
          query(c, "SELECT trace_id, COUNT(*) AS n FROM goroutines GROUP BY trace_id"));
      Map<String, Object> status = byTrace(c, "SELECT * FROM traces").get("gone.trace");
      assertEquals("failed", status.get("decode_status"), status.toString());
      assertTrue(status.get("error_message").toString().contains("gone.trace"), status.toString());
      assertEquals(List.of(new TraceCatalogue.Problem("gone.trace", true, status.get("error_message").toString(), 0)),
          catalogue(c).problems());
    }
  }

  /** A condition on trace_id leaves the other traces out of the plan: they are not decoded. */
  @Test
  void aConditionOnTraceIdDecodesOnlyThatTrace() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27") + NO_CACHE)) {
      List<Map<String, Object>> rows = query(c,
          "SELECT COUNT(*) AS n FROM sync_blocking_profile WHERE trace_id = 'chansync.trace'");
      assertTrue(asLong(rows.get(0).get("n")) > 0);
      TraceCatalogue catalogue = catalogue(c);
      for (CatalogueMember m : catalogue.members()) {
        Set<String> built = m.database().orElseThrow().builtTables();
        if (m.traceId().equals("chansync.trace")) assertTrue(built.contains("blocking_profiles"), built.toString());
        else assertEquals(Set.of(), built, m.traceId());
      }
    }
  }

  /** A query over every trace decodes each once, for all the tables it reads, on the catalogue's decoder threads. */
  @Test
  void eachTraceIsDecodedInOnePassOnTheDecoderThreads() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27") + NO_CACHE)) {
      query(c, "SELECT trace_id, COUNT(*) AS n FROM goroutine_analysis a JOIN sync_blocking_profile p USING (trace_id) GROUP BY trace_id");
      for (CatalogueMember m : catalogue(c).members()) {
        TraceDatabase db = m.database().orElseThrow();
        assertEquals(1, db.decodePasses(), m.traceId() + " built " + db.builtTables());
        assertTrue(db.builtTables().containsAll(Set.of("goroutine_times", "blocking_profiles", "stacks")), m.traceId());
      }
      assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("gotrace-decode-")),
          "the traces were decoded on the decoder threads");
    }
  }

  /** The four profiles' rows with a profile column, per trace. */
  private static String profileUnion() {
    List<String> parts = new ArrayList<>();
    Map<String, String> views = Map.of("net", "net_blocking_profile", "sync", "sync_blocking_profile",
        "syscall", "syscall_blocking_profile", "sched", "sched_latency_profile");
    views.forEach((profile, view) -> parts.add(
        "SELECT trace_id, '" + profile + "' AS profile, contentions, delay_ns FROM " + view));
    return String.join(" UNION ALL ", parts);
  }

  static TraceCatalogue catalogue(Connection c) throws SQLException {
    return c.unwrap(CalciteConnection.class).getRootSchema().getSubSchema(GoTraceDriver.SCHEMA)
        .unwrap(CatalogueSchema.class).catalogue();
  }

  /** Rows of {@code sql} keyed by the values of {@code keys} joined with '|'. */
  private static Map<String, Map<String, Object>> byTrace(Connection c, String sql, String... keys) throws SQLException {
    String[] by = keys.length == 0 ? new String[] {"trace_id"} : keys;
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (Map<String, Object> row : query(c, sql)) {
      List<String> key = new ArrayList<>();
      for (String k : by) key.add(String.valueOf(row.get(k)));
      rows.put(String.join("|", key), row);
    }
    return rows;
  }

  /**
   * trace_diff of one program's traces from two Go releases: per profile stack (matched by its
   * function names) and per goroutine group, the deltas of the two traces' own views.
   */
  @Test
  void traceDiffHasTheDeltasOfTheTwoSingleTraceViews() throws Exception {
    Path before = TRACES.resolve("go1.22/chansync.trace");
    Path after = TRACES.resolve("go1.27/chansync.trace");
    Map<String, long[]> expected = new TreeMap<>();
    items(before, expected, 0);
    items(after, expected, 1);
    List<Map<String, Object>> diff;
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES + "/go1.2[27]/chansync.trace" + NO_CACHE)) {
      diff = query(c, "SELECT * FROM TABLE(trace_diff('go1.22/chansync.trace', 'go1.27/chansync.trace'))");
    }
    assertEquals(List.of("kind", "key", "before_count", "after_count", "delta_count", "before_ns", "after_ns", "delta_ns"),
        List.copyOf(diff.get(0).keySet()));
    Map<String, long[]> actual = new TreeMap<>();
    long previous = Long.MAX_VALUE;
    for (Map<String, Object> row : diff) {
      String key = row.get("kind") + "|" + row.get("key");
      long[] v = {orMinus(row.get("before_count")), orMinus(row.get("after_count")), orMinus(row.get("before_ns")),
          orMinus(row.get("after_ns"))};
      assertEquals(Math.max(v[1], 0) - Math.max(v[0], 0), asLong(row.get("delta_count")), key);
      assertEquals(Math.max(v[3], 0) - Math.max(v[2], 0), asLong(row.get("delta_ns")), key);
      long magnitude = Math.abs(asLong(row.get("delta_ns")));
      assertTrue(magnitude <= previous, "sorted by |delta_ns|, largest first: " + key);
      previous = magnitude;
      actual.put(key, v);
    }
    assertEquals(render(expected), render(actual));
    assertTrue(actual.containsKey("sync|sync.(*Mutex).Lock <- main.mutexContention.func1"), actual.keySet().toString());
    assertTrue(actual.keySet().stream().anyMatch(k -> k.startsWith("goroutine_group|")), actual.keySet().toString());

    // A catalogue named as two files has the view trace_diff: the first before the second.
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + before + "," + after + NO_CACHE)) {
      assertEquals(diff, query(c, "SELECT * FROM trace_diff"));
    }
  }

  /** Per kind and key, count and time of {@code trace}'s own profile views and goroutine groups, at {@code side}. */
  private static void items(Path trace, Map<String, long[]> items, int side) throws SQLException {
    Map<String, String> views = Map.of("net", "net_blocking_profile", "sync", "sync_blocking_profile",
        "syscall", "syscall_blocking_profile", "sched", "sched_latency_profile");
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace + NO_CACHE)) {
      for (Map.Entry<String, String> v : views.entrySet()) {
        for (Map<String, Object> row : query(c, "SELECT s.frames, SUM(p.contentions) AS n, SUM(p.delay_ns) AS ns FROM "
            + v.getValue() + " p LEFT JOIN stack_text s ON s.stack_id = p.stack_id GROUP BY s.frames")) {
          put(items, v.getKey() + "|" + row.get("frames"), side, asLong(row.get("n")), asLong(row.get("ns")));
        }
      }
      for (Map<String, Object> row : query(c, "SELECT name, goroutines, exec_ns FROM goroutine_groups")) {
        put(items, "goroutine_group|" + row.get("name"), side, asLong(row.get("goroutines")), asLong(row.get("exec_ns")));
      }
    }
  }

  private static void put(Map<String, long[]> items, String key, int side, long count, long ns) {
    long[] v = items.computeIfAbsent(key, k -> new long[] {-1, -1, -1, -1});
    v[side] = count;
    v[2 + side] = ns;
  }

  private static long orMinus(Object value) {
    return value == null ? -1 : asLong(value);
  }

  private static String render(Map<String, long[]> items) {
    StringBuilder b = new StringBuilder();
    items.forEach((k, v) -> b.append(k).append(' ').append(java.util.Arrays.toString(v)).append('\n'));
    return b.toString();
  }

  /** JDBC metadata lists the catalogue's tables and views with trace_id documented, not the traces' own schemas. */
  @Test
  void metadataListsTheCatalogueWithTraceIdDocumented() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27") + NO_CACHE);
         Connection alone = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27/mix.trace") + NO_CACHE)) {
      DatabaseMetaData md = c.getMetaData();
      Set<String> schemas = new java.util.TreeSet<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) schemas.add(rs.getString("TABLE_SCHEM"));
      }
      assertEquals(Set.of(GoTraceDriver.SCHEMA, "metadata"), schemas);
      Map<String, String> tables = tables(md);
      Map<String, String> single = tables(alone.getMetaData());
      single.put("traces", "TABLE");
      assertEquals(single, tables);
      List<String[]> columns = columns(md, "goroutines");
      List<String[]> singleColumns = columns(alone.getMetaData(), "goroutines");
      assertEquals("trace_id", columns.get(0)[0]);
      assertEquals(CatalogueSchema.TRACE_ID_DOC, columns.get(0)[2]);
      assertEquals(render(singleColumns), render(columns.subList(1, columns.size())));
      assertEquals(render(columns(alone.getMetaData(), "sync_blocking_profile")),
          render(columns(md, "sync_blocking_profile").subList(1, 5)));
      assertTrue(columns(md, "traces").stream().allMatch(col -> !col[2].isEmpty()));
    }
  }

  private static Map<String, String> tables(DatabaseMetaData md) throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    try (ResultSet rs = md.getTables(null, GoTraceDriver.SCHEMA, "%", null)) {
      while (rs.next()) tables.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
    }
    return tables;
  }

  /** Name, type and REMARKS of each column. */
  private static List<String[]> columns(DatabaseMetaData md, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, GoTraceDriver.SCHEMA, table, "%")) {
      while (rs.next()) {
        String remarks = rs.getString("REMARKS");
        columns.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), remarks == null ? "" : remarks});
      }
    }
    return columns;
  }

  private static String render(List<String[]> rows) {
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) b.append(String.join(" | ", r)).append('\n');
    return b.toString();
  }

  /**
   * The 65 committed traces as one catalogue stay plannable: a profile view, a GROUP BY trace_id over
   * it (whose plan, before WideUnionPredicates, took time quadratic in the traces) and a report.
   */
  @Test
  void sixtyFiveTracesArePlannable() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES + NO_CACHE);
         Statement s = c.createStatement()) {
      assertEquals(65, catalogue(c).members().size());
      for (String sql : List.of("SELECT * FROM sync_blocking_profile",
          "SELECT trace_id, SUM(delay_ns) AS delay_ns FROM sync_blocking_profile GROUP BY trace_id",
          "SELECT * FROM report_top_sync")) {
        long start = System.nanoTime();
        String plan;
        try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
          rs.next();
          plan = rs.getString(1);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("plan over 65 traces: " + ms + " ms: " + sql);
        assertEquals(65, plan.split("blocking_profiles\\]\\]", -1).length - 1, plan);
        assertTrue(ms < 60_000, ms + " ms to plan " + sql);
      }
    }
  }

  /** A catalogue's traces share the connection's memory_limit; past it a query fails with 53200 and nothing leaks. */
  @Test
  void theMemoryLimitBoundsAllTheTraces() throws Exception {
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACES.resolve("go1.27") + NO_CACHE
        + ";memory_limit=1m"); Statement s = c.createStatement()) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT COUNT(*) FROM events").close());
      assertEquals(SqlErrors.OUT_OF_MEMORY, e.getSQLState(), e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM traces")) {
        rs.next();
        assertEquals(9, rs.getLong(1));
      }
    }
  }

  private static List<Path> copyTraces(String release, Path dir) throws IOException {
    List<Path> copies = new ArrayList<>();
    Files.createDirectories(dir.resolve("cut"));
    try (var files = Files.list(TRACES.resolve(release))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".trace")).sorted().toList()) {
        copies.add(Files.copy(f, dir.resolve(f.getFileName())));
      }
    }
    return copies;
  }
}
