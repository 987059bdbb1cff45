package dev.gotrace.bench;

import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;

/**
 * SQL benchmark in one JVM: the same queries through our JDBC driver ({@code jdbc:gotrace:}) and
 * through DuckDB over the same {@code events} and {@code blocking_intervals} tables, exported from
 * our Arrow vectors through the C Data Interface (strings decoded). Prints first and median times
 * and checks that both engines return the same rows.
 *
 * <p>Usage: {@code SqlBench TRACE [repeats=5]}
 */
public final class SqlBench {
  private SqlBench() {}

  /** The benchmark queries, by short name. Plain SQL both engines accept unchanged. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("count", "SELECT COUNT(*) AS n FROM events");
    QUERIES.put("events_group_by",
        "SELECT reason, COUNT(*) AS transitions, COUNT(DISTINCT goid) AS goroutines, MAX(ts) AS last_ts "
            + "FROM events WHERE kind = 'StateTransition' AND to_state = 'waiting' "
            + "GROUP BY reason ORDER BY transitions DESC");
    QUERIES.put("blocking_group_by",
        "SELECT reason, COUNT(*) AS intervals, SUM(dur) AS total_ns, MAX(dur) AS max_ns "
            + "FROM blocking_intervals WHERE state = 'waiting' AND dur IS NOT NULL "
            + "GROUP BY reason ORDER BY total_ns DESC");
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SqlBench TRACE [repeats]");
      System.exit(2);
    }
    Path trace = Path.of(args[0]).toAbsolutePath();
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;

    Map<String, QueryTiming> ours = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + trace)) {
      System.out.printf(Locale.ROOT, "gotrace: connect (decode + tables) %s%n", Stats.ms((System.nanoTime() - t0) / 1e6));
      for (Map.Entry<String, String> q : QUERIES.entrySet()) ours.put(q.getKey(), QueryTiming.run(c, q.getValue(), repeats));
    }
    report("gotrace (Calcite)", ours);

    Map<String, Map<String, QueryTiming>> duck = new LinkedHashMap<>();
    try (RootAllocator allocator = new RootAllocator()) {
      long d0 = System.nanoTime();
      Connection dc = DriverManager.getConnection("jdbc:duckdb:");
      System.out.printf(Locale.ROOT, "duckdb: connect %s%n", Stats.ms((System.nanoTime() - d0) / 1e6));
      try (dc) {
        try (TraceDatabase db = TraceDatabase.open(trace, ReadOptions.lenient(), allocator)) {
          for (String table : List.of("events", "blocking_intervals")) load(dc, db, table, allocator);
        }
        for (int threads : new int[] {2, 1}) {
          try (Statement st = dc.createStatement()) {
            st.execute("SET threads = " + threads);
          }
          Map<String, QueryTiming> timings = new LinkedHashMap<>();
          for (Map.Entry<String, String> q : QUERIES.entrySet()) timings.put(q.getKey(), QueryTiming.run(dc, q.getValue(), repeats));
          duck.put("duckdb " + threads + " thread" + (threads > 1 ? "s" : ""), timings);
        }
      }
    }
    for (Map.Entry<String, Map<String, QueryTiming>> e : duck.entrySet()) report(e.getKey(), e.getValue());

    List<String> mismatches = new ArrayList<>();
    for (String name : QUERIES.keySet()) {
      for (Map.Entry<String, Map<String, QueryTiming>> e : duck.entrySet()) {
        if (!ours.get(name).rows.equals(e.getValue().get(name).rows)) {
          mismatches.add(name + " vs " + e.getKey() + ":\n  ours " + ours.get(name).rows + "\n  duck "
              + e.getValue().get(name).rows);
        }
      }
      System.out.println("answer " + name + ": " + ours.get(name).rows);
    }
    System.out.println(mismatches.isEmpty() ? "answers: identical in both engines" : "ANSWERS DIFFER: " + mismatches);
    System.out.println("process peak RSS (VmHWM): " + Stats.mib(Stats.peakRss()));
    if (!mismatches.isEmpty()) System.exit(1);
  }

  /** Copies one table into DuckDB's own storage through an Arrow C stream. */
  private static void load(Connection duck, TraceDatabase db, String table, RootAllocator allocator) throws Exception {
    long t0 = System.nanoTime();
    try (PlainTableReader reader = new PlainTableReader(db.table(table), allocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      duck.unwrap(DuckDBConnection.class).registerArrowStream(table + "_arrow", stream);
      try (Statement st = duck.createStatement()) {
        st.execute("CREATE TABLE " + table + " AS SELECT * FROM " + table + "_arrow");
      }
    }
    System.out.printf(Locale.ROOT, "duckdb: loaded %s (%d rows) from Arrow in %s%n", table, db.table(table).rowCount(),
        Stats.ms((System.nanoTime() - t0) / 1e6));
  }

  private static void report(String engine, Map<String, QueryTiming> timings) {
    for (Map.Entry<String, QueryTiming> e : timings.entrySet()) {
      QueryTiming t = e.getValue();
      System.out.printf(Locale.ROOT, "%-18s %-18s first %6.0f ms | median %6.0f ms | runs [%s] | peak heap %s | rows %d%n",
          engine, e.getKey(), t.firstMillis, t.median(), Stats.list(t.repeatMillis), Stats.mib(t.peakHeap), t.rows.size());
    }
  }
}
