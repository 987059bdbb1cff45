package dev.gotrace.core.table;

import java.util.Map;

/**
 * Rows per million bytes of trace file of each table, as counted on the busy {@code mix} benchmark
 * trace (testdata/large/mix-50mb.trace of testdata/generate.sh large: 52.6 MB, 9,457,361 events):
 * what the planner assumes of a table not built yet. Only the relative sizes matter (join order).
 */
final class RowEstimates {
  /** Rows per million bytes of trace. */
  private static final Map<String, Double> ROWS_PER_MB = Map.ofEntries(
      Map.entry(TraceInfoTableBuilder.NAME, 0.0),
      Map.entry(EventsTableBuilder.NAME, 179900.0),
      Map.entry(GoroutinesTableBuilder.NAME, 1101.0),
      Map.entry(ProcsTableBuilder.NAME, 0.04),
      Map.entry(ThreadsTableBuilder.NAME, 0.13),
      Map.entry(StacksTableBuilder.NAME, 7.9),
      Map.entry(StackFramesTableBuilder.NAME, 65.6),
      Map.entry(GoroutineStatesTableBuilder.NAME, 175300.0),
      Map.entry(BlockingIntervalsTableBuilder.NAME, 115400.0),
      Map.entry(TasksTableBuilder.NAME, 10.9),
      Map.entry(RegionsTableBuilder.NAME, 1145.0),
      Map.entry(LogsTableBuilder.NAME, 21.8),
      Map.entry(RangesTableBuilder.NAME, 5.0),
      Map.entry(MetricsTableBuilder.NAME, 425.0),
      Map.entry(CpuSamplesTableBuilder.NAME, 11.5),
      Map.entry(LabelsTableBuilder.NAME, 683.0),
      Map.entry(BlockingProfilesTableBuilder.NAME, 10.0),
      Map.entry(GoroutineTimesTableBuilder.NAME, 1101.0),
      Map.entry(GoroutineTimesTableBuilder.BLOCK_NAME, 1101.0));

  private RowEstimates() {}

  /** Estimated rows of table {@code name} of a trace of {@code fileSize} bytes; at least 1. */
  static double rows(String name, long fileSize) {
    return Math.max(1, ROWS_PER_MB.getOrDefault(name, 1.0) * fileSize / 1e6);
  }
}
