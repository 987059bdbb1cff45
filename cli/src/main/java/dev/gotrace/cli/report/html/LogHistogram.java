package dev.gotrace.cli.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.TreeMap;

/**
 * Counts of durations in logarithmic buckets, four per decade: bucket i holds [10^(i/4), 10^((i+1)/4))
 * ns, and zero-length durations have a bucket of their own.
 */
final class LogHistogram {
  static final int BUCKETS_PER_DECADE = 4;

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long zeros;
  private long total;

  void add(long ns) {
    total++;
    if (ns <= 0) {
      zeros++;
      return;
    }
    counts.merge(bucket(ns), 1L, Long::sum);
  }

  static int bucket(long ns) {
    int i = (int) Math.floor(Math.log10(ns) * BUCKETS_PER_DECADE);
    // Floating point may put an exact edge one bucket low or high.
    while (lowerEdge(i + 1) <= ns) i++;
    while (lowerEdge(i) > ns) i--;
    return i;
  }

  static long lowerEdge(int bucket) {
    return (long) Math.ceil(Math.pow(10, (double) bucket / BUCKETS_PER_DECADE));
  }

  long total() {
    return total;
  }

  /** {"total", "zeros", "edges_ns": lower edges of consecutive buckets plus the last upper edge, "counts"}. */
  void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("total", total);
    json.writeNumberField("zeros", zeros);
    json.writeArrayFieldStart("edges_ns");
    if (!counts.isEmpty()) {
      int first = counts.firstKey();
      int last = counts.lastKey();
      for (int i = first; i <= last + 1; i++) json.writeNumber(lowerEdge(i));
      json.writeEndArray();
      json.writeArrayFieldStart("counts");
      for (int i = first; i <= last; i++) json.writeNumber(counts.getOrDefault(i, 0L));
    } else {
      json.writeEndArray();
      json.writeArrayFieldStart("counts");
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
