package dev.gotrace.jdbc;

import java.util.List;

/**
 * The tables of one decoded trace. Closing the catalogue frees their Arrow memory, after which
 * no batch of any table may be read.
 */
public interface TableCatalog extends AutoCloseable {
  /** All tables, in a stable order. */
  List<ArrowTableSource> tables();

  @Override
  void close();
}
