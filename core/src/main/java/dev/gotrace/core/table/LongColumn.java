package dev.gotrace.core.table;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * A growable column of nullable 64-bit values, kept on the heap while events stream in. Storage is
 * a list of fixed-size chunks, so growing never copies the values already collected; rows may be
 * patched later (an interval's duration is known only when it closes).
 */
final class LongColumn {
  private static final int CHUNK_BITS = 13;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;

  private long[][] values = new long[16][];
  private long[][] nullBits = new long[16][];
  private long[] current;
  private int size;

  int size() { return size; }

  /** Appends {@code v}; returns its row. */
  int add(long v) {
    int i = size & MASK;
    if (i == 0) newChunk();
    current[i] = v;
    return size++;
  }

  /** Appends NULL; returns its row. */
  int addNull() {
    int row = add(0);
    markNull(row, true);
    return row;
  }

  /** Appends NULL for Go's "none" ids (any negative value, i.e. -1), else the id. */
  int addId(long id) {
    return id < 0 ? addNull() : add(id);
  }

  /** Appends NULL for stack id 0 ("no stack"), else the id. */
  int addStack(int stackId) {
    return stackId == 0 ? addNull() : add(stackId);
  }

  void set(int row, long v) {
    values[row >>> CHUNK_BITS][row & MASK] = v;
    markNull(row, false);
  }

  void setNull(int row) {
    markNull(row, true);
  }

  long get(int row) { return values[row >>> CHUNK_BITS][row & MASK]; }

  boolean isNull(int row) {
    long[] bits = nullBits[row >>> CHUNK_BITS];
    int i = row & MASK;
    return bits != null && (bits[i >>> 6] & (1L << i)) != 0;
  }

  /**
   * Writes rows {@code [from, from + count)} minus {@code subtract} into an allocated BIGINT
   * vector's buffers (validity bits of the target must be zero on entry).
   */
  void copyTo(ArrowBuf data, ArrowBuf validity, int from, int count, long subtract) {
    for (int i = 0; i < count; i++) {
      int row = from + i;
      long[] bits = nullBits[row >>> CHUNK_BITS];
      int j = row & MASK;
      if (bits == null || (bits[j >>> 6] & (1L << j)) == 0) {
        data.setLong((long) i * Long.BYTES, values[row >>> CHUNK_BITS][j] - subtract);
        BitVectorHelper.setBit(validity, i);
      }
    }
  }

  private void newChunk() {
    int chunk = size >>> CHUNK_BITS;
    if (chunk == values.length) {
      values = Arrays.copyOf(values, chunk * 2);
      nullBits = Arrays.copyOf(nullBits, chunk * 2);
    }
    current = values[chunk] = new long[CHUNK];
  }

  private void markNull(int row, boolean isNull) {
    int chunk = row >>> CHUNK_BITS;
    int i = row & MASK;
    long[] bits = nullBits[chunk];
    if (bits == null) {
      if (!isNull) return;
      bits = nullBits[chunk] = new long[CHUNK / 64];
    }
    if (isNull) bits[i >>> 6] |= 1L << i;
    else bits[i >>> 6] &= ~(1L << i);
  }
}
