package dev.gotrace.core.read;

import dev.gotrace.core.format.TraceFormatException;

/** What a read delivered, and what was lost if the trace was broken. */
public final class TraceReadResult {
  private final String formatVersion;
  private final long eventCount;
  private final long generationCount;
  private final long firstTime;
  private final long lastTime;
  private final long frequencyHz;
  private final Long wallClockStartNs;
  private final long fileSize;
  private final long validBytes;
  private final TraceFormatException error;

  /** A result as a read reported it; public so that a decode cache can restore one it stored. */
  public TraceReadResult(String formatVersion, long eventCount, long generationCount, long firstTime, long lastTime,
      long frequencyHz, Long wallClockStartNs, long fileSize, long validBytes, TraceFormatException error) {
    this.formatVersion = formatVersion;
    this.eventCount = eventCount;
    this.generationCount = generationCount;
    this.firstTime = firstTime;
    this.lastTime = lastTime;
    this.frequencyHz = frequencyHz;
    this.wallClockStartNs = wallClockStartNs;
    this.fileSize = fileSize;
    this.validBytes = validBytes;
    this.error = error;
  }

  /** Header format version: "1.11", "1.19", "1.21" (v1, one generation) or "1.22", "1.23", "1.25", "1.26". */
  public String formatVersion() { return formatVersion; }

  /** Events delivered to the sink. */
  public long eventCount() { return eventCount; }

  /** Generations whose events were all delivered. */
  public long generationCount() { return generationCount; }

  /** Time of the first event (the first Sync), ns on the trace clock. */
  public long firstTime() { return firstTime; }

  /** Time of the last delivered event. */
  public long lastTime() { return lastTime; }

  /** Trace-clock units per second of the first generation (15625000 for nanotime/64 clocks). */
  public long frequencyHz() { return frequencyHz; }

  /**
   * Unix time in ns of the first event, from the first generation's clock snapshot (format 1.25
   * and later), or null.
   */
  public Long wallClockStartNs() { return wallClockStartNs; }

  public long fileSize() { return fileSize; }

  /** Bytes Go's {@code cmd/trace} counts as read when the last kept event was returned. */
  public long validBytes() { return validBytes; }

  /** {@code fileSize - validBytes}: the basis of cmd/trace's "Lost X% of the latest trace data". */
  public long lostBytes() { return fileSize - validBytes; }

  /** True if an error cut the trace short (lenient mode). */
  public boolean truncated() { return error != null; }

  /** The error that cut the trace short, or null. */
  public TraceFormatException error() { return error; }
}
