package dev.gotrace.core.table;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * A growable column of nullable 32-bit values: string-pool ids of dictionary-encoded columns,
 * small counts and booleans (0/1). Chunked like {@link LongColumn}.
 */
final class IntColumn {
  private static final int CHUNK_BITS = 13;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;

  private int[][] values = new int[16][];
  private long[][] nullBits = new long[16][];
  private int[] current;
  private int size;

  int size() { return size; }

  int add(int v) {
    int i = size & MASK;
    if (i == 0) newChunk();
    current[i] = v;
    return size++;
  }

  int addNull() {
    int row = add(0);
    markNull(row, true);
    return row;
  }

  int add(boolean v) { return add(v ? 1 : 0); }

  void set(int row, int v) {
    values[row >>> CHUNK_BITS][row & MASK] = v;
    markNull(row, false);
  }

  void set(int row, boolean v) { set(row, v ? 1 : 0); }

  void setNull(int row) { markNull(row, true); }

  int get(int row) { return values[row >>> CHUNK_BITS][row & MASK]; }

  boolean isNull(int row) {
    long[] bits = nullBits[row >>> CHUNK_BITS];
    int i = row & MASK;
    return bits != null && (bits[i >>> 6] & (1L << i)) != 0;
  }

  /** Writes rows {@code [from, from + count)} into an allocated INT vector's buffers (validity zero on entry). */
  void copyTo(ArrowBuf data, ArrowBuf validity, int from, int count) {
    for (int i = 0; i < count; i++) {
      int row = from + i;
      long[] bits = nullBits[row >>> CHUNK_BITS];
      int j = row & MASK;
      if (bits == null || (bits[j >>> 6] & (1L << j)) == 0) {
        data.setInt((long) i * Integer.BYTES, values[row >>> CHUNK_BITS][j]);
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
    current = values[chunk] = new int[CHUNK];
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
