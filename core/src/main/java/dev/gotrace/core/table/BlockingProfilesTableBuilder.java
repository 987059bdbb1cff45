package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.util.LongObjectMap;
import java.util.Comparator;
import java.util.List;
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

  private BlockingProfilesTableBuilder() {}

  /** Aggregates the intervals of {@code intervals} whose goroutine {@code goroutines} knows. */
  static TraceTable build(BlockingIntervalsTableBuilder intervals, GoroutinesTableBuilder goroutines,
      TraceBounds bounds, Vocabulary vocabulary, TableContext context) {
    LongColumn profileStacks = intervals.profileStackIds();
    // Keyed by (profile, stack + 1) packed in a long: no boxing or hashing of records per interval.
    LongObjectMap<long[]> sums = new LongObjectMap<>();
    for (int row = 0; row < intervals.rows(); row++) {
      int profile = intervals.profile(row);
      if (profile < 0 || !intervals.closed(row)) continue;
      GoroutinesTableBuilder.Goroutine g = goroutines.find(intervals.goid(row));
      if (g == null) continue;
      long start = intervals.startTime(row);
      long end = start + intervals.duration(row);
      // startTs/endTs are 0 when NULL: never ran, alive at trace end.
      long goStart = g.startTs == 0 ? bounds.first() : g.startTs;
      long goEnd = g.endTs == 0 ? bounds.last() : g.endTs;
      long delay = Math.min(end, goEnd) - Math.max(start, goStart);
      if (delay <= 0) continue;
      long stack = profileStacks.isNull(row) ? -1 : profileStacks.get(row);
      long key = ((long) profile << 32) | (stack + 1);
      long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
      sum[0]++;
      sum[1] += delay;
    }
    List<Long> keys = sums.keys().stream()
        .sorted(Comparator.comparing((Long k) -> vocabulary.strings().get(profileOf(k)))
            .thenComparingLong(BlockingProfilesTableBuilder::stackOf))
        .toList();
    IntColumn profile = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn contentions = new LongColumn();
    LongColumn delay = new LongColumn();
    for (long k : keys) {
      profile.add(profileOf(k));
      if (stackOf(k) < 0) stackId.addNull();
      else stackId.add(stackOf(k));
      long[] sum = sums.get(k);
      contentions.add(sum[0]);
      delay.add(sum[1]);
    }
    return context.table(NAME, SCHEMA, keys.size(), ColumnWriter.int32(profile), ColumnWriter.bigint(stackId),
        ColumnWriter.bigint(contentions), ColumnWriter.bigint(delay));
  }

  private static int profileOf(long key) { return (int) (key >>> 32); }

  private static long stackOf(long key) { return (key & 0xffff_ffffL) - 1; }
}
