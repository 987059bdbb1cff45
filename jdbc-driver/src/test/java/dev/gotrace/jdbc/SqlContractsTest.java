package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped SQL keeps its documented contract: every file of queries/views, queries/reports and
 * queries/catalogue is loaded, and each view's header lists exactly the columns its query returns,
 * in order, with their JDBC types (what `tables`, docs/schema.md and JDBC REMARKS show); a
 * catalogue's SQL is checked on a catalogue of two traces.
 */
class SqlContractsTest {
  private static Connection connection;
  private static Connection catalogue;

  @BeforeAll
  static void open() throws Exception {
    Path chansync = TestData.root().resolve("traces/go1.27/chansync.trace");
    connection = DriverManager.getConnection(GoTraceDriver.PREFIX + chansync + ";cache=off");
    catalogue = DriverManager.getConnection(GoTraceDriver.PREFIX + chansync + ","
        + TestData.root().resolve("traces/go1.27/leaks.trace") + ";cache=off");
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    catalogue.close();
  }

  @Test
  void everySqlFileIsLoaded() throws IOException {
    assertEquals(sqlFiles("views", ""), names(ViewLoader.shipped().views().stream()
        .filter(v -> !v.name().startsWith(ViewLoader.REPORT_PREFIX)).toList()));
    assertEquals(sqlFiles("reports", ViewLoader.REPORT_PREFIX), names(ViewLoader.reports().views()));
    assertEquals(sqlFiles("catalogue", ""), names(ViewLoader.catalogue().views()));
  }

  @TestFactory
  Stream<DynamicTest> headerColumnsAreTheQuerysColumns() {
    Stream<DynamicTest> views = ViewLoader.shipped().views().stream().map(view -> dynamicTest(view.name(),
        () -> assertEquals(documented(view), columns(connection, "SELECT * FROM " + view.name()))));
    Stream<DynamicTest> catalogueSql = ViewLoader.catalogue().views().stream().map(view -> dynamicTest(view.name(),
        () -> assertEquals(documented(view), columns(catalogue,
            "SELECT * FROM TABLE(" + view.name() + "('chansync.trace', 'leaks.trace'))"))));
    return Stream.concat(views, catalogueSql);
  }

  private static List<String> documented(ViewDefinition view) {
    List<String> documented = new ArrayList<>();
    view.columns().forEach((name, doc) -> documented.add(name + " " + doc.type()));
    return documented;
  }

  /** The columns of {@code sql}, prepared, not run: the metadata needs no table built. */
  private static List<String> columns(Connection c, String sql) throws java.sql.SQLException {
    List<String> actual = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      ResultSetMetaData md = st.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) actual.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i));
    }
    return actual;
  }

  private static TreeSet<String> sqlFiles(String folder, String prefix) throws IOException {
    Path dir = TestData.root().getParent().resolve("queries").resolve(folder);
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .map(n -> prefix + n.substring(0, n.length() - ".sql".length()))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static TreeSet<String> names(List<ViewDefinition> views) {
    TreeSet<String> names = new TreeSet<>();
    views.forEach(v -> names.add(v.name()));
    return names;
  }
}
