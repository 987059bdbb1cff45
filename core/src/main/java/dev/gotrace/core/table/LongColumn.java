package dev.gotrace.core.table;

import java.util.Arrays;

/**
 * A growable column of nullable 64-bit values, kept on the heap while events stream in. Storage is
 * a list of fixed-size chunks, so growing never copies the values already collected; rows may be
 * patched later (an interval's duration is known only when it closes).
 */
final class LongColumn {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;

  private long[][] values = new long[8][];
  private long[][] nullBits = new long[8][];
  private int size;

  int size() { return size; }

  /** Appends {@code v}; returns its row. */
  int add(long v) {
    int row = grow();
    values[row >>> CHUNK_BITS][row & MASK] = v;
    return row;
  }

  /** Appends NULL; returns its row. */
  int addNull() {
    int row = grow();
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

  private int grow() {
    int chunk = size >>> CHUNK_BITS;
    if (chunk == values.length) {
      values = Arrays.copyOf(values, chunk * 2);
      nullBits = Arrays.copyOf(nullBits, chunk * 2);
    }
    if (values[chunk] == null) values[chunk] = new long[CHUNK];
    return size++;
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
