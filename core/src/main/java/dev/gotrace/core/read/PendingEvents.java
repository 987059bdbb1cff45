package dev.gotrace.core.read;

import java.util.Arrays;

/**
 * The events of the generation being ordered, held column-wise until the generation is known to
 * be good (Go's {@code cmd/trace} keeps nothing after the last Sync). Arrays are reused from one
 * generation to the next.
 */
final class PendingEvents {
  private byte[] type = new byte[1024];
  private long[] time = new long[1024];
  private long[] thread = new long[1024];
  private long[] proc = new long[1024];
  private long[] goroutine = new long[1024];
  private long[] a0 = new long[1024];
  private long[] a1 = new long[1024];
  private long[] a2 = new long[1024];
  private long[] a3 = new long[1024];
  private int size;
  private long gen;

  void add(StreamEvent e) {
    if (size == type.length) grow();
    int i = size++;
    type[i] = (byte) e.type;
    time[i] = e.time;
    thread[i] = e.thread;
    proc[i] = e.proc;
    goroutine[i] = e.goroutine;
    a0[i] = e.args[0];
    a1[i] = e.args[1];
    a2[i] = e.args[2];
    a3[i] = e.args[3];
    gen = e.gen;
  }

  int size() { return size; }

  void clear() { size = 0; }

  /** Generation of the held events. */
  long gen() { return gen; }

  int type(int i) { return type[i] & 0xff; }

  long time(int i) { return time[i]; }

  long thread(int i) { return thread[i]; }

  long proc(int i) { return proc[i]; }

  long goroutine(int i) { return goroutine[i]; }

  long a0(int i) { return a0[i]; }

  long a1(int i) { return a1[i]; }

  long a2(int i) { return a2[i]; }

  long a3(int i) { return a3[i]; }

  private void grow() {
    int cap = type.length * 2;
    type = Arrays.copyOf(type, cap);
    time = Arrays.copyOf(time, cap);
    thread = Arrays.copyOf(thread, cap);
    proc = Arrays.copyOf(proc, cap);
    goroutine = Arrays.copyOf(goroutine, cap);
    a0 = Arrays.copyOf(a0, cap);
    a1 = Arrays.copyOf(a1, cap);
    a2 = Arrays.copyOf(a2, cap);
    a3 = Arrays.copyOf(a3, cap);
  }
}
