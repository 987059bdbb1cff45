package dev.gotrace.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * The tables of one decoded trace. Closing the catalogue frees their Arrow memory, after which
 * no batch of any table may be read.
 */
public interface TableCatalog extends AutoCloseable {
  /** All tables, in a stable order. */
  List<ArrowTableSource> tables();

  /**
   * The object behind the catalogue, if it is a {@code type} (e.g. core's TraceDatabase, for
   * analyses that need more than the tables' rows); empty otherwise.
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  @Override
  void close();
}
