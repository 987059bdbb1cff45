package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code group_blocking_profiles}: blocking_profiles per goroutine group, aggregated at load from
 * the blocking_intervals and goroutines builders, so goroutine_group_profiles reads a few thousand
 * rows instead of joining tens of millions of intervals with goroutines.
 */
final class GroupBlockingProfilesTableBuilder {
  static final String NAME = "group_blocking_profiles";
  static final Schema SCHEMA = Fields.schema(
      "One row per goroutine group (goroutines.name), profile and profile stack: blocking_profiles restricted to "
          + "the goroutines of that name, i.e. COUNT and SUM of the clipped delay of blocking_intervals joined with "
          + "goroutines on goid, grouped by (goroutines.name, profile, profile_stack_id), by the rule "
          + "blocking_intervals documents.",
      string("name", false, "The goroutine group: goroutines.name of the intervals' goroutines."),
      string("profile", false, "'net', 'sync', 'syscall' or 'sched'."),
      bigint("stack_id", true, "blocking_intervals.profile_stack_id of the intervals counted; NULL for intervals without a stack (joins stacks.stack_id)."),
      bigint("contentions", false, "Number of intervals with a positive delay (pprof's contentions/count sample value)."),
      bigint("delay_ns", false, "Sum of their delay in ns: each interval's overlap with its goroutine's [start_ts, COALESCE(end_ts, trace end)] (pprof's delay sample value)."));

  private GroupBlockingProfilesTableBuilder() {}

  static TraceTable build(BlockingIntervalsTableBuilder intervals, Vocabulary vocabulary, TableContext context) {
    Map<BlockingSums.GroupKey, long[]> sums = intervals.sums().byProfileStack(intervals.profileStacks());
    Profiles profiles = intervals.profiles();
    List<BlockingSums.GroupKey> keys = sums.keySet().stream()
        .sorted(Comparator.comparing((BlockingSums.GroupKey k) -> vocabulary.strings().get(k.name()))
            .thenComparing(k -> vocabulary.strings().get(profiles.id(k.slot())))
            .thenComparingInt(BlockingSums.GroupKey::stack))
        .toList();
    IntColumn name = new IntColumn();
    IntColumn profile = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn contentions = new LongColumn();
    LongColumn delay = new LongColumn();
    for (BlockingSums.GroupKey k : keys) {
      name.add(k.name());
      profile.add(profiles.id(k.slot()));
      stackId.addStack(k.stack());
      long[] sum = sums.get(k);
      contentions.add(sum[0]);
      delay.add(sum[1]);
    }
    return context.table(NAME, SCHEMA, keys.size(), ColumnWriter.int32(name), ColumnWriter.int32(profile),
        ColumnWriter.bigint(stackId), ColumnWriter.bigint(contentions), ColumnWriter.bigint(delay));
  }
}
