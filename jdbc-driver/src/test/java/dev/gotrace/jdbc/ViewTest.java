package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Views written in plain lower-case SQL, a view on a view, a registered function, and AVG of
 * integers as DOUBLE, all through the driver.
 */
class ViewTest {
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
  void viewWrittenInLowerCaseSqlMatchesTheSameQueryRunDirectly() throws Exception {
    String direct = "SELECT e.goid, g.name, COUNT(*) AS events, AVG(e.dur) AS avg_dur, hex_id(e.goid) AS hex"
        + " FROM events e JOIN goroutines g ON e.goid = g.goid GROUP BY e.goid, g.name ORDER BY goid";
    List<String> expected = Fixtures.rows(connection, direct);
    assertEquals(50, expected.size());
    assertEquals(expected, Fixtures.rows(connection, "SELECT * FROM goroutine_event_counts ORDER BY goid"));
  }

  @Test
  void viewColumnsKeepTheirLowerCaseNamesAndTypes() throws Exception {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM goroutine_event_counts WHERE goid = 1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals("goid,name,events,avg_dur,hex", String.join(",", md.getColumnLabel(1), md.getColumnLabel(2),
          md.getColumnLabel(3), md.getColumnLabel(4), md.getColumnLabel(5)));
      assertEquals(Types.DOUBLE, md.getColumnType(4));
    }
  }

  @Test
  void viewOnAViewWithAFilterOnTop() throws Exception {
    List<String> expected = Fixtures.rows(connection,
        "SELECT goid, COUNT(*) FROM events WHERE goid IS NOT NULL AND goid < 50 GROUP BY goid HAVING COUNT(*) > 85 ORDER BY goid");
    assertTrue(expected.size() > 0 && expected.size() < 50, expected.toString());
    assertEquals(expected, Fixtures.rows(connection, "SELECT goid, events FROM busy_goroutines ORDER BY goid"));
    assertEquals(Fixtures.rows(connection, "SELECT goid, events FROM busy_goroutines WHERE goid < 10 ORDER BY goid"),
        expected.stream().filter(r -> Long.parseLong(r.substring(0, r.indexOf(','))) < 10).toList());
  }

  @Test
  void registeredFunctionIsCallable() throws Exception {
    assertEquals(List.of("0xff, null"), Fixtures.rows(connection,
        "SELECT hex_id(CAST(255 AS BIGINT)), hex_id(goid) FROM events WHERE event_id = 3"));
  }

  @Test
  void avgOfBigintIsNotTruncated() throws Exception {
    String sql = "SELECT AVG(goid), AVG(CAST(goid AS DOUBLE)), SUM(goid), COUNT(goid) FROM events WHERE event_id IN (1, 2)";
    // goid = i * 31 mod 50: event 1 has goid 31, event 2 goid 12; the mean is 21.5.
    assertEquals(List.of("21.5, 21.5, 43, 2"), Fixtures.rows(connection, sql));
  }

  @Test
  void quotedLowerCaseNamesWork() throws Exception {
    assertEquals(List.of("31"), Fixtures.rows(connection, "SELECT \"goid\" FROM \"trace\".\"events\" WHERE \"event_id\" = 1"));
  }

  @Test
  void unquotedNamesInAnyCaseWork() throws Exception {
    assertEquals(List.of("5000"), Fixtures.rows(connection, "SELECT COUNT(*) FROM Events"));
    assertEquals(List.of("31"), Fixtures.rows(connection, "SELECT GOID FROM TRACE.EVENTS WHERE Event_Id = 1"));
  }
}
