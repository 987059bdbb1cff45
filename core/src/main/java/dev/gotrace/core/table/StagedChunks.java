package dev.gotrace.core.table;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The value chunks of a {@link LongColumn} or {@link IntColumn}, off the heap: a large trace stages
 * gigabytes of rows before they are written to Arrow, and on the heap the collector copied them
 * again and again (a third of a 300 MB decode). Each chunk is a direct buffer cut from one of
 * {@link MemoryBound}'s slabs, counted there, and freed with its slab once the columns holding
 * the slab's chunks are collected; columns read and write a chunk through its
 * address (no bounds checks: their indexes are masked to the chunk), while this object keeps the
 * buffers reachable.
 */
final class StagedChunks {
  private final int chunkBytes;
  private ByteBuffer[] owners = new ByteBuffer[16];
  private long[] addresses = new long[16];

  StagedChunks(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /** The address of chunk {@code chunk}, or 0 if it has none (all its rows are NULL). */
  long address(int chunk) {
    return addresses[chunk];
  }

  /** The address of chunk {@code chunk}, allocated (zeroed) if it has none. */
  long allocated(int chunk) {
    long address = addresses[chunk];
    if (address != 0) return address;
    ByteBuffer buffer = MemoryBound.stagingBuffer(chunkBytes);
    owners[chunk] = buffer;
    return addresses[chunk] = MemoryUtil.getByteBufferAddress(buffer);
  }

  /** Makes room for chunk index {@code chunk}. */
  void ensure(int chunk) {
    if (chunk < addresses.length) return;
    owners = Arrays.copyOf(owners, chunk * 2);
    addresses = Arrays.copyOf(addresses, chunk * 2);
  }

  /** Drops every chunk. */
  void clear() {
    owners = new ByteBuffer[16];
    addresses = new long[16];
  }
}
