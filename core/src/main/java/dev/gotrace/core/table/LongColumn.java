package dev.gotrace.core.table;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A growable column of nullable 64-bit values, kept on the heap while events stream in. Storage is
 * a list of fixed-size chunks, so growing never copies the values already collected; rows may be
 * patched later (an interval's duration is known only when it closes). A chunk whose rows are all
 * NULL has no value array.
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

  /** Drops every row (and its storage): the column starts again at row 0. */
  void clear() {
    values = new long[16][];
    nullBits = new long[16][];
    current = null;
    size = 0;
  }

  /** Appends {@code v}; returns its row. */
  int add(long v) {
    int i = size & MASK;
    if (i == 0) newChunk();
    if (current == null) current = values[size >>> CHUNK_BITS] = new long[CHUNK];
    current[i] = v;
    return size++;
  }

  /** Appends NULL; returns its row. */
  int addNull() {
    // No value is stored: a chunk of NULLs never allocates its values (most columns of
    // events are NULL for most kinds).
    if ((size & MASK) == 0) newChunk();
    int row = size++;
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
    valuesOf(row)[row & MASK] = v;
    markNull(row, false);
  }

  void setNull(int row) {
    markNull(row, true);
  }

  long get(int row) {
    long[] chunk = values[row >>> CHUNK_BITS];
    return chunk == null ? 0 : chunk[row & MASK];
  }

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
      if (chunk == null) {
        // all NULL: zeroed below
      } else if (subtract == 0) {
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
    current = null;
  }

  /** The value chunk holding {@code row}, allocated if all its rows were NULL so far. */
  private long[] valuesOf(int row) {
    int chunk = row >>> CHUNK_BITS;
    if (values[chunk] == null) {
      values[chunk] = new long[CHUNK];
      if (chunk == (size - 1) >>> CHUNK_BITS) current = values[chunk];
    }
    return values[chunk];
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
