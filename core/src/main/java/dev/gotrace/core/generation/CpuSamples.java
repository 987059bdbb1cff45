package dev.gotrace.core.generation;

import java.util.Arrays;

/**
 * One generation's CPU samples, column-wise. After {@link #fixUp} times are in ns and the samples
 * are ordered as Go's unstable {@code slices.SortFunc} orders them.
 */
public final class CpuSamples implements GoSort.Sortable {
  private long[] time = new long[16];
  private long[] thread = new long[16];
  private long[] proc = new long[16];
  private long[] goroutine = new long[16];
  private long[] stack = new long[16];
  private int size;

  /** Adds a sample with its raw (unsigned) timestamp; a goroutine of 0 means none (-1). */
  public void add(long rawTime, long m, long p, long g, long stackId) {
    if (size == time.length) {
      int cap = size * 2;
      time = Arrays.copyOf(time, cap);
      thread = Arrays.copyOf(thread, cap);
      proc = Arrays.copyOf(proc, cap);
      goroutine = Arrays.copyOf(goroutine, cap);
      stack = Arrays.copyOf(stack, cap);
    }
    time[size] = rawTime;
    thread[size] = m;
    proc[size] = p;
    goroutine[size] = g == 0 ? -1 : g;
    stack[size] = stackId;
    size++;
  }

  /** Converts the times to ns and sorts by time (Go's {@code fixUpCPUSamples}). */
  public void fixUp(double nsPerUnit) {
    for (int i = 0; i < size; i++) time[i] = Frequency.mul(nsPerUnit, time[i]);
    GoSort.sort(this, size);
  }

  @Override public int compare(int i, int j) { return Long.compare(time[i], time[j]); }

  @Override public void swap(int i, int j) {
    swap(time, i, j);
    swap(thread, i, j);
    swap(proc, i, j);
    swap(goroutine, i, j);
    swap(stack, i, j);
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  public int size() { return size; }

  public long time(int i) { return time[i]; }

  public long thread(int i) { return thread[i]; }

  public long proc(int i) { return proc[i]; }

  public long goroutine(int i) { return goroutine[i]; }

  /** Generation-local stack id. */
  public long stack(int i) { return stack[i]; }
}
