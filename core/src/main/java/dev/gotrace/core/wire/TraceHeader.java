package dev.gotrace.core.wire;

import dev.gotrace.core.format.TraceFormatException;
import java.nio.charset.StandardCharsets;

/**
 * The 16-byte file header {@code "go 1.NN trace\0\0\0"} of the v2 formats 1.22, 1.23, 1.25 and
 * 1.26. The v1 family (1.11, 1.19, 1.21) never reaches this class: the reader sends those files to
 * {@code dev.gotrace.core.v1.V1Decoder} first.
 */
public final class TraceHeader {
  /** Header length in bytes. */
  public static final int LENGTH = 16;

  private static final String BAD_FORMAT = "bad file format: not a Go execution trace?";
  private static final byte[] PREFIX = "go 1.".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUFFIX = " trace\0\0\0".getBytes(StandardCharsets.US_ASCII);

  private TraceHeader() {}

  /** Reads the header and returns the v2 version, or throws with Go's message. */
  public static FormatVersion read(ByteReader in) {
    byte[] header = new byte[LENGTH];
    int n = in.readHeader(header);
    long minor = parseMinor(header, n);
    FormatVersion v = FormatVersion.ofMinor(minor);
    if (v == null) {
      throw new TraceFormatException("unknown or unsupported trace version go 1." + minor, 0,
          TraceFormatException.NO_GENERATION);
    }
    return v;
  }

  private static long parseMinor(byte[] h, int n) {
    if (n < LENGTH) throw bad();
    for (int i = 0; i < PREFIX.length; i++) {
      if (h[i] != PREFIX[i]) throw bad();
    }
    int i = PREFIX.length;
    long minor = 0;
    int digits = 0;
    while (i < n && h[i] >= '0' && h[i] <= '9') {
      minor = minor * 10 + (h[i] - '0');
      i++;
      digits++;
    }
    if (digits == 0 || digits > 9 || i + SUFFIX.length > n) throw bad();
    for (int j = 0; j < SUFFIX.length; j++) {
      if (h[i + j] != SUFFIX[j]) throw bad();
    }
    return minor;
  }

  private static TraceFormatException bad() {
    return new TraceFormatException(BAD_FORMAT, 0, TraceFormatException.NO_GENERATION);
  }
}
