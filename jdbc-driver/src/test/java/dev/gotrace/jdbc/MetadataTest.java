package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData: tables and views with their documentation as REMARKS, SQL types. */
class MetadataTest {
  private RootAllocator allocator;
  private Connection connection;

  @BeforeEach
  void open() throws Exception {
    allocator = new RootAllocator();
    connection = new Fixtures(allocator).connect();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    allocator.close();
  }

  @Test
  void getTablesListsTablesAndViewsWithRemarks() throws Exception {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(null, GoTraceDriver.SCHEMA, "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE") + " " + rs.getString("REMARKS"));
      }
    }
    tables.sort(null);
    assertEquals(List.of(
        "busy_goroutines VIEW Goroutines with more than 85 events (uses view goroutine_event_counts).",
        "events TABLE one row per event",
        "goroutine_event_counts VIEW Events per goroutine, with the goroutine's name. One row per goroutine that has events.",
        "goroutines TABLE one row per goroutine"), tables);
  }

  @Test
  void getColumnsGivesTypesAndColumnDocsOfTables() throws Exception {
    assertEquals(List.of(
            "event_id BIGINT NO position of the event",
            "ts BIGINT NO time of the event, ns",
            "goid BIGINT YES goroutine of the event",
            "proc_id INTEGER YES P of the event",
            "kind VARCHAR NO kind of event",
            "reason VARCHAR YES why",
            "is_system BOOLEAN YES system goroutine",
            "metric_value DOUBLE YES a measured value",
            "dur BIGINT YES duration, ns"),
        columns("events"));
  }

  @Test
  void getColumnsGivesTypesAndColumnDocsOfViews() throws Exception {
    assertEquals(List.of(
            "goid BIGINT YES goroutine id (joins goroutines.goid)",
            "name VARCHAR NO start function of the goroutine",
            "events BIGINT NO number of events of the goroutine",
            "avg_dur DOUBLE YES mean duration of its events, ns; NULL if no event has one",
            "hex VARCHAR YES goid in hex, from the test-only function hex_id"),
        columns("goroutine_event_counts"));
  }

  @Test
  void jdbcTypesFollowTheArrowTypes() throws Exception {
    Map<String, Integer> types = new LinkedHashMap<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, GoTraceDriver.SCHEMA, "events", "%")) {
      while (rs.next()) types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
    }
    assertEquals(Types.BIGINT, types.get("ts"));
    assertEquals(Types.INTEGER, types.get("proc_id"));
    assertEquals(Types.VARCHAR, types.get("kind"));
    assertEquals(Types.BOOLEAN, types.get("is_system"));
    assertEquals(Types.DOUBLE, types.get("metric_value"));
  }

  private List<String> columns(String table) throws Exception {
    DatabaseMetaData md = connection.getMetaData();
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, GoTraceDriver.SCHEMA, table, "%")) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " " + rs.getString("IS_NULLABLE")
            + " " + rs.getString("REMARKS"));
      }
    }
    return out;
  }
}
