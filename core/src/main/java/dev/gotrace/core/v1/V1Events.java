package dev.gotrace.core.v1;

import java.util.Arrays;

/**
 * The parsed events of a v1 trace, column-wise (no object per event), in file order. Merging
 * produces a permutation of these slots; later steps update times, Ps and stacks in place.
 */
final class V1Events {
  static final int ARGS = 4;

  private int size;
  byte[] type = new byte[1024];
  int[] proc = new int[1024];
  long[] goroutine = new long[1024];
  long[] time = new long[1024];
  long[] args = new long[1024 * ARGS];
  /** Stack id as Go's parser keeps it: the wire value truncated to 32 bits. */
  int[] stack = new int[1024];
  /** File offset of the event's first byte, for error messages. */
  int[] offset = new int[1024];

  int size() { return size; }

  /** Appends a zeroed event and returns its slot. */
  int add(int eventType, int p, long g, long ts, int fileOffset) {
    if (size == type.length) grow();
    int i = size++;
    type[i] = (byte) eventType;
    proc[i] = p;
    goroutine[i] = g;
    time[i] = ts;
    Arrays.fill(args, i * ARGS, i * ARGS + ARGS, 0);
    stack[i] = 0;
    offset[i] = fileOffset;
    return i;
  }

  int type(int i) { return type[i]; }

  long arg(int i, int n) { return args[i * ARGS + n]; }

  void setArg(int i, int n, long v) { args[i * ARGS + n] = v; }

  private void grow() {
    int cap = type.length * 2;
    type = Arrays.copyOf(type, cap);
    proc = Arrays.copyOf(proc, cap);
    goroutine = Arrays.copyOf(goroutine, cap);
    time = Arrays.copyOf(time, cap);
    args = Arrays.copyOf(args, cap * ARGS);
    stack = Arrays.copyOf(stack, cap);
    offset = Arrays.copyOf(offset, cap);
  }
}
