package dev.gotrace.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Connections of a {@link GoTraceDriver} whose "traces" are {@link FixtureCatalog}s, with the
 * test views of {@code gotrace/testviews/} and the test function {@code hex_id}.
 */
final class Fixtures {
  /** Folder of the test views. */
  static final String TEST_VIEWS = "gotrace/testviews/";

  private final BufferAllocator allocator;
  private final List<FixtureCatalog> opened = new CopyOnWriteArrayList<>();
  private final GoTraceDriver driver;
  private final Path traceFile;

  Fixtures(BufferAllocator allocator) {
    this.allocator = allocator;
    this.driver = new GoTraceDriver((path, cache, limit) -> open(), ViewLoader.fromResources(Fixtures.class.getClassLoader(), TEST_VIEWS),
        FunctionRegistry.EMPTY.withScalar("hex_id", TestFunctions.class, "hexId"));
    try {
      // The driver checks that the trace file exists; the fixture opener ignores its content.
      this.traceFile = Files.createTempFile("fixture", ".trace");
      this.traceFile.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FixtureCatalog open() {
    FixtureCatalog c = FixtureCatalog.standard(allocator);
    opened.add(c);
    return c;
  }

  GoTraceDriver driver() {
    return driver;
  }

  String url() {
    return GoTraceDriver.PREFIX + traceFile;
  }

  Connection connect() throws SQLException {
    return driver.connect(url(), new Properties());
  }

  /** The catalogue opened by the {@code i}-th connection. */
  FixtureCatalog catalog(int i) {
    return opened.get(i);
  }

  /** All rows of a query, each row's values as strings joined by ", ", NULL as "null". */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** As {@link #rows(Connection, String)}, on a given statement. */
  static List<String> rows(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<String> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      StringBuilder b = new StringBuilder();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        if (c > 1) b.append(", ");
        b.append(rs.getString(c));
      }
      out.add(b.toString());
    }
    return out;
  }

  /** The plan of a query, from EXPLAIN PLAN FOR. */
  static String explain(Connection connection, String sql) throws SQLException {
    return String.join("\n", rows(connection, "EXPLAIN PLAN FOR " + sql));
  }
}
