package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code blocking_profiles}: go tool trace's four profiles, aggregated at load from what the
 * blocking_intervals and goroutines builders hold, by the rule blocking_intervals documents; so a
 * profile view reads a few hundred rows instead of joining millions.
 */
final class BlockingProfilesTableBuilder {
  static final String NAME = "blocking_profiles";
  static final Schema SCHEMA = Fields.schema(
      "One row per profile and profile stack of go tool trace -pprof=net|sync|syscall|sched: COUNT and SUM of "
          + "the clipped delay of blocking_intervals grouped by (profile, profile_stack_id), by the rule "
          + "blocking_intervals documents.",
      string("profile", false, "'net', 'sync', 'syscall' or 'sched'."),
      bigint("stack_id", true, "blocking_intervals.profile_stack_id of the intervals counted; NULL for intervals without a stack (joins stacks.stack_id)."),
      bigint("contentions", false, "Number of intervals with a positive delay (pprof's contentions/count sample value)."),
      bigint("delay_ns", false, "Sum of their delay in ns: each interval's overlap with its goroutine's [start_ts, COALESCE(end_ts, trace end)] (pprof's delay sample value)."));

  private record Key(int profile, long stackId) {}

  private BlockingProfilesTableBuilder() {}

  /** Aggregates the intervals of {@code intervals} whose goroutine {@code goroutines} knows. */
  static TraceTable build(BlockingIntervalsTableBuilder intervals, GoroutinesTableBuilder goroutines,
      TraceBounds bounds, Vocabulary vocabulary, TableContext context) {
    LongColumn profileStacks = intervals.profileStackIds();
    Map<Key, long[]> sums = new HashMap<>();
    for (int row = 0; row < intervals.rows(); row++) {
      int profile = intervals.profile(row);
      long goid = intervals.goid(row);
      if (profile < 0 || !intervals.closed(row) || !goroutines.has(goid)) continue;
      long start = intervals.startTime(row);
      long end = start + intervals.duration(row);
      long goStart = goroutines.startTime(goid) == 0 ? bounds.first() : goroutines.startTime(goid);
      long goEnd = goroutines.endTime(goid) == 0 ? bounds.last() : goroutines.endTime(goid);
      long delay = Math.min(end, goEnd) - Math.max(start, goStart);
      if (delay <= 0) continue;
      long stack = profileStacks.isNull(row) ? -1 : profileStacks.get(row);
      long[] sum = sums.computeIfAbsent(new Key(profile, stack), k -> new long[2]);
      sum[0]++;
      sum[1] += delay;
    }
    List<Key> keys = sums.keySet().stream()
        .sorted(Comparator.comparing((Key k) -> vocabulary.strings().get(k.profile())).thenComparingLong(Key::stackId))
        .toList();
    IntColumn profile = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn contentions = new LongColumn();
    LongColumn delay = new LongColumn();
    for (Key k : keys) {
      profile.add(k.profile());
      if (k.stackId() < 0) stackId.addNull();
      else stackId.add(k.stackId());
      contentions.add(sums.get(k)[0]);
      delay.add(sums.get(k)[1]);
    }
    return context.table(NAME, SCHEMA, keys.size(), ColumnWriter.int32(profile), ColumnWriter.bigint(stackId),
        ColumnWriter.bigint(contentions), ColumnWriter.bigint(delay));
  }
}
