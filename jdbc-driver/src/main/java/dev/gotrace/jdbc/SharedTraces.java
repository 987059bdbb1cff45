package dev.gotrace.jdbc;

import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.table.DecodeCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Traces decoded once and shared by many connections, for a server: every {@link #connect()}
 * sees each trace as a schema named by its label (the file name without {@code .trace}, in lower
 * case), and each catalogue (a directory, glob or several paths separated by {@code ,}) as one
 * catalogue schema ({@link CatalogueSchema}) named after its directory; the first is also the
 * default schema. Tables are built on first use, once for all connections. Closing frees the
 * traces; connections must be closed first.
 */
public final class SharedTraces implements AutoCloseable {
  private final Map<String, TableCatalog> catalogs;
  private final Map<String, TraceCatalogue> catalogues;
  private final List<String> schemas;
  private final GoTraceDriver driver = new GoTraceDriver();

  private SharedTraces(Map<String, TableCatalog> catalogs, Map<String, TraceCatalogue> catalogues, List<String> schemas) {
    this.catalogs = catalogs;
    this.catalogues = catalogues;
    this.schemas = List.copyOf(schemas);
  }

  /**
   * Opens {@code traces} (none decoded yet) with the decode cache that {@code settings} choose,
   * as a connection's {@value GoTraceDriver#CACHE_PROPERTY} and {@value GoTraceDriver#CACHE_DIR_PROPERTY}.
   *
   * @throws IOException if a file cannot be read or is not a Go trace (the others are closed then)
   * @throws IllegalArgumentException if the cache settings are not valid
   */
  public static SharedTraces open(List<Path> traces, Properties settings) throws IOException {
    return open(traces.stream().map(p -> List.of(p.toString())).toList(), settings, true);
  }

  /**
   * Opens the traces {@code specs} name as the driver's URL does: a spec that is one trace file is
   * a trace schema; a directory, a glob or several paths separated by {@code ,} are a catalogue,
   * whose damaged traces are listed in its {@code traces} table rather than failing.
   *
   * @throws IOException if a file cannot be read or is not a Go trace, or a catalogue names no file
   * @throws IllegalArgumentException if the cache settings are not valid
   */
  public static SharedTraces openSpecs(List<String> specs, Properties settings) throws IOException {
    return open(specs.stream().map(s -> Arrays.stream(s.split(",")).map(String::strip).toList()).toList(), settings, false);
  }

  private static SharedTraces open(List<List<String>> specs, Properties settings, boolean filesOnly) throws IOException {
    DecodeCache cache = DecodeCache.configured(settings.getProperty(GoTraceDriver.CACHE_PROPERTY),
        settings.getProperty(GoTraceDriver.CACHE_DIR_PROPERTY), System.getenv());
    Map<String, TableCatalog> catalogs = new LinkedHashMap<>();
    Map<String, TraceCatalogue> catalogues = new LinkedHashMap<>();
    List<String> schemas = new ArrayList<>();
    try {
      for (List<String> spec : specs) {
        if (!filesOnly && TraceFiles.isCatalogue(spec)) {
          String label = label(directoryName(spec.get(0)), schemas);
          catalogues.put(label, TraceCatalogue.open(spec, cache, Long.MAX_VALUE));
          schemas.add(label);
        } else {
          Path trace = Path.of(spec.get(0));
          String label = label(trace.getFileName().toString().replaceFirst("\\.trace$", ""), schemas);
          catalogs.put(label, TraceDatabaseCatalog.open(trace, cache, Long.MAX_VALUE));
          schemas.add(label);
        }
      }
    } catch (IOException | RuntimeException e) {
      catalogs.values().forEach(TableCatalog::close);
      catalogues.values().forEach(TraceCatalogue::close);
      throw e instanceof IOException io ? io : new IOException("cannot read trace: " + e.getMessage(), e);
    }
    return new SharedTraces(catalogs, catalogues, schemas);
  }

  /** The schema names, in the order the traces were given. */
  public List<String> schemas() {
    return schemas;
  }

  /** A new read-only connection over all the traces. */
  public Connection connect() throws SQLException {
    return driver.connect(catalogs, catalogues, schemas.get(0));
  }

  @Override
  public void close() {
    catalogs.values().forEach(TableCatalog::close);
    catalogues.values().forEach(TraceCatalogue::close);
  }

  /** The directory a catalogue spec lists: the directory itself, a glob's last folder without wildcards, a file's folder. */
  private static String directoryName(String spec) {
    Path path = Path.of(spec).toAbsolutePath().normalize();
    if (TraceFiles.isGlob(spec)) {
      while (path.getParent() != null && TraceFiles.isGlob(path.toString())) path = path.getParent();
    } else if (!Files.isDirectory(path) && path.getParent() != null) {
      path = path.getParent();
    }
    return path.getFileName() == null ? "traces" : path.getFileName().toString();
  }

  /** An SQL identifier from {@code name}, unique among {@code taken}: {@code chansync}, {@code chansync_2}. */
  private static String label(String name, List<String> taken) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "t_" + base;
    String label = base;
    for (int n = 2; taken.contains(label); n++) label = base + "_" + n;
    return label;
  }
}
