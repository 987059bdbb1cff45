package dev.gotrace.core.order;

import java.util.Arrays;

/**
 * Events completed by the ordering, oldest first: a growable ring buffer of columns so queued
 * events are copies of primitives, never objects.
 */
public final class EventQueue {
  private int[] type = new int[8];
  private long[] time = new long[8];
  private long[] thread = new long[8];
  private long[] proc = new long[8];
  private long[] goroutine = new long[8];
  private long[] a0 = new long[8];
  private long[] a1 = new long[8];
  private long[] a2 = new long[8];
  private long[] a3 = new long[8];
  private int[] fromState = new int[8];
  private long[] offset = new long[8];
  private int start;
  private int end;

  public boolean isEmpty() { return start == end; }

  void push(int typ, long t, long m, long p, long g, long x0, long x1, long x2, long x3, int from, long off) {
    if (end - start == type.length) grow();
    int i = end & (type.length - 1);
    type[i] = typ;
    time[i] = t;
    thread[i] = m;
    proc[i] = p;
    goroutine[i] = g;
    a0[i] = x0;
    a1[i] = x1;
    a2[i] = x2;
    a3[i] = x3;
    fromState[i] = from;
    offset[i] = off;
    end++;
  }

  void push(BaseEvent ev, long m, long p, long g) {
    long[] a = ev.args;
    push(ev.type, ev.time, m, p, g, a[0], a[1], a[2], a[3], ev.fromState, ev.offset);
  }

  /** Index of the oldest event; valid until {@link #pop}. */
  public int head() { return start & (type.length - 1); }

  /** Drops the oldest event. */
  public void pop() { start++; }

  public int type(int i) { return type[i]; }

  public long time(int i) { return time[i]; }

  public long thread(int i) { return thread[i]; }

  public long proc(int i) { return proc[i]; }

  public long goroutine(int i) { return goroutine[i]; }

  public long arg(int i, int k) {
    return switch (k) {
      case 0 -> a0[i];
      case 1 -> a1[i];
      case 2 -> a2[i];
      default -> a3[i];
    };
  }

  /** See {@link BaseEvent#fromState}. */
  public int fromState(int i) { return fromState[i]; }

  public long offset(int i) { return offset[i]; }

  private void grow() {
    int n = type.length;
    int pivot = start & (n - 1);
    type = unwrapInts(type, pivot);
    time = unwrap(time, pivot);
    thread = unwrap(thread, pivot);
    proc = unwrap(proc, pivot);
    goroutine = unwrap(goroutine, pivot);
    a0 = unwrap(a0, pivot);
    a1 = unwrap(a1, pivot);
    a2 = unwrap(a2, pivot);
    a3 = unwrap(a3, pivot);
    fromState = unwrapInts(fromState, pivot);
    offset = unwrap(offset, pivot);
    start = 0;
    end = n;
  }

  private static long[] unwrap(long[] a, int pivot) {
    long[] b = new long[a.length * 2];
    System.arraycopy(a, pivot, b, 0, a.length - pivot);
    System.arraycopy(a, 0, b, a.length - pivot, pivot);
    return b;
  }

  private static int[] unwrapInts(int[] a, int pivot) {
    int[] b = Arrays.copyOf(a, a.length * 2);
    System.arraycopy(a, pivot, b, 0, a.length - pivot);
    System.arraycopy(a, 0, b, a.length - pivot, pivot);
    return b;
  }
}
