package dev.gotrace.core.wire;

/**
 * A low-level read failure carrying the text of the Go error it mirrors ({@code EOF},
 * {@code unexpected EOF}, {@code binary: varint overflows a 64-bit integer}). Callers add context
 * and turn it into a {@link dev.gotrace.core.format.TraceFormatException}.
 */
public final class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Go's {@code io.EOF}. */
  public static final String EOF = "EOF";
  /** Go's {@code io.ErrUnexpectedEOF}. */
  public static final String UNEXPECTED_EOF = "unexpected EOF";
  /** Go's {@code encoding/binary} overflow error. */
  public static final String OVERFLOW = "binary: varint overflows a 64-bit integer";

  private final long offset;

  public WireException(String goMessage, long offset) {
    super(goMessage, null, false, false);
    this.offset = offset;
  }

  /** True for Go's bare {@code io.EOF}: nothing at all could be read. */
  public boolean isEof() { return EOF.equals(getMessage()); }

  /** Absolute offset where the failing read started. */
  public long offset() { return offset; }
}
