package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code group_stack_times}: on-CPU samples and off-CPU time of each goroutine group per stack,
 * aggregated at load from the cpu_samples, blocking_intervals and goroutines builders, so
 * goroutine_group_stacks reads a few thousand rows instead of joining tens of millions.
 */
final class GroupStackTimesTableBuilder {
  static final String NAME = "group_stack_times";
  static final Schema SCHEMA = Fields.schema(
      "One row per goroutine group (goroutines.name) and stack with a CPU sample, a waiting or a syscall interval: "
          + "cpu_samples joined with goroutines on goid, counted per (goroutines.name, cpu_samples.stack_id), and the "
          + "blocking_intervals rows in state 'waiting' or 'syscall' joined with goroutines on goid, per "
          + "(goroutines.name, blocking_intervals.stack_id); an interval still open lasts until trace end "
          + "(COALESCE(dur, trace_info.duration_ns - ts)), and nothing is clipped.",
      string("name", false, "The goroutine group: goroutines.name of the samples' and intervals' goroutines."),
      bigint("stack_id", true, "The sampled stack, or blocking_intervals.stack_id (the goroutine's own stack where it blocked or entered the syscall); NULL if none (joins stacks.stack_id)."),
      bigint("cpu_samples", false, "Number of CPU profile samples."),
      bigint("waits", false, "Number of waiting intervals."),
      bigint("wait_ns", false, "Their total length in ns."),
      bigint("syscalls", false, "Number of syscall intervals."),
      bigint("syscall_ns", false, "Their total length in ns."));

  private GroupStackTimesTableBuilder() {}

  static TraceTable build(BlockingIntervalsTableBuilder intervals, CpuSamplesTableBuilder samples,
      GoroutinesTableBuilder goroutines, Vocabulary vocabulary, TableContext context) {
    // Per key: {cpu samples, waits, wait ns, syscalls, syscall ns}.
    Map<BlockingSums.GroupKey, long[]> sums = new HashMap<>();
    intervals.sums().byStack().forEach((k, sum) -> {
      long[] row = new long[5];
      System.arraycopy(sum, 0, row, 1, 4);
      sums.put(k, row);
    });
    for (int s = 0; s < samples.rows(); s++) {
      GoroutinesTableBuilder.Goroutine g = samples.goid(s) < 0 ? null : goroutines.find(samples.goid(s));
      if (g != null) sums.computeIfAbsent(new BlockingSums.GroupKey(g.name, -1, samples.stack(s)), k -> new long[5])[0]++;
    }
    List<BlockingSums.GroupKey> keys = sums.keySet().stream()
        .sorted(Comparator.comparing((BlockingSums.GroupKey k) -> vocabulary.strings().get(k.name()))
            .thenComparingInt(BlockingSums.GroupKey::stack))
        .toList();
    IntColumn name = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn[] values = {new LongColumn(), new LongColumn(), new LongColumn(), new LongColumn(), new LongColumn()};
    for (BlockingSums.GroupKey k : keys) {
      name.add(k.name());
      stackId.addStack(k.stack());
      long[] sum = sums.get(k);
      for (int i = 0; i < values.length; i++) values[i].add(sum[i]);
    }
    return context.table(NAME, SCHEMA, keys.size(), ColumnWriter.int32(name), ColumnWriter.bigint(stackId),
        ColumnWriter.bigint(values[0]), ColumnWriter.bigint(values[1]), ColumnWriter.bigint(values[2]),
        ColumnWriter.bigint(values[3]), ColumnWriter.bigint(values[4]));
  }
}
