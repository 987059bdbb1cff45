package dev.gotrace.core.table;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A growable column of nullable 32-bit values: string-pool ids of dictionary-encoded columns,
 * small counts and booleans (0/1). Chunked like {@link LongColumn}.
 */
final class IntColumn {
  private static final int CHUNK_BITS = NullBits.CHUNK_BITS;
  private static final int CHUNK = NullBits.CHUNK;
  private static final int MASK = NullBits.MASK;

  private final StagedChunks values = new StagedChunks(CHUNK * Integer.BYTES);
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

  int add(int v) {
    int i = size & MASK;
    if (i == 0) newChunk();
    if (current == 0) current = values.allocated(size >>> CHUNK_BITS);
    MemoryUtil.putInt(current + ((long) i << 2), v);
    return size++;
  }

  int addNull() {
    // No value is stored: a chunk of NULLs never allocates its values (most columns of
    // events are NULL for most kinds).
    if ((size & MASK) == 0) newChunk();
    int row = size++;
    markNull(row, true);
    return row;
  }

  /** Appends NULL for stack id 0 ("no stack"), else the id. */
  int addStack(int stackId) {
    return stackId == 0 ? addNull() : add(stackId);
  }

  int add(boolean v) { return add(v ? 1 : 0); }

  void set(int row, int v) {
    MemoryUtil.putInt(valuesOf(row) + ((long) (row & MASK) << 2), v);
    markNull(row, false);
  }

  void set(int row, boolean v) { set(row, v ? 1 : 0); }

  void setNull(int row) { markNull(row, true); }

  int get(int row) {
    long chunk = values.address(row >>> CHUNK_BITS);
    return chunk == 0 ? 0 : MemoryUtil.getInt(chunk + ((long) (row & MASK) << 2));
  }

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
      long chunk = values.address(row >>> CHUNK_BITS);
      // A chunk of 0 is all NULL: zeroed below.
      if (chunk != 0) MemoryUtil.copyMemory(chunk + ((long) offset << 2), data.memoryAddress() + ((long) done << 2), (long) n << 2);
      done += n;
    }
    NullBits.writeValidity(nullBits, validity, from, count, i -> out.put(i, 0));
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
