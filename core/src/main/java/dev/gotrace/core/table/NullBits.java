package dev.gotrace.core.table;

import org.apache.arrow.memory.ArrowBuf;

/**
 * The null bits of {@link LongColumn} and {@link IntColumn}: chunks of {@code 1 << CHUNK_BITS} rows,
 * one long per 64 rows, a set bit meaning NULL, a missing chunk meaning no NULL in it. Writes them
 * as an Arrow validity buffer a 64-row word at a time, the batch case that matters (batches start
 * at multiples of 1,000,000 rows, so at word boundaries); other starts go bit by bit.
 */
final class NullBits {
  static final int CHUNK_BITS = 13;
  static final int CHUNK = 1 << CHUNK_BITS;
  static final int MASK = CHUNK - 1;

  /** Receives the output index of every NULL row written. */
  @FunctionalInterface
  interface NullRow {
    void at(int index);
  }

  private NullBits() {}

  static boolean isNull(long[][] nullBits, int row) {
    long[] bits = nullBits[row >>> CHUNK_BITS];
    int i = row & MASK;
    return bits != null && (bits[i >>> 6] & (1L << i)) != 0;
  }

  /**
   * Sets the validity bits of rows {@code [from, from + count)} (as output indices from 0) in a
   * zeroed validity buffer and reports every NULL row to {@code onNull}.
   */
  static void writeValidity(long[][] nullBits, ArrowBuf validity, int from, int count, NullRow onNull) {
    if ((from & 63) != 0) {
      for (int i = 0; i < count; i++) {
        if (isNull(nullBits, from + i)) onNull.at(i);
        else validity.setByte(i >>> 3, validity.getByte(i >>> 3) | (1 << (i & 7)));
      }
      return;
    }
    for (int w = 0; w * 64 < count; w++) {
      int row = from + w * 64;
      long[] bits = nullBits[row >>> CHUNK_BITS];
      long nulls = bits == null ? 0 : bits[(row & MASK) >>> 6];
      int rows = Math.min(64, count - w * 64);
      long inRange = rows == 64 ? -1L : (1L << rows) - 1;
      long valid = ~nulls & inRange;
      if (rows == 64) {
        validity.setLong((long) w * Long.BYTES, valid);
      } else {
        for (int b = 0; b * 8 < rows; b++) validity.setByte((long) w * Long.BYTES + b, (byte) (valid >>> (8 * b)));
      }
      for (long n = nulls & inRange; n != 0; n &= n - 1) onNull.at(w * 64 + Long.numberOfTrailingZeros(n));
    }
  }
}
