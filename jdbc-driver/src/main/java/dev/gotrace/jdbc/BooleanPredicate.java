package dev.gotrace.jdbc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * A condition on a BOOLEAN column given as its truth table: which of TRUE, FALSE and NULL pass.
 * Covers {@code b}, {@code NOT b}, {@code b = TRUE}, {@code b IS NOT FALSE} and so on.
 */
record BooleanPredicate(int column, boolean keepTrue, boolean keepFalse, boolean keepNull)
    implements RowPredicate {
  @Override
  public int retain(FieldVector vector, boolean hasNulls, int[] rows, int count) {
    BitVector bits = (BitVector) vector;
    ArrowBuf data = bits.getDataBuffer();
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      boolean keep;
      if (hasNulls && bits.isNull(row)) {
        keep = keepNull;
      } else {
        keep = BitVectorHelper.get(data, row) != 0 ? keepTrue : keepFalse;
      }
      if (keep) rows[kept++] = row;
    }
    return kept;
  }
}
