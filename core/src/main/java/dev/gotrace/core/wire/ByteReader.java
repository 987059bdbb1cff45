package dev.gotrace.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Sequential bytes with absolute offsets: either an in-memory window (a batch payload, a whole
 * trace in a byte array) or a channel read through a buffer. Varints are decoded by
 * {@link Uvarint}.
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
  private final Uvarint uvarint = new Uvarint();
  private final byte[] scratch = new byte[Uvarint.MAX_LEN];

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
    long start = offset();
    if (model == null) {
      int n = uvarint.decode(buf, pos, limit);
      if (n > 0) {
        pos += n;
        return uvarint.value();
      }
      if (n < 0) throw new WireException(WireException.OVERFLOW, start);
    }
    // The varint crosses the buffer's end, or every byte is mirrored: gather it byte by byte.
    int len = 0;
    while (len < Uvarint.MAX_LEN) {
      int b = readByte();
      if (b < 0) throw new WireException(len == 0 ? WireException.EOF : WireException.UNEXPECTED_EOF, start);
      scratch[len++] = (byte) b;
      if (b < 0x80) break;
    }
    // Ten continuation bytes (n == 0) overflow as well.
    if (uvarint.decode(scratch, 0, len) <= 0) throw new WireException(WireException.OVERFLOW, start);
    return uvarint.value();
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
