package dev.gotrace.core.generation;

/**
 * A generation's clock data: the frequency (from the frequency or sync batch) and, from format
 * 1.25 on, the clock snapshot.
 */
public final class SyncInfo {
  private double nsPerUnit;
  private long unitsPerSecond;
  private boolean hasClockSnapshot;
  private long snapshotRawTime;
  private long snapshotMono;
  private long snapshotWallSeconds;
  private long snapshotWallNanos;

  /** Go treats a zero conversion factor as "no frequency event". */
  public boolean hasFrequency() { return nsPerUnit != 0; }

  void setFrequency(long unitsPerSecond) {
    this.unitsPerSecond = unitsPerSecond;
    this.nsPerUnit = Frequency.nsPerUnit(unitsPerSecond);
  }

  void setClockSnapshot(long rawTime, long mono, long wallSeconds, long wallNanos) {
    hasClockSnapshot = true;
    snapshotRawTime = rawTime;
    snapshotMono = mono;
    snapshotWallSeconds = wallSeconds;
    snapshotWallNanos = wallNanos;
  }

  /** Nanoseconds per trace-clock unit. */
  public double nsPerUnit() { return nsPerUnit; }

  /** The Frequency event's value: trace-clock units per second. */
  public long unitsPerSecond() { return unitsPerSecond; }

  public boolean hasClockSnapshot() { return hasClockSnapshot; }

  /** Snapshot of the trace clock in ns. */
  public long snapshotTraceTime() { return Frequency.mul(nsPerUnit, snapshotRawTime); }

  public long snapshotMono() { return snapshotMono; }

  /** Wall clock seconds as written (Go reads them as int64). */
  public long snapshotWallSeconds() { return snapshotWallSeconds; }

  /** Wall clock nanoseconds as written (not normalised, as passed to Go's time.Unix). */
  public long snapshotWallNanos() { return snapshotWallNanos; }
}
