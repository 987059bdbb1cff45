package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code region_profiles}: go tool trace's four profiles restricted to a region type, as its
 * /regionio, /regionblock, /regionsyscall and /regionsched pages compute them (cmd/trace/pprof.go
 * pprofMatchingRegions): per goroutine the outermost of its regions of that type, then every
 * blocking interval's overlap with them.
 */
final class RegionProfilesTableBuilder {
  static final String NAME = "region_profiles";
  static final Schema SCHEMA = Fields.schema(
      "One row per region type, profile and profile stack of go tool trace's profiles restricted to regions of "
          + "that type (/regionio, /regionblock, /regionsyscall, /regionsched?type=<name>, linked from the user "
          + "regions page). Per goroutine, the regions of that type Go's summary lists (regions.in_go_summary), as "
          + "[COALESCE(ts, 0), COALESCE(end_ts, trace end)], sorted by start then end, keeping each that starts at "
          + "or after the end of the last kept one (Go's outermost regions); an interval of blocking_intervals with "
          + "that profile counts by the sum of its positive overlaps with its goroutine's kept regions, if positive. "
          + "Unlike blocking_profiles, nothing is clipped to the goroutine's life.",
      string("region_name", false, "Region type (regions.name; '' for regions inherited at goroutine creation)."),
      string("profile", false, "'net', 'sync', 'syscall' or 'sched'."),
      bigint("stack_id", true, "blocking_intervals.profile_stack_id of the intervals counted; NULL for intervals without a stack (joins stacks.stack_id)."),
      bigint("contentions", false, "Number of intervals with a positive overlap (pprof's contentions/count)."),
      bigint("delay_ns", false, "Sum of those overlaps in ns (pprof's delay)."));

  private RegionProfilesTableBuilder() {}

  static TraceTable build(RegionsTableBuilder regions, BlockingIntervalsTableBuilder intervals, TraceBounds bounds,
      Vocabulary vocabulary, TableContext context) {
    regions.settle();
    // Per region type, per goroutine: the kept intervals as [start0, end0, start1, end1, ...].
    Map<Integer, Map<Long, long[]>> kept = new TreeMap<>((a, b) ->
        vocabulary.strings().get(a).compareTo(vocabulary.strings().get(b)));
    Map<Integer, Map<Long, List<long[]>>> byType = new HashMap<>();
    for (int r = 0; r < regions.rows(); r++) {
      if (!regions.inGoSummary(r)) continue;
      long start = regions.startTime(r) == Long.MIN_VALUE ? bounds.first() : regions.startTime(r);
      long end = regions.endTime(r) == Long.MIN_VALUE ? bounds.last() : regions.endTime(r);
      byType.computeIfAbsent(regions.name(r), k -> new HashMap<>())
          .computeIfAbsent(regions.goid(r), k -> new ArrayList<>()).add(new long[] {start, end});
    }
    byType.forEach((type, perGoroutine) -> {
      Map<Long, long[]> outer = new HashMap<>();
      perGoroutine.forEach((goid, list) -> outer.put(goid, outermost(list)));
      kept.put(type, outer);
    });
    int[] profileStacks = intervals.profileStacks();
    IntColumn regionName = new IntColumn();
    IntColumn profile = new IntColumn();
    LongColumn stackId = new LongColumn();
    LongColumn contentions = new LongColumn();
    LongColumn delay = new LongColumn();
    for (Map.Entry<Integer, Map<Long, long[]>> type : kept.entrySet()) {
      // Per (profile, stack + 1) packed in a long, as blocking_profiles keys them.
      Map<Long, long[]> sums = new TreeMap<>();
      for (int row = 0; row < intervals.rows(); row++) {
        int p = intervals.profile(row);
        if (p < 0 || !intervals.closed(row)) continue;
        long[] spans = type.getValue().get(intervals.goid(row));
        if (spans == null) continue;
        long start = intervals.startTime(row);
        long d = overlap(spans, start, start + intervals.duration(row));
        if (d <= 0) continue;
        long stack = intervals.profileStackId(row, profileStacks);
        long[] sum = sums.computeIfAbsent(((long) p << 32) | (stack + 1), k -> new long[2]);
        sum[0]++;
        sum[1] += d;
      }
      for (Map.Entry<Long, long[]> e : sums.entrySet()) {
        regionName.add(type.getKey());
        profile.add((int) (e.getKey() >>> 32));
        long stack = (e.getKey() & 0xffff_ffffL) - 1;
        if (stack < 0) stackId.addNull();
        else stackId.add(stack);
        contentions.add(e.getValue()[0]);
        delay.add(e.getValue()[1]);
      }
    }
    return context.table(NAME, SCHEMA, regionName.size(), ColumnWriter.int32(regionName), ColumnWriter.int32(profile),
        ColumnWriter.bigint(stackId), ColumnWriter.bigint(contentions), ColumnWriter.bigint(delay));
  }

  /** Go's selection of outermost regions: sort by (start, end), keep those starting at or after the last kept end. */
  private static long[] outermost(List<long[]> spans) {
    spans.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] out = new long[spans.size() * 2];
    int n = 0;
    long last = 0;
    for (long[] s : spans) {
      if (last <= s[0]) {
        out[n++] = s[0];
        out[n++] = s[1];
        last = s[1];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Sum of the positive overlaps of [start, end] with the sorted spans (Go's interval.overlap). */
  private static long overlap(long[] spans, long start, long end) {
    long sum = 0;
    for (int i = 0; i < spans.length; i += 2) {
      if (spans[i] > end) break;
      if (spans[i + 1] < start) continue;
      long o = Math.min(end, spans[i + 1]) - Math.max(start, spans[i]);
      if (o > 0) sum += o;
    }
    return sum;
  }
}
