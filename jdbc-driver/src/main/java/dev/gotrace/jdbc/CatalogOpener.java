package dev.gotrace.jdbc;

import java.io.IOException;
import java.nio.file.Path;

/** Decodes the trace file at a path into a {@link TableCatalog}. */
@FunctionalInterface
public interface CatalogOpener {
  /**
   * Opens the trace at {@code trace}.
   *
   * @throws IOException if the file cannot be read
   * @throws dev.gotrace.core.TraceFormatException if the file is not a readable Go trace
   */
  TableCatalog open(Path trace) throws IOException;
}
