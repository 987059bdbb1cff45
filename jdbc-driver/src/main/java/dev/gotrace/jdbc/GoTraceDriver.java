package dev.gotrace.jdbc;

import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.table.DecodeCache;
import dev.gotrace.core.table.MemoryBound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * JDBC driver for {@code jdbc:gotrace:<path-to-trace>[;property=value...]}, and for catalogues:
 * {@code jdbc:gotrace:<spec>[,<spec>...][;property=value...]}, where a spec is a trace file, a
 * directory (its {@code *.trace} files) or a glob, and more than one file opens a catalogue ({@link
 * CatalogueSchema}: every table and view with a {@code trace_id} column, plus {@code traces} and
 * {@code trace_diff}); which files and which trace_ids is {@link TraceFiles}' rule.
 *
 * <p>Properties (in the URL or the connection's {@link Properties}): {@value #CACHE_PROPERTY}
 * ({@code on}/{@code off}) and {@value #CACHE_DIR_PROPERTY} choose the decode cache (default: on,
 * in the directory {@link DecodeCache#configured} names); {@value #MEMORY_LIMIT_PROPERTY} bounds the
 * Arrow memory of the connection's tables (a size such as {@code 512m}; past it a query fails with
 * SQLState 53200); any other is a Calcite connection property.
 *
 * <p>Each connection opens the trace as a {@link GoTraceSchema} named {@value #SCHEMA}, the
 * default schema, whose tables are decoded when a query first reads them (one pass for all the
 * tables of that query), adds the shipped views, and frees the Arrow memory when the connection
 * closes (after closing its statements). Unquoted identifiers are case-insensitive
 * and lower-case ({@link GoTraceLex}); {@code AVG} of integers is DOUBLE ({@link
 * GoTraceTypeSystem}); statements that would write fail. Errors carry a standard SQLState and a
 * one-line message ({@link SqlErrors}); {@code Statement.setQueryTimeout} is enforced.
 */
public class GoTraceDriver extends Driver {
  /** The URL prefix; the path of the trace follows it. */
  public static final String PREFIX = "jdbc:gotrace:";
  /** Name of the schema holding the trace's tables and views. */
  public static final String SCHEMA = "trace";
  /** Connection property turning the decode cache on or off. */
  public static final String CACHE_PROPERTY = "cache";
  /** Connection property naming the decode cache's directory. */
  public static final String CACHE_DIR_PROPERTY = "cache_dir";
  /** Connection property bounding this connection's Arrow memory, e.g. {@code 2g}, below the process's bound. */
  public static final String MEMORY_LIMIT_PROPERTY = "memory_limit";

  static {
    new GoTraceDriver().register();
  }

  private final CatalogOpener opener;
  private final ViewLoader views;
  private final FunctionRegistry functions;

  /** The driver over core's decoder, with the shipped views and functions. */
  public GoTraceDriver() {
    // No built-in SQL functions yet; they are added to this registry.
    this(TraceDatabaseCatalog::open, ViewLoader.shipped(), FunctionRegistry.SHIPPED);
  }

  /** A driver reading traces with {@code opener}; for tests over hand-built tables. */
  GoTraceDriver(CatalogOpener opener, ViewLoader views, FunctionRegistry functions) {
    super(GoTracePrepare::new);
    this.opener = opener;
    this.views = views;
    this.functions = functions;
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("gotrace JDBC driver", "0.1.0", "gotrace-sql", "0.1.0", true, 0, 1, 0, 1);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) return null;
    String rest = url.substring(PREFIX.length());
    int semicolon = rest.indexOf(';');
    String file = semicolon < 0 ? rest : rest.substring(0, semicolon);
    if (file.isBlank()) {
      throw new SQLException("no trace file in URL " + url + "; expected " + PREFIX + "<path-to-trace>", "08001");
    }
    List<String> specs = Arrays.stream(file.split(",")).map(String::strip).toList();
    boolean catalogue;
    try {
      catalogue = TraceFiles.isCatalogue(specs);
    } catch (InvalidPathException e) {
      throw new SQLException("not a file path: " + file, "08001", e);
    }
    Path trace;
    try {
      trace = catalogue ? null : Path.of(file);
    } catch (InvalidPathException e) {
      throw new SQLException("not a file path: " + file, "08001", e);
    }
    Properties settings = new Properties();
    if (info != null) settings.putAll(info);
    settings.putAll(urlProperties(semicolon < 0 ? "" : rest.substring(semicolon + 1)));
    DecodeCache cache;
    long memoryLimit;
    try {
      cache = DecodeCache.configured(settings.getProperty(CACHE_PROPERTY), settings.getProperty(CACHE_DIR_PROPERTY),
          System.getenv());
      String limit = settings.getProperty(MEMORY_LIMIT_PROPERTY);
      memoryLimit = limit == null ? Long.MAX_VALUE : MemoryBound.parse(limit, MEMORY_LIMIT_PROPERTY);
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), "08001", e);
    }
    AutoCloseable opened;
    try {
      opened = catalogue ? openCatalogue(specs, cache, memoryLimit)
          : new GoTraceSchema(open(trace, cache, memoryLimit), functions);
    } catch (RuntimeException e) {
      throw new SQLException("cannot read the tables of trace " + (catalogue ? file : trace) + ": " + e.getMessage(),
          "08001", e);
    }
    Properties properties = calciteProperties(info);
    Connection connection;
    try {
      connection = super.connect(PREFIX + (semicolon < 0 ? "" : rest.substring(semicolon + 1)), properties);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(opened);
      throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    }
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      if (opened instanceof TraceCatalogue traces) {
        CatalogueSchema.mount(calcite.getRootSchema(), SCHEMA, traces, true, views, functions);
      } else {
        views.register(calcite.getRootSchema().add(SCHEMA, (GoTraceSchema) opened));
      }
      calcite.setSchema(SCHEMA);
      return ErrorTranslatingProxy.connection(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      closeQuietly(opened);
      throw e instanceof SQLException sql ? sql : new SQLException("cannot set up the connection: " + e.getMessage(), e);
    }
  }

  /** The traces {@code specs} name, opened (none decoded yet); damaged ones are kept with their error. */
  private static TraceCatalogue openCatalogue(List<String> specs, DecodeCache cache, long memoryLimit) throws SQLException {
    try {
      return TraceCatalogue.open(specs, cache, memoryLimit);
    } catch (NoSuchFileException e) {
      throw new SQLException("no trace file: " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()),
          "08001", e);
    } catch (IOException | InvalidPathException e) {
      throw new SQLException("cannot list the traces " + String.join(",", specs) + ": " + e.getMessage(), "08001", e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing what a failed connect opened; the connect's own error is the one to report.
    }
  }

  /**
   * A connection over traces that are already open and stay open when it closes (a server's
   * traces, decoded once for all its connections): each trace is a schema named by its key, with
   * the views and functions, and each catalogue a catalogue schema ({@link CatalogueSchema});
   * {@code defaultSchema} is the default schema.
   */
  Connection connect(Map<String, TableCatalog> traces, Map<String, TraceCatalogue> catalogues, String defaultSchema)
      throws SQLException {
    Connection connection = super.connect(PREFIX, calciteProperties(null));
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      for (Map.Entry<String, TableCatalog> trace : traces.entrySet()) {
        SchemaPlus schema = calcite.getRootSchema().add(trace.getKey(),
            new GoTraceSchema(new BorrowedCatalog(trace.getValue()), functions));
        views.register(schema);
      }
      for (Map.Entry<String, TraceCatalogue> catalogue : catalogues.entrySet()) {
        CatalogueSchema.mount(calcite.getRootSchema(), catalogue.getKey(), catalogue.getValue(), false, views, functions);
      }
      calcite.setSchema(defaultSchema);
      return ErrorTranslatingProxy.connection(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e instanceof SQLException sql ? sql : new SQLException("cannot set up the connection: " + e.getMessage(), e);
    }
  }

  /** Calcite's connection properties: our lexical policy and type system, then the caller's. */
  private static Properties calciteProperties(Properties info) {
    Properties properties = GoTraceLex.connectionProperties();
    if (info != null) properties.putAll(info);
    // Views are typed with this system when defined; queries must agree with it.
    properties.setProperty(CalciteConnectionProperty.TYPE_SYSTEM.camelName(),
        GoTraceTypeSystem.class.getName() + "#INSTANCE");
    return properties;
  }

  /** The {@code key=value} pairs after the path, split on ';' as Calcite's URL parser does. */
  private static Properties urlProperties(String tail) {
    Properties p = new Properties();
    for (String pair : tail.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) p.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return p;
  }

  private TableCatalog open(Path trace, DecodeCache cache, long memoryLimit) throws SQLException {
    if (!Files.isRegularFile(trace)) {
      throw new SQLException("no such trace file: " + trace, "08001", new NoSuchFileException(trace.toString()));
    }
    try {
      return opener.open(trace, cache, memoryLimit);
    } catch (IOException e) {
      throw new SQLException("cannot read trace " + trace + ": " + e.getMessage(), "08001", e);
    } catch (RuntimeException e) {
      throw new SQLException("cannot decode trace " + trace + ": " + e.getMessage(), "08001", e);
    }
  }

  @Override
  protected Handler createHandler() {
    return new GoTraceHandler(super.createHandler());
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return CalciteMetaImpl.create((CalciteConnection) connection, DocumentedMetaTableFactory.INSTANCE,
        DocumentedMetaColumnFactory.INSTANCE);
  }
}
