package dev.gotrace.core.generation;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.batch.Batch;
import dev.gotrace.core.batch.BatchReader;
import dev.gotrace.core.batch.PayloadArena;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.FormatVersion;

/**
 * Reads whole generations, one at a time (Go's {@code readGeneration} and
 * {@code readGenerationWithSpill}). From format 1.26 a generation ends at its EndOfGeneration
 * byte; before that it ends at the first batch of the next generation, which is kept ("spilled")
 * for the next call. Each returned generation is validated and its stacks are interned.
 */
public final class GenerationReader {
  private final FormatVersion version;
  private final ByteReader in;
  private final StringPool pool;
  private final StackTable stackTable;
  private final PayloadArena arena = new PayloadArena();
  private final BatchContents contents;

  private Batch spill;
  private byte[] spillBytes;
  private TraceFormatException deferredError;

  public GenerationReader(FormatVersion version, ByteReader in, StringPool pool, StackTable stackTable) {
    this.version = version;
    this.in = in;
    this.pool = pool;
    this.stackTable = stackTable;
    this.contents = new BatchContents(version);
  }

  /**
   * Format 1.26: the next generation, or null when the trace ended cleanly (EOF at a batch
   * boundary with no event batch pending).
   */
  public Generation readTerminated() {
    arena.clear();
    Generation g = new Generation(in.offset(), arena, pool);
    boolean hasEventBatches = false;
    while (true) {
      Batch b = BatchReader.read(in, arena, context(g));
      if (b == null) {
        if (hasEventBatches) {
          throw BatchContents.fail(g, in.offset(), "incomplete generation found; trace likely truncated");
        }
        return null;
      }
      if (g.gen() == 0) g.setGen(b.gen());
      if (b.isEndOfGeneration()) break;
      if (b.gen() == 0) throw BatchContents.fail(g, b.headerOffset(), "invalid generation number 0");
      if (b.gen() != g.gen()) {
        throw BatchContents.fail(g, b.headerOffset(),
            "broken trace: missing end-of-generation event, or generations are interleaved");
      }
      g.observeBatchTime(b.time());
      contents.process(g, b);
      hasEventBatches |= g.threadCount() > 0;
    }
    finish(g);
    return g;
  }

  /**
   * Formats 1.22–1.25: the next generation. A read error after part of the generation was read
   * is not thrown but kept in {@link #deferredError()}, to be reported after the generation's
   * events, exactly as Go does.
   */
  public Generation readWithSpill() {
    arena.clear();
    deferredError = null;
    Generation g = new Generation(spill != null ? spill.headerOffset() : in.offset(), arena, pool);
    if (spill != null) {
      g.setGen(spill.gen());
      g.setMinTs(spill.time());
      spill.relocate(arena.size());
      arena.append(spillBytes, 0, spillBytes.length);
      Batch b = spill;
      spill = null;
      spillBytes = null;
      contents.process(g, b);
    }
    while (true) {
      Batch b;
      try {
        b = BatchReader.read(in, arena, context(g));
      } catch (TraceFormatException e) {
        if (g.gen() != 0) {
          deferredError = e;
          break;
        }
        throw e;
      }
      if (b == null) break;
      if (b.gen() == 0) throw BatchContents.fail(g, b.headerOffset(), "invalid generation number 0");
      if (g.gen() == 0) g.setGen(b.gen());
      if (b.gen() == g.gen() + 1) {
        keepSpill(b);
        break;
      }
      if (b.gen() != g.gen()) throw BatchContents.fail(g, b.headerOffset(), "generations out of order");
      g.observeBatchTime(b.time());
      contents.process(g, b);
    }
    finish(g);
    return g;
  }

  /** The first batch of the next generation was read (formats before 1.26). */
  public boolean hasSpill() { return spill != null; }

  /** The read error held back by the last {@link #readWithSpill}, or null. */
  public TraceFormatException deferredError() { return deferredError; }

  private void keepSpill(Batch b) {
    spillBytes = new byte[b.dataLength()];
    System.arraycopy(arena.bytes(), b.dataOffset(), spillBytes, 0, b.dataLength());
    arena.truncate(b.dataOffset());
    spill = b;
  }

  private static long context(Generation g) {
    return g.gen() == 0 ? TraceFormatException.NO_GENERATION : g.gen();
  }

  /** Go's end-of-generation checks, then stack interning and CPU sample fix-up. */
  private void finish(Generation g) {
    SyncInfo sync = g.sync();
    if (!sync.hasFrequency()) throw BatchContents.fail(g, g.startOffset(), "no frequency event found");
    if (version.hasSyncBatch() && !sync.hasClockSnapshot()) {
      throw BatchContents.fail(g, g.startOffset(), "no clock snapshot event found");
    }
    g.strings().compact();
    String error = g.stacks().validate(g.strings());
    if (error != null) throw BatchContents.fail(g, g.startOffset(), error);
    g.stacks().intern(g.strings(), stackTable);
    g.cpuSamples().fixUp(sync.nsPerUnit());
  }
}
