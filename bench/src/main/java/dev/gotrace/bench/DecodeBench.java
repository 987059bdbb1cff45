package dev.gotrace.bench;

import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import dev.gotrace.core.table.TraceDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.RootAllocator;

/**
 * Decode benchmark. Modes:
 *
 * <ul>
 *   <li>{@code decode}: {@link TraceReader} alone, every event streamed to a counting sink;
 *   <li>{@code profile}: {@link TraceDatabase#open} then, in one pass, the tables the four blocking
 *       profile views read ({@link #PROFILE_TABLES});
 *   <li>{@code all} (alias {@code open}): {@link TraceDatabase#open} then {@link TraceDatabase#tables()},
 *       every table in one pass.
 * </ul>
 *
 * Each runs {@code warmup} times unmeasured, then {@code runs} times; prints every run, the median,
 * throughput and peak memory, and per mode one tab-separated {@code result} line for scripts
 * (bench/run.sh large): mode, median ms, median thread CPU ms, events, MB/s, M events/s, peak heap
 * bytes, Arrow bytes allocated, decode passes.
 *
 * <p>Usage: {@code DecodeBench TRACE [runs=5] [warmup=2] [modes=decode,all]}
 */
public final class DecodeBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What {@code sync/net/syscall/sched_blocking_profile} read, plus trace_info (always built). */
  static final List<String> PROFILE_TABLES = List.of("blocking_profiles", "stacks", "stack_frames", "trace_info");

  private DecodeBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DecodeBench TRACE [runs] [warmup] [decode,profile,all]");
      System.exit(2);
    }
    Path trace = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String modes = args.length > 3 ? args[3] : "decode,all";
    long size = Files.size(trace);
    System.out.printf(Locale.ROOT, "trace %s: %d bytes; %d warm-up + %d measured runs; max heap %s%n",
        trace, size, warmup, runs, Stats.mib(Runtime.getRuntime().maxMemory()));
    for (String mode : modes.split(",")) {
      if (!List.of("decode", "profile", "all", "open").contains(mode)) {
        System.err.println("DecodeBench: unknown mode " + mode + " (decode, profile or all)");
        System.exit(2);
      }
      Run last = null;
      double[] millis = new double[runs];
      double[] cpuMillis = new double[runs];
      long peakHeap = 0;
      for (int i = -warmup; i < runs; i++) {
        System.gc();
        Run r = mode.equals("decode") ? decode(trace) : open(trace, mode.equals("profile") ? PROFILE_TABLES : null);
        if (i >= 0) {
          millis[i] = r.millis;
          cpuMillis[i] = r.cpuMillis;
          peakHeap = Math.max(peakHeap, r.peakHeap);
          last = r;
        }
      }
      report(mode, size, millis, cpuMillis, peakHeap, last);
    }
    System.out.println("process peak RSS (VmHWM): " + Stats.mib(Stats.peakRss()));
  }

  private static void report(String mode, long size, double[] millis, double[] cpuMillis, long peakHeap, Run last) {
    double median = Stats.median(millis);
    System.out.printf(Locale.ROOT,
        "%-6s runs [%s] ms | median %.0f ms (thread CPU %.0f ms) | %.1f MB/s | %.2f M events/s | events %d"
            + " | generations %d | peak heap %s | Arrow allocated %s (peak %s)%n",
        mode, Stats.list(millis), median, Stats.median(cpuMillis), size / 1e6 / (median / 1e3), last.events / 1e6 / (median / 1e3),
        last.events, last.generations, Stats.mib(peakHeap), Stats.mib(last.arrowBytes),
        Stats.mib(last.arrowPeakBytes));
    System.out.printf(Locale.ROOT, "result\t%s\t%.0f\t%.0f\t%d\t%.1f\t%.2f\t%d\t%d\t%d%n", mode, median,
        Stats.median(cpuMillis), last.events, size / 1e6 / (median / 1e3), last.events / 1e6 / (median / 1e3), peakHeap,
        last.arrowBytes, last.passes);
  }

  private static Run decode(Path trace) throws Exception {
    long[] count = {0};
    HeapSampler heap = new HeapSampler();
    heap.start();
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    TraceReadResult result = new TraceReader(ReadOptions.lenient()).read(trace, ev -> count[0]++);
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    long peak = heap.stop();
    if (count[0] != result.eventCount()) throw new IllegalStateException("sink saw " + count[0] + " events");
    return new Run((t1 - t0) / 1e6, (c1 - c0) / 1e6, result.eventCount(), result.generationCount(), peak, 0, 0, 1);
  }

  /**
   * Opens the trace and builds {@code tables} (null: every table) in one pass. Tables are built
   * lazily, so open alone decodes nothing; the time covers open plus the pass.
   */
  private static Run open(Path trace, List<String> tables) throws Exception {
    try (RootAllocator root = new RootAllocator()) {
      HeapSampler heap = new HeapSampler();
      heap.start();
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try (TraceDatabase db = TraceDatabase.open(trace, ReadOptions.lenient(), root)) {
        if (tables == null) {
          db.tables();
        } else {
          db.request(tables);
          for (String t : tables) db.table(t);
        }
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        long peak = heap.stop();
        if (db.decodePasses() != 1) throw new IllegalStateException("expected one decode pass, got " + db.decodePasses());
        return new Run((t1 - t0) / 1e6, (c1 - c0) / 1e6, db.readResult().eventCount(), db.readResult().generationCount(), peak,
            root.getAllocatedMemory(), root.getPeakMemoryAllocation(), db.decodePasses());
      }
    }
  }

  private record Run(double millis, double cpuMillis, long events, long generations, long peakHeap, long arrowBytes,
      long arrowPeakBytes, int passes) {}
}
