package dev.gotrace.jdbc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * A condition on a dictionary-encoded string column, decided once per dictionary id: string
 * comparisons become a table lookup on the row's id. NULL (a null index) passes only if {@code
 * keepNull}.
 */
record DictionaryPredicate(int column, boolean[] matchingIds, boolean keepNull) implements RowPredicate {
  @Override
  public int retain(FieldVector vector, boolean hasNulls, int[] rows, int count) {
    IntVector ids = (IntVector) vector;
    ArrowBuf data = ids.getDataBuffer();
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      boolean keep = !hasNulls || !ids.isNull(row) ? matchingIds[IntVector.get(data, row)] : keepNull;
      if (keep) rows[kept++] = row;
    }
    return kept;
  }
}
