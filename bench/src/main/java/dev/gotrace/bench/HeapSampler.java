package dev.gotrace.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used Java heap every millisecond on a daemon thread and keeps the highest value:
 * the peak heap of the code measured between {@link #start()} and {@link #stop()}. GC pool peaks
 * would count pools that were never full at the same time, so this samples the total instead.
 */
final class HeapSampler {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private volatile boolean running;
  private volatile long peak;
  private Thread thread;

  void start() {
    peak = used();
    running = true;
    thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops sampling and returns the peak used heap in bytes. */
  long stop() throws InterruptedException {
    running = false;
    thread.join();
    return Math.max(peak, used());
  }

  private void sample() {
    while (running) {
      long u = used();
      if (u > peak) peak = u;
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long used() { return memory.getHeapMemoryUsage().getUsed(); }
}
