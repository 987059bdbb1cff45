package dev.gotrace.jdbc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * A condition on a BIGINT or INTEGER column given as sorted, disjoint, closed intervals
 * {@code [lows[i], highs[i]]}: a value passes if it lies in one of them. Comparisons, IN lists
 * and BETWEEN all reduce to this form. NULL passes only if {@code keepNull}.
 */
record IntegerRangesPredicate(int column, long[] lows, long[] highs, boolean keepNull)
    implements RowPredicate {
  @Override
  public int retain(FieldVector vector, boolean hasNulls, int[] rows, int count) {
    ArrowBuf data = vector.getDataBuffer();
    boolean wide = vector instanceof BigIntVector;
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      boolean keep;
      if (!hasNulls || !vector.isNull(row)) {
        keep = contains(wide ? BigIntVector.get(data, row) : IntVector.get(data, row));
      } else {
        keep = keepNull;
      }
      if (keep) rows[kept++] = row;
    }
    return kept;
  }

  private boolean contains(long value) {
    if (lows.length == 1) return value >= lows[0] && value <= highs[0];
    // Last interval whose low end is <= value.
    int lo = 0;
    int hi = lows.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (lows[mid] <= value) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && value <= highs[found];
  }
}
