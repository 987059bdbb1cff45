package dev.gotrace.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Sequential bytes with absolute offsets: either an in-memory window (a batch payload, a whole
 * trace in a byte array) or a channel read through a buffer. Varints follow Go's
 * {@code encoding/binary}: little-endian base-128, padded (non-minimal) encodings accepted, at most
 * ten bytes.
 */
public final class ByteReader {
  private static final int CHANNEL_BUFFER = 1 << 18;

  private final ReadableByteChannel channel;
  private byte[] buf;
  private int pos;
  private int limit;
  /** Absolute offset of {@code buf[0]}. */
  private long base;
  private BufferedReadModel model;

  /** Reads {@code len} bytes of {@code data} from {@code off}; offsets start at {@code baseOffset}. */
  public ByteReader(byte[] data, int off, int len, long baseOffset) {
    this.channel = null;
    this.buf = data;
    this.pos = off;
    this.limit = off + len;
    this.base = baseOffset - off;
  }

  /** Reads a channel (typically a file) from its current position, which is offset 0. */
  public ByteReader(ReadableByteChannel channel) {
    this.channel = channel;
    this.buf = new byte[CHANNEL_BUFFER];
  }

  /** Mirrors every read into {@code model} (for Go's valid-bytes accounting). */
  public void setModel(BufferedReadModel model) { this.model = model; }

  public BufferedReadModel model() { return model; }

  /** Absolute offset of the next byte. */
  public long offset() { return base + pos; }

  /** Bytes left in an in-memory window (Go's {@code bytes.Reader.Len}). */
  public int remaining() { return limit - pos; }

  /** The next byte (0–255), or -1 at the end. */
  public int readByte() {
    if (model != null) model.onReadByte();
    if (pos == limit && !refill()) return -1;
    return buf[pos++] & 0xff;
  }

  /** Reads the 16-byte header, or fewer at the end; returns the count read. */
  public int readHeader(byte[] dst) {
    int n = readRaw(dst, 0, dst.length);
    if (model != null) model.onHeader(n);
    return n;
  }

  /** Copies up to {@code len} bytes (fewer only at the end); returns the count copied. */
  public int read(byte[] dst, int off, int len) {
    if (model != null) model.onRead(len);
    return readRaw(dst, off, len);
  }

  private int readRaw(byte[] dst, int off, int len) {
    int done = 0;
    while (done < len) {
      if (pos == limit && !refill()) break;
      int n = Math.min(len - done, limit - pos);
      System.arraycopy(buf, pos, dst, off + done, n);
      pos += n;
      done += n;
    }
    return done;
  }

  /**
   * Go's {@code binary.ReadUvarint}: {@code EOF} if no byte is left, {@code unexpected EOF} if the
   * varint is cut, overflow past 64 bits.
   */
  public long readUvarint() {
    if (model == null && limit - pos >= Uvarint.MAX_LEN) {
      // Fast path: the whole varint is in the buffer.
      long start = base + pos;
      long x = 0;
      int shift = 0;
      for (int i = 0; i < Uvarint.MAX_LEN; i++) {
        int b = buf[pos++] & 0xff;
        if (b < 0x80) {
          if (i == Uvarint.MAX_LEN - 1 && b > 1) throw new WireException(WireException.OVERFLOW, start);
          return x | ((long) b << shift);
        }
        x |= (long) (b & 0x7f) << shift;
        shift += 7;
      }
      throw new WireException(WireException.OVERFLOW, start);
    }
    long start = offset();
    long x = 0;
    int shift = 0;
    for (int i = 0; i < Uvarint.MAX_LEN; i++) {
      int b = readByte();
      if (b < 0) {
        throw new WireException(i == 0 ? WireException.EOF : WireException.UNEXPECTED_EOF, start);
      }
      if (b < 0x80) {
        if (i == Uvarint.MAX_LEN - 1 && b > 1) throw new WireException(WireException.OVERFLOW, start);
        return x | ((long) b << shift);
      }
      x |= (long) (b & 0x7f) << shift;
      shift += 7;
    }
    throw new WireException(WireException.OVERFLOW, start);
  }

  private boolean refill() {
    if (channel == null) return false;
    base += limit;
    pos = 0;
    limit = 0;
    ByteBuffer bb = ByteBuffer.wrap(buf);
    try {
      while (limit == 0) {
        int n = channel.read(bb);
        if (n < 0) return false;
        limit = bb.position();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }
}
