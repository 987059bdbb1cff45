package dev.gotrace.jdbc;

import dev.gotrace.core.table.DecodeCache;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Traces decoded once and shared by many connections, for a server: every {@link #connect()}
 * sees each trace as a schema named by its label (the file name without {@code .trace}, in lower
 * case), the first one also as the default schema. Tables are built on first use, once for all
 * connections. Closing frees the traces; connections must be closed first.
 */
public final class SharedTraces implements AutoCloseable {
  private final Map<String, TableCatalog> catalogs;
  private final GoTraceDriver driver = new GoTraceDriver();

  private SharedTraces(Map<String, TableCatalog> catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * Opens {@code traces} (none decoded yet) with the decode cache that {@code settings} choose,
   * as a connection's {@value GoTraceDriver#CACHE_PROPERTY} and {@value GoTraceDriver#CACHE_DIR_PROPERTY}.
   *
   * @throws IOException if a file cannot be read or is not a Go trace (the others are closed then)
   * @throws IllegalArgumentException if the cache settings are not valid
   */
  public static SharedTraces open(List<Path> traces, Properties settings) throws IOException {
    DecodeCache cache = DecodeCache.configured(settings.getProperty(GoTraceDriver.CACHE_PROPERTY),
        settings.getProperty(GoTraceDriver.CACHE_DIR_PROPERTY), System.getenv());
    Map<String, TableCatalog> catalogs = new LinkedHashMap<>();
    try {
      for (Path trace : traces) catalogs.put(label(trace, catalogs), TraceDatabaseCatalog.open(trace, cache, Long.MAX_VALUE));
    } catch (IOException | RuntimeException e) {
      catalogs.values().forEach(TableCatalog::close);
      throw e instanceof IOException io ? io : new IOException("cannot read trace: " + e.getMessage(), e);
    }
    return new SharedTraces(catalogs);
  }

  /** The schema names, in the order the traces were given. */
  public List<String> schemas() {
    return List.copyOf(catalogs.keySet());
  }

  /** A new read-only connection over all the traces. */
  public Connection connect() throws SQLException {
    return driver.connect(catalogs);
  }

  @Override
  public void close() {
    catalogs.values().forEach(TableCatalog::close);
  }

  /** An SQL identifier from the file name, unique among {@code taken}: {@code chansync}, {@code chansync_2}. */
  private static String label(Path trace, Map<String, ?> taken) {
    String name = trace.getFileName().toString().replaceFirst("\\.trace$", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name = "t_" + name;
    String label = name;
    for (int n = 2; taken.containsKey(label); n++) label = name + "_" + n;
    return label;
  }
}
