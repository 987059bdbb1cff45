package dev.gotrace.bench;

import java.util.Arrays;
import java.util.Locale;

/** Small numeric helpers for the benchmark reports. */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static String mib(long bytes) { return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0)); }

  static String ms(double millis) { return String.format(Locale.ROOT, "%.0f ms", millis); }

  static String list(double[] millis) {
    StringBuilder b = new StringBuilder();
    for (double m : millis) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", m));
    return b.toString();
  }

  /** Peak resident set size of this process so far (Linux VmHWM), or -1 where unknown. */
  static long peakRss() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }
}
