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

  private BlockingProfilesTableBuilder() {}

  /** Aggregates {@code intervals}' sums over goroutine names. */
  static TraceTable build(BlockingIntervalsTableBuilder intervals, Vocabulary vocabulary, TableContext context) {
    Map<Key, long[]> sums = new HashMap<>();
    intervals.sums().byProfileStack(intervals.profileStacks()).forEach((k, sum) -> {
      long[] total = sums.computeIfAbsent(new Key(k.slot(), k.stack()), x -> new long[2]);
      total[0] += sum[0];
      total[1] += sum[1];
    });
    Profiles profiles = intervals.profiles();
    List<Key> keys = sums.keySet().stream()
        .sorted(Comparator.comparing((Key k) -> vocabulary.strings().get(profiles.id(k.slot())))
            .thenComparingInt(Key::stack))
        .toList();
    IntColumn profile = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn contentions = new LongColumn();
    LongColumn delay = new LongColumn();
    for (Key k : keys) {
      profile.add(profiles.id(k.slot()));
      stackId.addStack(k.stack());
      long[] sum = sums.get(k);
      contentions.add(sum[0]);
      delay.add(sum[1]);
    }
    return context.table(NAME, SCHEMA, keys.size(), ColumnWriter.int32(profile), ColumnWriter.bigint(stackId),
        ColumnWriter.bigint(contentions), ColumnWriter.bigint(delay));
  }

  /** A profile slot and profile_stack_id (0 for NULL). */
  private record Key(int slot, int stack) {}
}
