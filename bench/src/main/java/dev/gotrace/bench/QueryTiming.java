package dev.gotrace.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one SQL text on one connection: once ("first", including planning and code generation for
 * a new query shape), then {@code repeats} more times; keeps every time and the last result as
 * normalised, sorted row strings so two engines' answers compare regardless of numeric types.
 */
final class QueryTiming {
  final double firstMillis;
  final double[] repeatMillis;
  final List<String> rows;
  final long peakHeap;

  private QueryTiming(double firstMillis, double[] repeatMillis, List<String> rows, long peakHeap) {
    this.firstMillis = firstMillis;
    this.repeatMillis = repeatMillis;
    this.rows = rows;
    this.peakHeap = peakHeap;
  }

  static QueryTiming run(Connection connection, String sql, int repeats) throws Exception {
    double first = 0;
    double[] repeat = new double[repeats];
    List<String> rows = null;
    long peak = 0;
    for (int i = -1; i < repeats; i++) {
      System.gc();
      HeapSampler heap = new HeapSampler();
      heap.start();
      long t0 = System.nanoTime();
      rows = execute(connection, sql);
      double millis = (System.nanoTime() - t0) / 1e6;
      peak = Math.max(peak, heap.stop());
      if (i < 0) first = millis;
      else repeat[i] = millis;
    }
    return new QueryTiming(first, repeat, rows, peak);
  }

  double median() { return Stats.median(repeatMillis); }

  private static List<String> execute(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= md.getColumnCount(); c++) {
          row.append(c == 1 ? "" : " | ").append(normalise(rs.getObject(c)));
        }
        rows.add(row.toString());
      }
    }
    Collections.sort(rows);
    return rows;
  }

  /** Numbers as plain decimals (12 significant digits for floating point), strings as they are. */
  private static String normalise(Object value) {
    if (value == null) return "NULL";
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(((Number) value).doubleValue()).round(new MathContext(12)).stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof Number) return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    return value.toString();
  }
}
