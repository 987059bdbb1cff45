package dev.gotrace.jdbc;

import org.apache.arrow.vector.FieldVector;

/**
 * A filter conjunct pushed into the scan, evaluated over one column of a batch. A predicate
 * keeps exactly the rows for which SQL evaluates its conjunct to TRUE (UNKNOWN drops the row,
 * as in a WHERE clause).
 */
interface RowPredicate {
  /** Index of the column the predicate reads. */
  int column();

  /**
   * Keeps, in order, the rows of {@code rows[0..count)} that pass and returns how many do.
   *
   * @param vector the column's vector in the current batch
   * @param hasNulls whether the vector has null values (known per batch; counting them is a
   *     pass over the validity buffer)
   */
  int retain(FieldVector vector, boolean hasNulls, int[] rows, int count);
}
