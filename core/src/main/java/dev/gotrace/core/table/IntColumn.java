package dev.gotrace.core.table;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A growable column of nullable 32-bit values: string-pool ids of dictionary-encoded columns,
 * small counts and booleans (0/1). Chunked like {@link LongColumn}.
 */
final class IntColumn {
  private static final int CHUNK_BITS = NullBits.CHUNK_BITS;
  private static final int CHUNK = NullBits.CHUNK;
  private static final int MASK = NullBits.MASK;

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

  boolean isNull(int row) { return NullBits.isNull(nullBits, row); }

  /**
   * Writes rows {@code [from, from + count)} into an allocated INT vector's buffers (zeroed on
   * entry; NULL rows stay 0). Values go in bulk, a chunk at a time.
   */
  void copyTo(ArrowBuf data, ArrowBuf validity, int from, int count) {
    IntBuffer out = data.nioBuffer(0, count * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    for (int done = 0; done < count; ) {
      int row = from + done;
      int offset = row & MASK;
      int n = Math.min(CHUNK - offset, count - done);
      out.put(done, values[row >>> CHUNK_BITS], offset, n);
      done += n;
    }
    NullBits.writeValidity(nullBits, validity, from, count, i -> out.put(i, 0));
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
