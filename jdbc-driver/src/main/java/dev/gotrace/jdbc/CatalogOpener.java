package dev.gotrace.jdbc;

import dev.gotrace.core.table.DecodeCache;
import java.io.IOException;
import java.nio.file.Path;

/** Decodes the trace file at a path into a {@link TableCatalog}. */
@FunctionalInterface
public interface CatalogOpener {
  /**
   * Opens the trace at {@code trace}, with the decode cache the connection asked for; its tables
   * may take at most {@code memoryLimit} bytes of Arrow memory ({@code Long.MAX_VALUE}: only the
   * process's bound applies).
   *
   * @throws IOException if the file cannot be read
   * @throws dev.gotrace.core.format.TraceFormatException if the file is not a readable Go trace
   */
  TableCatalog open(Path trace, DecodeCache cache, long memoryLimit) throws IOException;
}
