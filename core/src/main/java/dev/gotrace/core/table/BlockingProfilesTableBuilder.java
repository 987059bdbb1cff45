package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.util.LongObjectMap;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    ProfileSums streamed = intervals.streamedSums();
    LongObjectMap<long[]> sums = (streamed != null ? streamed : summed(intervals, goroutines, bounds))
        .byProfileStack(intervals.profileStacks());
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

  /** The sums of the rows {@code intervals} kept; the decode is over and both cores are free, so the later half is summed beside. */
  private static ProfileSums summed(BlockingIntervalsTableBuilder intervals, GoroutinesTableBuilder goroutines,
      TraceBounds bounds) {
    int rows = intervals.rows();
    CompletableFuture<ProfileSums> later = CompletableFuture.supplyAsync(
        () -> sum(intervals, goroutines, bounds, rows / 2, rows));
    ProfileSums sums = sum(intervals, goroutines, bounds, 0, rows / 2);
    try {
      sums.merge(later.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
    return sums;
  }

  /** The sums of rows {@code [from, to)}: no boxing or hashing of records per interval. */
  private static ProfileSums sum(BlockingIntervalsTableBuilder intervals, GoroutinesTableBuilder goroutines,
      TraceBounds bounds, int from, int to) {
    ProfileSums sums = new ProfileSums(goroutines, bounds);
    for (int row = from; row < to; row++) {
      int profile = intervals.profile(row);
      if (profile < 0 || !intervals.closed(row)) continue;
      GoroutinesTableBuilder.Goroutine g = goroutines.find(intervals.goid(row));
      if (g == null) continue;
      long start = intervals.startTime(row);
      sums.count(g, start, start + intervals.duration(row), profile, intervals.stack(row));
    }
    return sums;
  }

  private static int profileOf(long key) { return (int) (key >>> 32); }

  private static long stackOf(long key) { return (key & 0xffff_ffffL) - 1; }
}
