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
 * a new query shape), then {@code repeats} more times; each time covers executing and reading
 * every value. Keeps every time, and the result of one more untimed run as normalised, sorted row
 * strings so two engines' answers compare regardless of numeric types.
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
    long peak = 0;
    for (int i = -1; i < repeats; i++) {
      System.gc();
      HeapSampler heap = new HeapSampler();
      heap.start();
      long t0 = System.nanoTime();
      read(connection, sql, null);
      double millis = (System.nanoTime() - t0) / 1e6;
      peak = Math.max(peak, heap.stop());
      if (i < 0) first = millis;
      else repeat[i] = millis;
    }
    List<Object[]> answer = new ArrayList<>();
    read(connection, sql, answer);
    return new QueryTiming(first, repeat, normalised(answer), peak);
  }

  double median() { return Stats.median(repeatMillis); }

  /**
   * Executes {@code sql} and reads every value of every row, as a JDBC client streaming the rows
   * does (what is timed); keeps the rows in {@code into} if it is not null (not timed: holding
   * millions of rows is the garbage collector's work, not the query's).
   */
  private static long read(Connection connection, String sql, List<Object[]> into) throws SQLException {
    long nonNull = 0;
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[columns];
        for (int c = 0; c < columns; c++) {
          row[c] = rs.getObject(c + 1);
          if (row[c] != null) nonNull++;
        }
        if (into != null) into.add(row);
      }
    }
    return nonNull;
  }

  /** The rows as sorted strings, for comparing engines. */
  private static List<String> normalised(List<Object[]> raw) {
    List<String> rows = new ArrayList<>(raw.size());
    for (Object[] values : raw) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < values.length; c++) row.append(c == 0 ? "" : " | ").append(normalise(values[c]));
      rows.add(row.toString());
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
