package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TableSchemas;
import dev.gotrace.jdbc.golden.SqlRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays what DBeaver's generic JDBC plugin asks a driver on connect and while browsing, on a
 * committed trace, and checks every answer against the schema's own documentation and our views.
 * The calls, from DBeaver's source (github dbeaver/dbeaver):
 *
 * <ul>
 *   <li>{@code JDBCDataSourceInfo(JDBCDatabaseMetaData)}: isReadOnly, getDatabaseProductName,
 *       getDatabaseProductVersion, getDriverName, getDriverVersion, getDatabaseMajorVersion,
 *       getDatabaseMinorVersion, getSchemaTerm, getProcedureTerm, getCatalogTerm,
 *       supportsBatchUpdates, supportsTransactions, supportsTransactionIsolationLevel.
 *   <li>{@code JDBCSQLDialect.initDriverSettings}: getIdentifierQuoteString, getSQLStateType,
 *       supportsCorrelatedSubqueries / supportsSubqueriesIn*, supportsMixedCase(Quoted)Identifiers,
 *       stores{Upper,Lower}Case(Quoted)Identifiers, getSearchStringEscape, getCatalogSeparator,
 *       supportsCatalogsIn* / supportsSchemasIn*, getExtraNameCharacters, isCatalogAtStart,
 *       getSQLKeywords, getNumericFunctions, getStringFunctions, getSystemFunctions,
 *       getTimeDateFunctions.
 *   <li>{@code GenericDataSource.initialize}: getTypeInfo (data type cache), getCatalogs,
 *       getSchemas().
 *   <li>{@code GenericMetaModel}: getSchemas(catalog, "%"), getFunctions, getProcedures,
 *       getTables(catalog, schema, "%", null), getColumns(catalog, schema, table, "%"),
 *       getPrimaryKeys, getImportedKeys; the table-type and index caches: getTableTypes,
 *       getIndexInfo(catalog, schema, table, false, true).
 *   <li>The SQL editor: ResultSetMetaData, prepared statements with parameters and their
 *       ParameterMetaData, setMaxRows (its result-set limit), setFetchSize; setQueryTimeout is in
 *       {@link SqlStateTest}.
 * </ul>
 */
class BiToolMetadataTest {
  private static final Path TRACE = TestData.root().resolve("traces/go1.27/chansync.trace");
  private static Connection connection;
  private static DatabaseMetaData md;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverManager.getConnection(GoTraceDriver.PREFIX + TRACE);
    md = connection.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void dataSourceInfoOnConnect() throws SQLException {
    assertTrue(md.isReadOnly());
    assertEquals("gotrace-sql", md.getDatabaseProductName());
    assertEquals("0.1.0", md.getDatabaseProductVersion());
    assertEquals("gotrace JDBC driver", md.getDriverName());
    assertEquals("0.1.0", md.getDriverVersion());
    assertEquals(0, md.getDatabaseMajorVersion());
    assertEquals(1, md.getDatabaseMinorVersion());
    assertEquals("schema", md.getSchemaTerm());
    assertNotNull(md.getProcedureTerm());
    assertNotNull(md.getCatalogTerm());
    md.supportsBatchUpdates();
    assertFalse(md.supportsTransactions());
    assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
    assertTrue(connection.isReadOnly());
    assertEquals(GoTraceDriver.SCHEMA, connection.getSchema());
  }

  @Test
  void sqlDialectOnConnect() throws SQLException {
    assertEquals("\"", md.getIdentifierQuoteString());
    assertEquals(DatabaseMetaData.sqlStateSQL, md.getSQLStateType());
    // DBeaver enables subqueries if any of these is true.
    assertTrue(md.supportsCorrelatedSubqueries());
    md.supportsSubqueriesInComparisons();
    md.supportsSubqueriesInExists();
    md.supportsSubqueriesInIns();
    md.supportsSubqueriesInQuantifieds();
    assertFalse(md.supportsMixedCaseIdentifiers());
    md.supportsMixedCaseQuotedIdentifiers();
    // Unquoted identifiers are lower case (GoTraceLex), as every table and column name is.
    assertTrue(md.storesLowerCaseIdentifiers());
    assertFalse(md.storesUpperCaseIdentifiers());
    md.storesUpperCaseQuotedIdentifiers();
    md.storesLowerCaseQuotedIdentifiers();
    assertEquals("\\", md.getSearchStringEscape());
    assertEquals(".", md.getCatalogSeparator());
    assertTrue(md.supportsSchemasInDataManipulation());
    md.supportsSchemasInTableDefinitions();
    md.supportsSchemasInProcedureCalls();
    md.supportsSchemasInIndexDefinitions();
    md.supportsSchemasInPrivilegeDefinitions();
    md.supportsCatalogsInDataManipulation();
    md.supportsCatalogsInTableDefinitions();
    md.supportsCatalogsInProcedureCalls();
    md.supportsCatalogsInIndexDefinitions();
    md.supportsCatalogsInPrivilegeDefinitions();
    assertNotNull(md.getExtraNameCharacters());
    md.isCatalogAtStart();
    assertTrue(List.of(md.getSQLKeywords().split(",")).contains("LIMIT"));
    assertTrue(List.of(md.getNumericFunctions().split(",")).contains("ABS"));
    assertTrue(List.of(md.getStringFunctions().split(",")).contains("SUBSTRING"));
    assertNotNull(md.getSystemFunctions());
    assertNotNull(md.getTimeDateFunctions());
  }

  @Test
  void catalogsAndSchemas() throws SQLException {
    List<Map<String, Object>> catalogs = rows(md.getCatalogs());
    // No catalogs: Calcite answers one row with a NULL name, which DBeaver skips.
    for (Map<String, Object> c : catalogs) assertEquals(null, c.get("TABLE_CAT"));
    Set<String> schemas = column(md.getSchemas(), "TABLE_SCHEM");
    assertTrue(schemas.contains(GoTraceDriver.SCHEMA), schemas.toString());
    assertEquals(schemas, column(md.getSchemas(null, "%"), "TABLE_SCHEM"));
    assertEquals(new TreeSet<>(List.of("TABLE", "VIEW")), column(md.getTableTypes(), "TABLE_TYPE"));
  }

  @Test
  void tablesAndViewsWithTheirDocumentationAsRemarks() throws SQLException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String name : TableSchemas.names()) expected.put(name, "TABLE " + TableSchemas.schema(name).getCustomMetadata().get("doc"));
    for (ViewDefinition v : ViewLoader.shipped().views()) expected.put(v.name(), "VIEW " + v.doc());
    Map<String, String> actual = new LinkedHashMap<>();
    for (Map<String, Object> t : rows(md.getTables(null, GoTraceDriver.SCHEMA, "%", null))) {
      actual.put((String) t.get("TABLE_NAME"), t.get("TABLE_TYPE") + " " + t.get("REMARKS"));
    }
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()));
    for (String name : expected.keySet()) assertEquals(expected.get(name), actual.get(name), name);
    assertEquals(new TreeSet<>(TableSchemas.names()),
        column(md.getTables(null, GoTraceDriver.SCHEMA, "%", new String[] {"TABLE"}), "TABLE_NAME"));
    assertEquals(column(md.getTables(null, GoTraceDriver.SCHEMA, "%", new String[] {"VIEW"}), "TABLE_NAME").size(),
        ViewLoader.shipped().views().size());
  }

  @Test
  void columnsOfEveryTableCarryTheirTypeAndDocumentation() throws SQLException {
    Set<Integer> usedTypes = new TreeSet<>();
    for (String name : TableSchemas.names()) {
      Schema schema = TableSchemas.schema(name);
      List<String> expected = new ArrayList<>();
      for (Field f : schema.getFields()) {
        expected.add(f.getName() + " " + (f.isNullable() ? "YES" : "NO") + " " + f.getMetadata().get("doc"));
      }
      List<String> actual = new ArrayList<>();
      for (Map<String, Object> c : rows(md.getColumns(null, GoTraceDriver.SCHEMA, name, "%"))) {
        actual.add(c.get("COLUMN_NAME") + " " + c.get("IS_NULLABLE") + " " + c.get("REMARKS"));
        usedTypes.add(((Number) c.get("DATA_TYPE")).intValue());
      }
      assertEquals(expected, actual, name);
    }
    Map<String, Object> goid = rows(md.getColumns(null, GoTraceDriver.SCHEMA, "goroutines", "goid")).get(0);
    assertEquals(Types.BIGINT, ((Number) goid.get("DATA_TYPE")).intValue());
    assertEquals("BIGINT", goid.get("TYPE_NAME"));
    // The data type cache: every type a column has is in getTypeInfo.
    Set<Integer> typeInfo = new TreeSet<>();
    for (Map<String, Object> t : rows(md.getTypeInfo())) typeInfo.add(((Number) t.get("DATA_TYPE")).intValue());
    assertTrue(typeInfo.containsAll(usedTypes), usedTypes + " not all in " + typeInfo);
  }

  @Test
  void viewColumnsCarryTheViewHeaderDocumentation() throws SQLException {
    ViewDefinition view = ViewLoader.shipped().views().stream()
        .filter(v -> v.name().equals("sync_blocking_profile")).findFirst().orElseThrow();
    Set<String> expected = new TreeSet<>();
    view.columns().forEach((name, doc) -> expected.add(name + " " + doc.type() + " " + doc.meaning()));
    Set<String> actual = new TreeSet<>();
    for (Map<String, Object> c : rows(md.getColumns(null, GoTraceDriver.SCHEMA, "sync_blocking_profile", "%"))) {
      actual.add(c.get("COLUMN_NAME") + " " + c.get("TYPE_NAME") + " " + c.get("REMARKS"));
    }
    assertEquals(expected, actual);
  }

  @Test
  void keysIndexesFunctionsAndProceduresAnswerWithTheStandardColumns() throws SQLException {
    // No declared keys or indexes: empty results with JDBC's columns, not errors.
    assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
        labelsAndCount(md.getPrimaryKeys(null, GoTraceDriver.SCHEMA, "goroutines"), 0));
    assertTrue(labelsAndCount(md.getImportedKeys(null, GoTraceDriver.SCHEMA, "goroutine_states"), 0).contains("FKCOLUMN_NAME"));
    assertTrue(labelsAndCount(md.getIndexInfo(null, GoTraceDriver.SCHEMA, "goroutines", false, true), 0).contains("INDEX_NAME"));
    labelsAndCount(md.getProcedures(null, GoTraceDriver.SCHEMA, "%"), 0);
    assertEquals(new TreeSet<>(FunctionRegistry.SHIPPED.functions().keySet()),
        column(md.getFunctions(null, GoTraceDriver.SCHEMA, "%"), "FUNCTION_NAME"));
  }

  @Test
  void resultSetMetaDataOfAView() throws SQLException {
    ViewDefinition view = ViewLoader.shipped().views().stream()
        .filter(v -> v.name().equals("sync_blocking_profile")).findFirst().orElseThrow();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM sync_blocking_profile")) {
      ResultSetMetaData rmd = rs.getMetaData();
      Set<String> actual = new TreeSet<>();
      for (int i = 1; i <= rmd.getColumnCount(); i++) actual.add(rmd.getColumnLabel(i) + " " + rmd.getColumnTypeName(i));
      Set<String> expected = new TreeSet<>();
      view.columns().forEach((name, doc) -> expected.add(name + " " + doc.type()));
      assertEquals(expected, actual);
      assertEquals("stack_id", rmd.getColumnLabel(1));
      assertEquals(Types.BIGINT, rmd.getColumnType(1));
      assertEquals(Long.class.getName(), rmd.getColumnClassName(1));
    }
  }

  @Test
  void preparedStatementWithParametersEqualsTheViewsRows() throws SQLException {
    List<Map<String, Object>> all = SqlRows.query(connection,
        "SELECT stack_id, contentions, delay_ns FROM sync_blocking_profile ORDER BY delay_ns DESC, stack_id");
    assertTrue(all.size() > 2);
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT stack_id, contentions, delay_ns FROM sync_blocking_profile WHERE stack_id = ? AND delay_ns >= ?")) {
      ParameterMetaData pmd = ps.getParameterMetaData();
      assertEquals(2, pmd.getParameterCount());
      assertEquals(Types.BIGINT, pmd.getParameterType(1));
      for (Map<String, Object> row : all.subList(0, 3)) {
        ps.setLong(1, SqlRows.asLong(row.get("stack_id")));
        ps.setLong(2, SqlRows.asLong(row.get("delay_ns")));
        assertEquals(List.of(row), rows(ps.executeQuery()));
      }
    }
  }

  @Test
  void maxRowsLimitsAndFetchSizeDoesNotChangeTheRows() throws SQLException {
    String sql = "SELECT goid, name FROM goroutine_analysis ORDER BY goid";
    List<Map<String, Object>> all = SqlRows.query(connection, sql);
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(3);
      assertEquals(3, s.getMaxRows());
      assertEquals(all.subList(0, 3), rows(s.executeQuery(sql)));
      s.setMaxRows(0);
      s.setFetchSize(2);
      assertEquals(all, rows(s.executeQuery(sql)));
    }
  }

  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData rmd = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rmd.getColumnCount(); i++) row.put(rmd.getColumnLabel(i), rs.getObject(i));
        rows.add(row);
      }
      return rows;
    }
  }

  private static Set<String> column(ResultSet rs, String label) throws SQLException {
    Set<String> values = new TreeSet<>();
    for (Map<String, Object> row : rows(rs)) values.add((String) row.get(label));
    return values;
  }

  private static List<String> labelsAndCount(ResultSet rs, int expectedRows) throws SQLException {
    List<String> labels = new ArrayList<>();
    ResultSetMetaData rmd = rs.getMetaData();
    for (int i = 1; i <= rmd.getColumnCount(); i++) labels.add(rmd.getColumnLabel(i));
    assertEquals(expectedRows, rows(rs).size());
    return labels;
  }
}
