package dev.gotrace.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.GoTrace;
import dev.gotrace.core.TestData;
import dev.gotrace.core.TraceFiles;
import dev.gotrace.jdbc.ViewsFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed traces exported as the CLI exports them (GoTrace's export and views.json), and what the
 * jdbc:gotrace: driver returns for them, to compare other engines with.
 */
final class ExportedDataset implements AutoCloseable {
  /** Traces with every kind of profile row: channels, network, syscalls, leaks, regions, a mix. */
  static final String GLOB = "go1.2[7]/{annotations,chansync,leaks,mix,nethttp,syscalls}.trace";

  final List<TraceFiles.TraceFile> traces;
  final Path parquet;
  final Path arrow;
  final JsonNode views;
  /** One driver connection per trace, so each trace is decoded once. */
  private final Map<String, Connection> connections = new HashMap<>();

  ExportedDataset(Path dir) throws IOException {
    traces = TraceFiles.resolve(List.of(TestData.root().resolve("traces") + "/" + GLOB));
    parquet = Files.createDirectories(dir.resolve("parquet"));
    arrow = Files.createDirectories(dir.resolve("arrow"));
    GoTrace.exportParquet(traces, parquet, (id, files, rows, damage) -> {});
    GoTrace.exportArrow(traces, arrow, (id, files, rows, damage) -> {});
    ViewsFile.write(parquet.resolve(ViewsFile.NAME), "parquet");
    views = new ObjectMapper().readTree(parquet.resolve(ViewsFile.NAME).toFile());
  }

  /** The views of views.json, in its order. */
  List<JsonNode> views() {
    List<JsonNode> list = new ArrayList<>();
    views.get("views").forEach(list::add);
    return list;
  }

  JsonNode view(String name) {
    return views().stream().filter(v -> v.get("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("views.json has no view " + name));
  }

  /** The rows {@code sql} returns on the trace through the driver, {@link #canonical} and sorted. */
  List<String> driverRows(TraceFiles.TraceFile trace, String sql) throws SQLException {
    Connection c = connections.get(trace.traceId());
    if (c == null) {
      c = DriverManager.getConnection("jdbc:gotrace:" + trace.path());
      connections.put(trace.traceId(), c);
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** Closes the driver's connections. */
  @Override public void close() throws SQLException {
    for (Connection c : connections.values()) c.close();
    connections.clear();
  }

  /** Every row of {@code rs}, each as its {@link #canonical} values, sorted. */
  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) values[i] = rs.getObject(i + 1);
      rows.add(canonical(values));
    }
    return sorted(rows);
  }

  static List<String> sorted(List<String> rows) {
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  /**
   * A row as text that is the same whichever engine produced it: whole numbers of any Java type as
   * the number, others as a double.
   */
  static String canonical(Object... values) {
    StringBuilder b = new StringBuilder();
    for (Object v : values) {
      if (b.length() > 0) b.append(" | ");
      b.append(canonicalValue(v));
    }
    return b.toString();
  }

  private static String canonicalValue(Object v) {
    if (v == null) return "NULL";
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : Double.toString(d.doubleValue());
    }
    if (v instanceof Float || v instanceof Double) return Double.toString(((Number) v).doubleValue());
    return "'" + v + "'";
  }
}
