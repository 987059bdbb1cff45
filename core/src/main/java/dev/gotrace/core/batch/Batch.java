package dev.gotrace.core.batch;

import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.FormatVersion;

/**
 * One batch: its header, and where its payload lies in the generation's {@link PayloadArena}.
 * Kinds are told apart by the first payload byte, in Go's order (strings, stacks, CPU samples,
 * sync, experimental, end of generation, otherwise a per-M event batch).
 */
public final class Batch {
  private final long gen;
  private final long thread;
  private final long time;
  private final int experiment;
  private final byte firstByte;
  private int dataOffset;
  private final int dataLength;
  private final long headerOffset;
  private final long payloadOffset;

  public Batch(long gen, long thread, long time, int experiment, int firstByte, int dataOffset, int dataLength,
      long headerOffset, long payloadOffset) {
    this.gen = gen;
    this.thread = thread;
    this.time = time;
    this.experiment = experiment;
    this.firstByte = (byte) firstByte;
    this.dataOffset = dataOffset;
    this.dataLength = dataLength;
    this.headerOffset = headerOffset;
    this.payloadOffset = payloadOffset;
  }

  /** Generation number from the header (0 for EndOfGeneration). */
  public long gen() { return gen; }

  /** Thread (M) id, -1 for "no thread". */
  public long thread() { return thread; }

  /** Raw header timestamp (an unsigned trace-clock value). */
  public long time() { return time; }

  public int experiment() { return experiment; }

  /** Offset of the payload in the arena. */
  public int dataOffset() { return dataOffset; }

  /** Moves the payload (used when a spilled batch is copied into the next generation's arena). */
  public void relocate(int newOffset) { this.dataOffset = newOffset; }

  public int dataLength() { return dataLength; }

  /** File offset of the batch's first header byte. */
  public long headerOffset() { return headerOffset; }

  /** File offset of the first payload byte. */
  public long payloadOffset() { return payloadOffset; }

  private boolean plainStartingWith(int type) {
    return experiment == EventType.NO_EXPERIMENT && dataLength > 0 && (firstByte & 0xff) == type;
  }

  public boolean isStrings() { return plainStartingWith(EventType.STRINGS); }

  public boolean isStacks() { return plainStartingWith(EventType.STACKS); }

  public boolean isCpuSamples() { return plainStartingWith(EventType.CPU_SAMPLES); }

  /** A lone Frequency before 1.25, a Sync batch from 1.25 on. */
  public boolean isSync(FormatVersion version) {
    return plainStartingWith(version.hasSyncBatch() ? EventType.SYNC : EventType.FREQUENCY);
  }

  public boolean isEndOfGeneration() { return plainStartingWith(EventType.END_OF_GENERATION); }
}
