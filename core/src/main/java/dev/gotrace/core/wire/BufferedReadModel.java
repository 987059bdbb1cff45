package dev.gotrace.core.wire;

/**
 * Counts the bytes Go's {@code cmd/trace} would have pulled from the file at each point of the
 * parse. Go wraps the file in a counting reader under a 4 KiB {@code bufio.Reader}, so its "valid
 * bytes" (and the "Lost X%" it reports) are file positions rounded up by that buffer's read-ahead.
 * This model replays bufio's refill rules for the calls the reader makes: byte reads and bulk reads
 * through {@code io.CopyN}.
 */
public final class BufferedReadModel {
  private static final int BUFFER_SIZE = 4096;

  private final long size;
  private long pulled;
  private long buffered;

  /** @param size the file size in bytes */
  public BufferedReadModel(long size) { this.size = size; }

  /** The 16-byte header is scanned from one initial buffer fill. */
  void onHeader(int consumed) {
    fill();
    buffered = Math.max(0, buffered - consumed);
  }

  void onReadByte() {
    if (buffered == 0) fill();
    if (buffered > 0) buffered--;
  }

  /** A bulk read of {@code n} bytes (a batch payload copied with io.CopyN). */
  void onRead(long n) {
    long remaining = n;
    while (remaining > 0) {
      if (buffered == 0) {
        if (remaining >= BUFFER_SIZE) {
          // bufio reads large requests straight into the caller's buffer.
          long direct = Math.min(remaining, size - pulled);
          if (direct == 0) return;
          pulled += direct;
          remaining -= direct;
          continue;
        }
        fill();
        if (buffered == 0) return;
      }
      long copied = Math.min(remaining, buffered);
      buffered -= copied;
      remaining -= copied;
    }
  }

  private void fill() {
    long n = Math.min(BUFFER_SIZE, size - pulled);
    pulled += n;
    buffered = n;
  }

  /** Bytes pulled from the file so far, as Go's counting reader reports them. */
  public long pulled() { return pulled; }
}
