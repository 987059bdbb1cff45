package dev.gotrace.core.table;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A growable column of nullable 64-bit values, kept on the heap while events stream in. Storage is
 * a list of fixed-size chunks, so growing never copies the values already collected; rows may be
 * patched later (an interval's duration is known only when it closes).
 */
final class LongColumn {
  private static final int CHUNK_BITS = NullBits.CHUNK_BITS;
  private static final int CHUNK = NullBits.CHUNK;
  private static final int MASK = NullBits.MASK;

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

  boolean isNull(int row) { return NullBits.isNull(nullBits, row); }

  /**
   * Writes rows {@code [from, from + count)} minus {@code subtract} into an allocated BIGINT
   * vector's buffers (zeroed on entry; NULL rows stay 0). Values go in bulk, a chunk at a time.
   */
  void copyTo(ArrowBuf data, ArrowBuf validity, int from, int count, long subtract) {
    LongBuffer out = data.nioBuffer(0, count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    for (int done = 0; done < count; ) {
      int row = from + done;
      int offset = row & MASK;
      int n = Math.min(CHUNK - offset, count - done);
      long[] chunk = values[row >>> CHUNK_BITS];
      if (subtract == 0) {
        out.put(done, chunk, offset, n);
      } else {
        for (int k = 0; k < n; k++) out.put(done + k, chunk[offset + k] - subtract);
      }
      done += n;
    }
    NullBits.writeValidity(nullBits, validity, from, count, i -> out.put(i, 0L));
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
