package dev.gotrace.core.read;

import dev.gotrace.core.event.TraceSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line benchmark (not a unit test): decodes a trace N times and prints throughput and
 * peak heap. Usage: {@code DecodeBenchmark <trace> [runs]}.
 */
public final class DecodeBenchmark {
  private DecodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long size = Files.size(file);
    long[] sink = new long[1];
    TraceSink counter = e -> sink[0] += e.time();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      TraceReadResult r = new TraceReader(ReadOptions.lenient()).read(file, counter);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(Locale.ROOT,
          "run %d: %.3f s wall, %.3f s cpu, %.1f MB/s, %.2f M events/s (per cpu s: %.1f MB, %.2f M events)"
              + " [%d events, %d generations]%n",
          run, seconds, cpu, size / 1e6 / seconds, r.eventCount() / 1e6 / seconds, size / 1e6 / cpu,
          r.eventCount() / 1e6 / cpu, r.eventCount(), r.generationCount());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf(Locale.ROOT, "file %.1f MB, peak heap %.1f MB (checksum %d)%n", size / 1e6, peak / 1e6, sink[0]);
  }
}
