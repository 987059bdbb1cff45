package dev.gotrace.core.format;

/**
 * The one exception a malformed trace raises: what was expected, where in the file, and in which
 * generation. Messages follow Go's reader ({@code src/internal/trace}) where Go has a message.
 */
public final class TraceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Byte offset unknown (e.g. an error found while ordering events rather than reading bytes). */
  public static final long NO_OFFSET = -1;
  /** Generation unknown (e.g. the header). */
  public static final long NO_GENERATION = -1;

  private final long byteOffset;
  private final long generation;
  private final String detail;

  public TraceFormatException(String detail, long byteOffset, long generation) {
    this(detail, byteOffset, generation, null);
  }

  public TraceFormatException(String detail, long byteOffset, long generation, Throwable cause) {
    super(format(detail, byteOffset, generation), cause);
    this.detail = detail;
    this.byteOffset = byteOffset;
    this.generation = generation;
  }

  private static String format(String detail, long byteOffset, long generation) {
    StringBuilder b = new StringBuilder(detail);
    if (byteOffset != NO_OFFSET || generation != NO_GENERATION) {
      b.append(" (");
      if (byteOffset != NO_OFFSET) b.append("at byte offset ").append(byteOffset);
      if (byteOffset != NO_OFFSET && generation != NO_GENERATION) b.append(", ");
      if (generation != NO_GENERATION) b.append("generation ").append(generation);
      b.append(')');
    }
    return b.toString();
  }

  /** Go-style message without the location suffix. */
  public String detail() { return detail; }

  /** Offset in the file of the batch or item being read, or {@link #NO_OFFSET}. */
  public long byteOffset() { return byteOffset; }

  /** Generation number as written in the file, or {@link #NO_GENERATION}. */
  public long generation() { return generation; }
}
