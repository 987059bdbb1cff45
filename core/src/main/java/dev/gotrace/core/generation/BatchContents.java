package dev.gotrace.core.generation;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.batch.Batch;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.FormatVersion;
import dev.gotrace.core.wire.WireException;
import java.nio.charset.StandardCharsets;

/**
 * Adds one batch to a generation (Go's {@code processBatch}): string, stack, CPU-sample and sync
 * batches are decoded at once, experimental batches are counted, event batches are filed per M.
 */
final class BatchContents {
  private final FormatVersion version;
  private byte[] stringBuffer = new byte[EventType.MAX_EVENT_TRAILER_DATA_SIZE];

  BatchContents(FormatVersion version) { this.version = version; }

  void process(Generation g, Batch b) {
    if (b.isStrings()) {
      addStrings(g, b);
    } else if (b.isStacks()) {
      addStacks(g, b);
    } else if (b.isCpuSamples()) {
      addCpuSamples(g, b);
    } else if (b.isSync(version)) {
      setSync(g, b);
    } else if (b.experiment() != EventType.NO_EXPERIMENT) {
      g.addExperimentalBatch();
    } else if (b.isEndOfGeneration()) {
      throw fail(g, b.headerOffset(), "internal error: unexpectedly processing EndOfGeneration; broken trace?");
    } else {
      g.addEventBatch(b);
    }
  }

  private static ByteReader payload(Generation g, Batch b) {
    ByteReader r = new ByteReader(g.payload(), b.dataOffset(), b.dataLength(), b.payloadOffset());
    r.readByte(); // the section marker that classified the batch
    return r;
  }

  private void addStrings(Generation g, Batch b) {
    ByteReader r = payload(g, b);
    while (r.remaining() != 0) {
      long at = r.offset();
      int ev = r.readByte();
      if (ev != EventType.STRING) throw fail(g, at, "expected string event, got " + ev);
      long id = uvarint(g, r, at, "");
      long len = uvarint(g, r, at, "");
      if (Long.compareUnsigned(len, EventType.MAX_EVENT_TRAILER_DATA_SIZE) > 0) {
        throw fail(g, at, "invalid string size " + Long.toUnsignedString(len) + ", maximum is "
            + EventType.MAX_EVENT_TRAILER_DATA_SIZE);
      }
      int n = r.read(stringBuffer, 0, (int) len);
      if (n != len) throw fail(g, at, "failed to read full string: read " + n + " but wanted " + len);
      String error = g.strings().insert(id, new String(stringBuffer, 0, n, StandardCharsets.UTF_8));
      if (error != null) throw fail(g, at, error);
    }
  }

  private static void addStacks(Generation g, Batch b) {
    ByteReader r = payload(g, b);
    GenerationStacks stacks = g.stacks();
    while (r.remaining() != 0) {
      long at = r.offset();
      int ev = r.readByte();
      if (ev != EventType.STACK) throw fail(g, at, "expected stack event, got " + ev);
      long id = uvarint(g, r, at, "");
      long frames = uvarint(g, r, at, "");
      if (Long.compareUnsigned(frames, EventType.MAX_FRAMES_PER_STACK) > 0) {
        throw fail(g, at, "invalid stack size " + Long.toUnsignedString(frames) + ", maximum is "
            + EventType.MAX_FRAMES_PER_STACK);
      }
      stacks.beginStack(id);
      String ids = Long.toUnsignedString(id);
      for (int i = 1; i <= frames; i++) {
        long pc = uvarint(g, r, at, "reading frame " + i + "'s PC for stack " + ids + ": ");
        long func = uvarint(g, r, at, "reading frame " + i + "'s funcID for stack " + ids + ": ");
        long file = uvarint(g, r, at, "reading frame " + i + "'s fileID for stack " + ids + ": ");
        long line = uvarint(g, r, at, "reading frame " + i + "'s line for stack " + ids + ": ");
        stacks.addFrame(pc, func, file, line);
      }
      String error = stacks.endStack();
      if (error != null) throw fail(g, at, error);
    }
  }

  private static void addCpuSamples(Generation g, Batch b) {
    ByteReader r = payload(g, b);
    while (r.remaining() != 0) {
      long at = r.offset();
      int ev = r.readByte();
      if (ev != EventType.CPU_SAMPLE) throw fail(g, at, "expected CPU sample event, got " + ev);
      long ts = uvarint(g, r, at, "");
      long m = uvarint(g, r, at, "");
      long p = uvarint(g, r, at, "");
      long goid = uvarint(g, r, at, "");
      long stack = uvarint(g, r, at, "");
      g.cpuSamples().add(ts, m, p, goid, stack);
    }
  }

  private void setSync(Generation g, Batch b) {
    // From 1.25 the batch starts with a Sync marker; before, the first byte is the Frequency event.
    ByteReader r = version.hasSyncBatch() ? payload(g, b)
        : new ByteReader(g.payload(), b.dataOffset(), b.dataLength(), b.payloadOffset());
    SyncInfo sync = g.sync();
    long lastTs = b.time();
    while (r.remaining() != 0) {
      long at = r.offset();
      int ev = r.readByte();
      if (ev == EventType.FREQUENCY) {
        if (sync.hasFrequency()) throw fail(g, at, "found multiple frequency events");
        sync.setFrequency(uvarint(g, r, at, ""));
      } else if (ev == EventType.CLOCK_SNAPSHOT && version.hasSyncBatch()) {
        if (sync.hasClockSnapshot()) throw fail(g, at, "found multiple clock snapshot events");
        long dt = uvarint(g, r, at, "");
        lastTs += dt;
        long mono = uvarint(g, r, at, "");
        long sec = uvarint(g, r, at, "");
        long nsec = uvarint(g, r, at, "");
        sync.setClockSnapshot(lastTs, mono, sec, nsec);
      } else {
        throw fail(g, at, "expected frequency or clock snapshot event, got " + ev);
      }
    }
  }

  private static long uvarint(Generation g, ByteReader r, long at, String context) {
    try {
      return r.readUvarint();
    } catch (WireException e) {
      throw fail(g, at, context + e.getMessage());
    }
  }

  static TraceFormatException fail(Generation g, long offset, String message) {
    return new TraceFormatException(message, offset, g.gen() == 0 ? TraceFormatException.NO_GENERATION : g.gen());
  }
}
