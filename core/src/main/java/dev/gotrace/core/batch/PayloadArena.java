package dev.gotrace.core.batch;

import dev.gotrace.core.wire.ByteReader;
import java.util.Arrays;

/**
 * The payload bytes of one generation's batches, back to back in one growable array that is
 * reused for the next generation, so reading allocates per generation at most, never per batch.
 */
public final class PayloadArena {
  private byte[] bytes = new byte[1 << 16];
  private int size;

  /** Forgets all payloads; the array is kept. */
  public void clear() { size = 0; }

  /** Drops everything from {@code newSize} on. */
  public void truncate(int newSize) { size = newSize; }

  public int size() { return size; }

  /** The backing array; valid until the next append. */
  public byte[] bytes() { return bytes; }

  /** Appends up to {@code len} bytes from {@code in}; returns how many were read. */
  public int append(ByteReader in, int len) {
    ensure(len);
    int n = in.read(bytes, size, len);
    size += n;
    return n;
  }

  /** Appends a copy of {@code src[off..off+len)}. */
  public void append(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, bytes, size, len);
    size += len;
  }

  private void ensure(int len) {
    if (size + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
    }
  }
}
