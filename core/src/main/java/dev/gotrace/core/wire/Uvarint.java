package dev.gotrace.core.wire;

/**
 * The one varint decoder of the trace formats: Go's {@code binary.Uvarint} over a byte array
 * (little-endian base-128, padded encodings accepted, at most ten bytes). It reports the length
 * the way Go does (positive = bytes used, 0 = buffer too short, negative = overflow) and leaves
 * the value in {@link #value()}, so callers on the hot path allocate nothing; the class is final,
 * so the call inlines.
 */
public final class Uvarint {
  /** {@code binary.MaxVarintLen64}. */
  public static final int MAX_LEN = 10;

  private long value;

  /** Decodes from {@code data[pos..limit)}; returns Go's {@code n} (see class comment). */
  public int decode(byte[] data, int pos, int limit) {
    long x = 0;
    int shift = 0;
    for (int i = 0; pos + i < limit; i++) {
      if (i == MAX_LEN) return -(i + 1);
      int b = data[pos + i] & 0xff;
      if (b < 0x80) {
        if (i == MAX_LEN - 1 && b > 1) return -(i + 1);
        value = x | ((long) b << shift);
        return i + 1;
      }
      x |= (long) (b & 0x7f) << shift;
      shift += 7;
    }
    return 0;
  }

  /** The value of the last successful {@link #decode}. */
  public long value() { return value; }
}
