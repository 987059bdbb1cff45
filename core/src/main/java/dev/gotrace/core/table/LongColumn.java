package dev.gotrace.core.table;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A growable column of nullable 64-bit values, staged off the heap ({@link StagedChunks}) while events stream in. Storage is
 * a list of fixed-size chunks, so growing never copies the values already collected; rows may be
 * patched later (an interval's duration is known only when it closes). A chunk whose rows are all
 * NULL has no value array.
 */
final class LongColumn {
  private static final int CHUNK_BITS = NullBits.CHUNK_BITS;
  private static final int CHUNK = NullBits.CHUNK;
  private static final int MASK = NullBits.MASK;

  private final StagedChunks values = new StagedChunks(CHUNK * Long.BYTES);
  private long[][] nullBits = new long[16][];
  /** Address of the last chunk's values; 0 while all its rows are NULL. */
  private long current;
  private int size;

  int size() { return size; }

  /** Drops every row (and its storage): the column starts again at row 0. */
  void clear() {
    values.clear();
    nullBits = new long[16][];
    current = 0;
    size = 0;
  }

  /** Appends {@code v}; returns its row. */
  int add(long v) {
    int i = size & MASK;
    if (i == 0) newChunk();
    if (current == 0) current = values.allocated(size >>> CHUNK_BITS);
    MemoryUtil.putLong(current + ((long) i << 3), v);
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
    MemoryUtil.putLong(valuesOf(row) + ((long) (row & MASK) << 3), v);
    markNull(row, false);
  }

  void setNull(int row) {
    markNull(row, true);
  }

  long get(int row) {
    long chunk = values.address(row >>> CHUNK_BITS);
    return chunk == 0 ? 0 : MemoryUtil.getLong(chunk + ((long) (row & MASK) << 3));
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
      long chunk = values.address(row >>> CHUNK_BITS);
      if (chunk == 0) {
        // all NULL: zeroed below
      } else if (subtract == 0) {
        MemoryUtil.copyMemory(chunk + ((long) offset << 3), data.memoryAddress() + ((long) done << 3), (long) n << 3);
      } else {
        for (int k = 0; k < n; k++) out.put(done + k, MemoryUtil.getLong(chunk + ((long) (offset + k) << 3)) - subtract);
      }
      done += n;
    }
    NullBits.writeValidity(nullBits, validity, from, count, i -> out.put(i, 0L));
  }

  private void newChunk() {
    int chunk = size >>> CHUNK_BITS;
    values.ensure(chunk);
    if (chunk == nullBits.length) nullBits = Arrays.copyOf(nullBits, chunk * 2);
    current = 0;
  }

  /** The address of the value chunk holding {@code row}, allocated if all its rows were NULL so far. */
  private long valuesOf(int row) {
    int chunk = row >>> CHUNK_BITS;
    long address = values.allocated(chunk);
    if (chunk == (size - 1) >>> CHUNK_BITS) current = address;
    return address;
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
