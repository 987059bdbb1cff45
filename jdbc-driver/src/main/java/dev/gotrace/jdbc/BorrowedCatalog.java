package dev.gotrace.jdbc;

import java.util.List;
import java.util.Optional;

/** A catalogue owned by someone else (a server's shared trace): closing a connection leaves it open. */
record BorrowedCatalog(TableCatalog owner) implements TableCatalog {
  @Override public List<ArrowTableSource> tables() { return owner.tables(); }
  @Override public <T> Optional<T> unwrap(Class<T> type) { return owner.unwrap(type); }
  @Override public void close() {}
}
