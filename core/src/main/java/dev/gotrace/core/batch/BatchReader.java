package dev.gotrace.core.batch;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.WireException;

/**
 * Reads one batch header and copies its payload into the arena (Go's {@code readBatch}). A bare
 * EndOfGeneration byte is returned as a one-byte batch of generation 0.
 */
public final class BatchReader {
  private BatchReader() {}

  /**
   * Reads the next batch, or returns null where Go's reader sees a plain {@code io.EOF}: at the
   * first header byte, or (an oddity kept for fidelity) at the experiment byte.
   *
   * @param contextGen generation being read, for error locations
   */
  public static Batch read(ByteReader in, PayloadArena arena, long contextGen) {
    long start = in.offset();
    int type = in.readByte();
    if (type < 0) return null;
    if (type == EventType.END_OF_GENERATION) {
      int at = arena.size();
      arena.append(new byte[] {(byte) type}, 0, 1);
      return new Batch(0, -1, 0, EventType.NO_EXPERIMENT, type, at, 1, start, start);
    }
    if (type != EventType.EVENT_BATCH && type != EventType.EXPERIMENTAL_BATCH) {
      throw new TraceFormatException("expected batch event, got event " + type, start, contextGen);
    }
    int experiment = EventType.NO_EXPERIMENT;
    if (type == EventType.EXPERIMENTAL_BATCH) {
      experiment = in.readByte();
      if (experiment < 0) return null;
    }
    long gen = header(in, "gen", start, contextGen);
    long m = header(in, "M ID", start, contextGen);
    long ts = header(in, "timestamp", start, contextGen);
    long size = header(in, "size", start, contextGen);
    if (Long.compareUnsigned(size, EventType.MAX_BATCH_SIZE) > 0) {
      throw new TraceFormatException("invalid batch size " + Long.toUnsignedString(size) + ", maximum is "
          + EventType.MAX_BATCH_SIZE, start, contextGen);
    }
    long payloadOffset = in.offset();
    int at = arena.size();
    int n = arena.append(in, (int) size);
    if (n != size) {
      arena.truncate(at);
      throw new TraceFormatException("failed to read full batch: read " + n + " but wanted " + size, start,
          contextGen);
    }
    int first = size > 0 ? arena.bytes()[at] & 0xff : -1;
    return new Batch(gen, m, ts, experiment, first, at, (int) size, start, payloadOffset);
  }

  private static long header(ByteReader in, String field, long start, long contextGen) {
    try {
      return in.readUvarint();
    } catch (WireException e) {
      throw new TraceFormatException("error reading batch " + field + ": " + e.getMessage(), start, contextGen);
    }
  }
}
