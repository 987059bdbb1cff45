package dev.gotrace.jdbc;

import org.apache.arrow.vector.FieldVector;

/** {@code IS NULL} or {@code IS NOT NULL} on a column of any type. */
record NullnessPredicate(int column, boolean keepNulls) implements RowPredicate {
  @Override
  public int retain(FieldVector vector, boolean hasNulls, int[] rows, int count) {
    if (!hasNulls) return keepNulls ? 0 : count;
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      if (vector.isNull(row) == keepNulls) rows[kept++] = row;
    }
    return kept;
  }
}
