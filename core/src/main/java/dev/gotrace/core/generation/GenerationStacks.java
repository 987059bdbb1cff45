package dev.gotrace.core.generation;

import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.util.LongIntMap;
import java.util.Arrays;

/**
 * One generation's stack table. Stacks are recorded as PC lists while reading; a PC's frame
 * (function, file, line) is the first one seen for that PC in the generation, as in Go. Once the
 * string table is complete the stacks are validated and interned into the trace-wide
 * {@link StackTable}, after which generation-local ids resolve to global ids.
 */
public final class GenerationStacks {
  private final LongIntMap stackIndex = new LongIntMap();
  private long[] stackIds = new long[64];
  private int[] stackStart = new int[65];
  private int stackCount;
  private long[] pcs = new long[256];
  private int pcCount;

  private final LongIntMap frameIndex = new LongIntMap();
  private long[] frameFunc = new long[256];
  private long[] frameFile = new long[256];
  private long[] frameLine = new long[256];
  private int frameCount;

  private int[] globalIds;
  /** After {@link #intern}: generation-local id → global id, when ids are dense enough. */
  private int[] dense;

  /** Starts a new stack; frames follow through {@link #addFrame}. */
  public void beginStack(long id) {
    if (stackCount == stackIds.length) {
      stackIds = Arrays.copyOf(stackIds, stackCount * 2);
      stackStart = Arrays.copyOf(stackStart, stackCount * 2 + 1);
    }
    stackIds[stackCount] = id;
    stackStart[stackCount] = pcCount;
  }

  public void addFrame(long pc, long funcId, long fileId, long line) {
    if (pcCount == pcs.length) pcs = Arrays.copyOf(pcs, pcs.length * 2);
    pcs[pcCount++] = pc;
    if (!frameIndex.containsKey(pc)) {
      if (frameCount == frameFunc.length) {
        int cap = frameCount * 2;
        frameFunc = Arrays.copyOf(frameFunc, cap);
        frameFile = Arrays.copyOf(frameFile, cap);
        frameLine = Arrays.copyOf(frameLine, cap);
      }
      frameFunc[frameCount] = funcId;
      frameFile[frameCount] = fileId;
      frameLine[frameCount] = line;
      frameIndex.put(pc, frameCount++);
    }
  }

  /**
   * Finishes the stack begun last; returns null or Go's duplicate-id message (id 0, "no stack",
   * counts as present).
   */
  public String endStack() {
    long id = stackIds[stackCount];
    int start = stackStart[stackCount];
    if (id == 0 || stackIndex.containsKey(id)) {
      String existing = id == 0 ? "" : describe(stackIndex.get(id));
      String added = describeRange(start, pcCount);
      pcCount = start;
      return "multiple trace.stacks with the same ID: id=" + Long.toUnsignedString(id) + ", new=" + added
          + ", existing=" + existing;
    }
    stackIndex.put(id, stackCount);
    stackCount++;
    stackStart[stackCount] = pcCount;
    return null;
  }

  private String describe(int index) { return describeRange(stackStart[index], stackStart[index + 1]); }

  private static String hex(long v) { return "0x" + Long.toHexString(v); }

  private String describeRange(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) b.append('\t').append(hex(pcs[i])).append('\n');
    return b.toString();
  }

  /**
   * Go's {@code validateStackStrings}: every frame's function and file must be in the string
   * table. Returns null or the message. Stacks are checked in id order.
   */
  public String validate(GenerationStrings strings) {
    Integer[] order = idOrder();
    for (int index : order) {
      for (int i = stackStart[index]; i < stackStart[index + 1]; i++) {
        int f = frameIndex.get(pcs[i]);
        String id = Long.toUnsignedString(stackIds[index]);
        if (strings.lookup(frameFunc[f]) == LongIntMap.MISSING) {
          return "found invalid func string ID " + Long.toUnsignedString(frameFunc[f]) + " for stack " + id;
        }
        if (strings.lookup(frameFile[f]) == LongIntMap.MISSING) {
          return "found invalid file string ID " + Long.toUnsignedString(frameFile[f]) + " for stack " + id;
        }
      }
    }
    return null;
  }

  private Integer[] idOrder() {
    Integer[] order = new Integer[stackCount];
    for (int i = 0; i < stackCount; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Long.compareUnsigned(stackIds[x], stackIds[y]));
    return order;
  }

  /** Interns every stack of the generation into {@code table}; call after {@link #validate}. */
  public void intern(GenerationStrings strings, StackTable table) {
    globalIds = new int[stackCount];
    int max = 0;
    for (int s = 0; s < stackCount; s++) max = Math.max(max, stackStart[s + 1] - stackStart[s]);
    long[] pc = new long[max];
    int[] func = new int[max];
    int[] file = new int[max];
    long[] line = new long[max];
    for (int s = 0; s < stackCount; s++) {
      int n = 0;
      for (int i = stackStart[s]; i < stackStart[s + 1]; i++, n++) {
        int f = frameIndex.get(pcs[i]);
        pc[n] = pcs[i];
        func[n] = strings.lookup(frameFunc[f]);
        file[n] = strings.lookup(frameFile[f]);
        line[n] = frameLine[f];
      }
      globalIds[s] = table.intern(pc, func, file, line, n);
    }
    dense = stackIndex.toDense(2 * stackCount + 64);
    if (dense != null) {
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != LongIntMap.MISSING) dense[i] = globalIds[dense[i]];
      }
    }
  }

  /** The global stack id for a generation-local id (0 → 0), or {@link LongIntMap#MISSING}. */
  public int lookup(long id) {
    if (id == 0) return 0;
    if (dense != null) return id > 0 && id < dense.length ? dense[(int) id] : LongIntMap.MISSING;
    int index = stackIndex.get(id);
    return index == LongIntMap.MISSING ? LongIntMap.MISSING : globalIds[index];
  }
}
