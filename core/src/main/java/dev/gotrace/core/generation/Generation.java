package dev.gotrace.core.generation;

import dev.gotrace.core.batch.Batch;
import dev.gotrace.core.batch.PayloadArena;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.util.LongIntMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one generation holds once read: its number, the per-M event batches (Ms in order of
 * their first batch in the file), strings, stacks, CPU samples, clock data and the minimum batch
 * timestamp. Purely data; the payload bytes live in the reader's arena until the next generation
 * is read.
 */
public final class Generation {
  private long gen;
  private long minTs;
  private final long startOffset;
  private final PayloadArena arena;
  private final SyncInfo sync = new SyncInfo();
  private final GenerationStrings strings;
  private final GenerationStacks stacks = new GenerationStacks();
  private final CpuSamples cpuSamples = new CpuSamples();
  private final LongIntMap threadIndex = new LongIntMap();
  private final List<List<Batch>> batchesByThread = new ArrayList<>();
  private long[] threads = new long[8];
  private int experimentalBatches;

  Generation(long startOffset, PayloadArena arena, StringPool pool) {
    this.startOffset = startOffset;
    this.arena = arena;
    this.strings = new GenerationStrings(pool);
  }

  /** Generation number as written in the file. */
  public long gen() { return gen; }

  void setGen(long gen) { this.gen = gen; }

  /** Minimum raw batch timestamp (an unsigned value); the time of the generation's Sync. */
  public long minTs() { return minTs; }

  /** Go's running minimum: replaced when unset (0) or when a batch is earlier (unsigned). */
  void observeBatchTime(long time) {
    if (minTs == 0 || Long.compareUnsigned(time, minTs) < 0) minTs = time;
  }

  void setMinTs(long time) { minTs = time; }

  /** File offset of the generation's first batch. */
  public long startOffset() { return startOffset; }

  /** Payload bytes of all batches ({@link Batch#dataOffset} indexes into it). */
  public byte[] payload() { return arena.bytes(); }

  public SyncInfo sync() { return sync; }

  public GenerationStrings strings() { return strings; }

  public GenerationStacks stacks() { return stacks; }

  public CpuSamples cpuSamples() { return cpuSamples; }

  void addEventBatch(Batch b) {
    int index = threadIndex.get(b.thread());
    if (index == LongIntMap.MISSING) {
      index = batchesByThread.size();
      threadIndex.put(b.thread(), index);
      batchesByThread.add(new ArrayList<>());
      if (index == threads.length) threads = java.util.Arrays.copyOf(threads, index * 2);
      threads[index] = b.thread();
    }
    batchesByThread.get(index).add(b);
  }

  /** Number of Ms with event batches. */
  public int threadCount() { return batchesByThread.size(); }

  /** The i-th M in order of first appearance. */
  public long thread(int i) { return threads[i]; }

  /** Event batches of the i-th M, in file order. */
  public List<Batch> batches(int i) { return batchesByThread.get(i); }

  void addExperimentalBatch() { experimentalBatches++; }

  /** Experimental batches seen (kept opaque, as Go does). */
  public int experimentalBatchCount() { return experimentalBatches; }
}
