package dev.gotrace.core.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Trace-wide stacks, deduplicated by their frames: Go's stack ids are per generation, ours are
 * global (1-based; 0 = no stack). Frames are leaf first, as Go stores them. Frame strings are
 * {@link StringPool} ids. Storage is flat arrays, grown by doubling. One thread interns; others
 * may read the stacks whose ids it handed them (grown arrays are republished through volatile
 * fields).
 */
public final class StackTable {
  private final Map<Key, Integer> ids = new HashMap<>();
  private volatile int[] offsets = new int[64];
  private volatile long[] pcs = new long[256];
  private volatile int[] functions = new int[256];
  private volatile int[] files = new int[256];
  private volatile long[] lines = new long[256];
  private int stackCount = 1; // id 0 = no stack, depth 0
  private int frameCount;

  /** Interns a stack of {@code n} frames given leaf first; returns its global id (≥ 1). */
  public int intern(long[] pc, int[] function, int[] file, long[] line, int n) {
    Key key = new Key(Arrays.copyOf(pc, n), Arrays.copyOf(function, n), Arrays.copyOf(file, n),
        Arrays.copyOf(line, n));
    Integer id = ids.get(key);
    if (id != null) return id;
    int newId = stackCount++;
    if (stackCount >= offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
    while (frameCount + n > pcs.length) {
      int cap = pcs.length * 2;
      pcs = Arrays.copyOf(pcs, cap);
      functions = Arrays.copyOf(functions, cap);
      files = Arrays.copyOf(files, cap);
      lines = Arrays.copyOf(lines, cap);
    }
    System.arraycopy(pc, 0, pcs, frameCount, n);
    System.arraycopy(function, 0, functions, frameCount, n);
    System.arraycopy(file, 0, files, frameCount, n);
    System.arraycopy(line, 0, lines, frameCount, n);
    frameCount += n;
    offsets[stackCount] = frameCount;
    ids.put(key, newId);
    return newId;
  }

  /** Number of ids handed out plus one (ids run from 1 to {@code size() - 1}). */
  public int size() { return stackCount; }

  public int totalFrames() { return frameCount; }

  public int depth(int stackId) { return offsets[stackId + 1] - offsets[stackId]; }

  private int at(int stackId, int frame) { return offsets[stackId] + frame; }

  /** Frame {@code frame} (0 = leaf) of stack {@code stackId}. */
  public long pc(int stackId, int frame) { return pcs[at(stackId, frame)]; }
  public int function(int stackId, int frame) { return functions[at(stackId, frame)]; }
  public int file(int stackId, int frame) { return files[at(stackId, frame)]; }
  public long line(int stackId, int frame) { return lines[at(stackId, frame)]; }

  private record Key(long[] pc, int[] function, int[] file, long[] line) {
    @Override public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(pc, k.pc) && Arrays.equals(function, k.function)
          && Arrays.equals(file, k.file) && Arrays.equals(line, k.line);
    }

    @Override public int hashCode() {
      return 31 * Arrays.hashCode(pc) + Arrays.hashCode(function);
    }
  }
}
