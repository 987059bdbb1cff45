package dev.gotrace.jdbc;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One table's data as the adapter needs it: a documented Arrow schema and the batches holding
 * the rows. The batches are immutable and stay valid until the owning {@link TableCatalog} is
 * closed.
 *
 * <p>Every field carries its documentation in the field metadata under {@link #DOC_KEY}. String
 * columns are Int32 index vectors whose field has a {@link
 * org.apache.arrow.vector.types.pojo.DictionaryEncoding}; {@link #dictionaries()} resolves it.
 *
 * <p>A source may build its rows only when first asked for them ({@link #batches()}, {@link
 * #rowCount()}, {@link #dictionaries()}); {@link #schema()} is always known. Scans call {@link
 * #request()} when a plan is bound, before reading any rows, so a source can build every table
 * one query reads at once.
 */
public interface ArrowTableSource {
  /** Field metadata key of a column's documentation. */
  String DOC_KEY = "doc";

  /** SQL name of the table (snake_case). */
  String name();

  /** What one row of the table is. */
  String doc();

  /** Column names, types and documentation, in column order. */
  Schema schema();

  /** The rows, batch by batch; every batch has {@link #schema()}. */
  List<VectorSchemaRoot> batches();

  /** Total number of rows over all batches. */
  long rowCount();

  /** Rows the planner should assume: the row count if it is known without building the rows. */
  default double estimatedRowCount() {
    return rowCount();
  }

  /** Announces that the rows will be read soon. */
  default void request() {}

  /** Resolves the dictionary ids of dictionary-encoded columns. */
  DictionaryProvider dictionaries();
}
