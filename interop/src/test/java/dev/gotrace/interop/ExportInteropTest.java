package dev.gotrace.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.table.TableSchemas;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet and Arrow IPC exports of several committed traces, read by Apache Spark (local mode)
 * and DuckDB: the shipped views' SQL, taken from the export's views.json and run unchanged per
 * trace over views of the base tables restricted to that trace_id, returns the driver's rows; the
 * tables hold the driver's row counts per trace.
 */
class ExportInteropTest {
  /** The profile views the export must carry to other engines. */
  private static final List<String> REQUIRED = List.of("sync_blocking_profile", "net_blocking_profile",
      "syscall_blocking_profile", "sched_latency_profile", "goroutine_groups");

  /** Spark plans each query for a second or so: it runs the views on fewer traces than DuckDB. */
  private static final List<String> SPARK_TRACES = List.of("go1.27/chansync.trace", "go1.27/mix.trace",
      "go1.27/nethttp.trace");

  @TempDir static Path dir;
  private static ExportedDataset data;
  private static SparkSession spark;
  private static Connection duckdb;
  /** Each table's dataset, read (listed, footers parsed) once. */
  private static final Map<String, Dataset<Row>> sparkTables = new LinkedHashMap<>();
  /** Driver row counts per trace and table, computed once. */
  private static final Map<String, Map<String, Long>> tableCounts = new LinkedHashMap<>();
  /** Driver rows per view and trace, computed once. */
  private static final Map<String, List<String>> driverRows = new LinkedHashMap<>();

  @BeforeAll
  static void exportAndStartEngines() throws Exception {
    data = new ExportedDataset(dir);
    spark = SparkSession.builder().master("local[2]").appName("gotrace-interop")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        // Tiny tables, many queries: planning and code generation cost more than running them.
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        // A loaded CI machine can stall the JVM for a while; that is no lost executor.
        .config("spark.network.timeout", "600s")
        .config("spark.executor.heartbeatInterval", "60s")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        // trace_id is a path: never let Spark read one that looks like a number as a number.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void stopEngines() throws SQLException {
    if (spark != null) spark.stop();
    if (duckdb != null) duckdb.close();
    if (data != null) data.close();
  }

  @Test
  void everyTableIsExportedPerTraceWithTheDriversRowCounts() throws Exception {
    assertEquals(new TreeSet<>(TableSchemas.names()), subdirectories(data.parquet));
    assertEquals(new TreeSet<>(TableSchemas.names()), subdirectories(data.arrow));
    registerSparkTables(data.traces.get(0));
    for (String table : TableSchemas.names()) {
      Map<String, Long> expected = driverCounts(table);
      Map<String, Long> inSpark = new TreeMap<>();
      for (Row r : sparkTables.get(table).groupBy("trace_id").count().collectAsList()) {
        inSpark.put(r.getString(0), r.getLong(1));
      }
      expected.values().removeIf(n -> n == 0);
      assertEquals(expected, inSpark, "Spark: rows of " + table + " per trace_id");
      Map<String, Long> inDuckDb = new TreeMap<>();
      try (Statement s = duckdb.createStatement();
          ResultSet rs = s.executeQuery("SELECT trace_id, COUNT(*) FROM " + parquetScan(table) + " GROUP BY trace_id")) {
        while (rs.next()) inDuckDb.put(rs.getString(1), rs.getLong(2));
      }
      assertEquals(expected, inDuckDb, "DuckDB over Parquet: rows of " + table + " per trace_id");
    }
  }

  @Test
  void duckDbReadsTheArrowExportWithTheDriversRowCounts() throws Exception {
    for (String table : TableSchemas.names()) {
      Map<String, Long> expected = driverCounts(table);
      Map<String, Long> inDuckDb = new TreeMap<>();
      for (TraceFiles.TraceFile trace : data.traces) {
        Path file = data.arrow.resolve(table).resolve(partition(trace)).resolve("part-0.arrow");
        inDuckDb.put(trace.traceId(), duckDbCount(file));
      }
      assertEquals(expected, inDuckDb, "DuckDB over Arrow IPC: rows of " + table + " per trace_id");
    }
  }

  @Test
  void theProfileViewsArePortable() {
    for (String name : REQUIRED) {
      JsonNode v = data.view(name);
      assertTrue(v.get("portable").asBoolean(), name + " is portable: " + v.path("not_portable_because").asText());
    }
  }

  @Test
  void viewsJsonHoldsTheShippedSqlFilesText() throws IOException {
    for (JsonNode v : data.views()) {
      String name = v.get("name").asText();
      String resource = name.startsWith("report_") ? "gotrace/reports/" + name.substring(7) : "gotrace/views/" + name;
      try (var in = getClass().getClassLoader().getResourceAsStream(resource + ".sql")) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
        assertEquals(text, v.get("sql").asText(), name);
      }
    }
  }

  @Test
  void sparkRunsThePortableViewsPerTraceWithTheDriversRows() throws Exception {
    int compared = 0;
    Set<String> withRows = new TreeSet<>();
    for (TraceFiles.TraceFile trace : sparkTraces()) {
      registerSparkTables(trace);
      for (JsonNode v : data.views()) {
        if (!v.get("portable").asBoolean()) continue;
        String name = v.get("name").asText();
        spark.sql("CREATE OR REPLACE TEMP VIEW " + name + " AS " + v.get("sql").asText());
        List<String> rows = new ArrayList<>();
        for (Row r : spark.sql("SELECT * FROM " + name).collectAsList()) {
          Object[] values = new Object[r.size()];
          for (int i = 0; i < r.size(); i++) values[i] = r.get(i);
          rows.add(ExportedDataset.canonical(values));
        }
        assertEquals(driver(name, trace), ExportedDataset.sorted(rows), "Spark: " + name + " of " + trace.traceId());
        if (!rows.isEmpty()) withRows.add(name);
        compared++;
      }
    }
    assertTrue(compared >= REQUIRED.size() * SPARK_TRACES.size());
    assertTrue(withRows.containsAll(REQUIRED), "some profile view had no row in any trace: " + withRows);
  }

  /** The traces Spark runs the views on (DuckDB runs them on all): sync, net, syscall and sched rows among them. */
  private static List<TraceFiles.TraceFile> sparkTraces() {
    List<TraceFiles.TraceFile> traces = data.traces.stream().filter(t -> SPARK_TRACES.contains(t.traceId())).toList();
    assertEquals(SPARK_TRACES.size(), traces.size());
    return traces;
  }

  @Test
  void duckDbRunsThePortableViewsPerTraceWithTheDriversRows() throws Exception {
    for (TraceFiles.TraceFile trace : data.traces) {
      registerDuckDbTables(trace);
      for (JsonNode v : data.views()) {
        if (!v.get("portable").asBoolean()) continue;
        String name = v.get("name").asText();
        try (Statement s = duckdb.createStatement()) {
          s.execute("CREATE OR REPLACE TEMP VIEW " + name + " AS " + v.get("sql").asText());
          try (ResultSet rs = s.executeQuery("SELECT * FROM " + name)) {
            assertEquals(driver(name, trace), ExportedDataset.rows(rs), "DuckDB: " + name + " of " + trace.traceId());
          }
        }
      }
    }
  }

  /** A view marked not portable for its own syntax or functions does fail on Spark: the mark is not a guess. */
  @Test
  void theViewsMarkedNotPortableFailOnSpark() throws Exception {
    registerSparkTables(data.traces.get(0));
    int checked = 0;
    for (JsonNode v : data.views()) {
      if (v.get("portable").asBoolean() || v.get("not_portable_because").asText().startsWith("reads ")) continue;
      String name = v.get("name").asText();
      assertThrows(Exception.class, () -> spark.sql("CREATE OR REPLACE TEMP VIEW " + name + " AS " + v.get("sql").asText())
          .count(), name + " is marked not portable (" + v.get("not_portable_because").asText() + ") yet runs on Spark");
      checked++;
    }
    assertTrue(checked > 0);
  }

  private static void registerSparkTables(TraceFiles.TraceFile trace) {
    for (String table : TableSchemas.names()) {
      sparkTables.computeIfAbsent(table, t -> spark.read().parquet(data.parquet.resolve(t).toString()))
          .where(functions.col("trace_id").equalTo(trace.traceId())).drop("trace_id").createOrReplaceTempView(table);
    }
  }

  private static void registerDuckDbTables(TraceFiles.TraceFile trace) throws SQLException {
    try (Statement s = duckdb.createStatement()) {
      for (String table : TableSchemas.names()) {
        s.execute("CREATE OR REPLACE TEMP VIEW " + table + " AS SELECT * EXCLUDE (trace_id) FROM " + parquetScan(table)
            + " WHERE trace_id = '" + trace.traceId().replace("'", "''") + "'");
      }
    }
  }

  private static String parquetScan(String table) {
    return "read_parquet('" + data.parquet.resolve(table) + "/*/*.parquet', hive_partitioning = true, union_by_name = true)";
  }

  private static List<String> driver(String view, TraceFiles.TraceFile trace) throws SQLException {
    String key = view + " @ " + trace.traceId();
    List<String> rows = driverRows.get(key);
    if (rows == null) {
      rows = data.driverRows(trace, "SELECT * FROM " + view);
      driverRows.put(key, rows);
    }
    return rows;
  }

  private static Map<String, Long> driverCounts(String table) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (TraceFiles.TraceFile trace : data.traces) counts.put(trace.traceId(), driverCounts(trace).get(table));
    return counts;
  }

  /** Rows of every table of {@code trace} by the driver, in one query so the trace is decoded once. */
  private static Map<String, Long> driverCounts(TraceFiles.TraceFile trace) throws SQLException {
    Map<String, Long> counts = tableCounts.get(trace.traceId());
    if (counts != null) return counts;
    StringBuilder sql = new StringBuilder();
    for (String table : TableSchemas.names()) {
      if (sql.length() > 0) sql.append(" UNION ALL ");
      sql.append("SELECT '").append(table).append("', COUNT(*) FROM ").append(table);
    }
    counts = new TreeMap<>();
    for (String row : data.driverRows(trace, sql.toString())) {
      String[] parts = row.split(" \\| ");
      // The literals are CHAR of the longest name: padded.
      counts.put(parts[0].substring(1, parts[0].length() - 1).strip(), Long.parseLong(parts[1]));
    }
    assertEquals(new TreeSet<>(TableSchemas.names()), counts.keySet());
    tableCounts.put(trace.traceId(), counts);
    return counts;
  }

  /** Rows of an Arrow IPC file as DuckDB counts them, handed over through Arrow's C stream interface. */
  private static long duckDbCount(Path file) throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(FileChannel.open(file), allocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      duckdb.unwrap(DuckDBConnection.class).registerArrowStream("arrow_file", stream);
      try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM arrow_file")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String partition(TraceFiles.TraceFile trace) {
    return "trace_id=" + trace.traceId().replace("/", "%2F");
  }

  private static TreeSet<String> subdirectories(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      TreeSet<String> names = new TreeSet<>();
      entries.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
      assertFalse(names.isEmpty());
      return names;
    }
  }
}
