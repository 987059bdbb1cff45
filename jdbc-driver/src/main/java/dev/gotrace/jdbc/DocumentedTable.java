package dev.gotrace.jdbc;

import java.util.Optional;

/** A table or view that documents itself and its columns; the driver reports both as REMARKS. */
public interface DocumentedTable {
  /** What one row is. */
  String doc();

  /** What the column means, if documented. */
  Optional<String> columnDoc(String column);
}
