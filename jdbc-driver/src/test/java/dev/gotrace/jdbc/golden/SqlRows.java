package dev.gotrace.jdbc.golden;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a query and returns its rows as column label → value maps (JDBC {@code getObject}). */
public final class SqlRows {
  private SqlRows() {}

  /** All rows of {@code sql} on {@code connection}, in result order. */
  public static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
        rows.add(row);
      }
      return rows;
    }
  }

  /** {@code value} as a long ({@code null} stays null); JDBC may hand back Integer or Long. */
  public static Long asLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }
}
