package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.util.LongObjectMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code region_stats}, {@code region_block_time} and {@code region_range_time}: per region, the
 * execution breakdown of go tool trace's /userregion page (Go's UserRegionSummary stats: snapshot at
 * the region's end minus snapshot at its begin), summed at load over the goroutine_states rows of
 * the region's span by {@link ExecTimes}, and the range stretches clipped to the span.
 */
final class RegionStatsTableBuilder {
  static final String NAME = "region_stats";
  static final Schema SCHEMA = Fields.schema(
      "One row per row of regions: the time statistics Go's goroutine summary keeps for the region "
          + "(internal/trace/summary.go UserRegionSummary: the goroutine's statistics at the region's end minus those "
          + "at its begin; go tool trace's /userregion page), with the columns of goroutine_analysis. The span is "
          + "[COALESCE(start_ts, goroutines.create_ts), COALESCE(end_ts, trace end)]: a region whose begin is not in "
          + "the trace counts from its goroutine's creation, as Go's zero begin snapshot does, and a region open at "
          + "trace end counts until then, with the quirk of Go's summary for a syscall still in progress. "
          + "go tool trace's region pages show the rows whose regions.in_go_summary is true.",
      bigint("region_id", false, "Region (joins regions.region_id)."),
      bigint("goid", false, "regions.goid."),
      bigint("task_id", false, "regions.task_id."),
      string("name", false, "regions.name: the region type ('' for a region inherited at goroutine creation)."),
      bigint("start_ts", true, "regions.ts: the begin (ns since trace start); NULL if Go has no begin event for it."),
      bigint("end_ts", true, "regions.end_ts: the end; NULL if Go has no end event for it (open at trace end)."),
      bigint("total_ns", false, "Length of the span (Go's TotalTime for the region)."),
      bigint("exec_ns", false, "Time running in the span (Go's ExecTime)."),
      bigint("sched_wait_ns", false, "Time runnable in the span (Go's SchedWaitTime)."),
      bigint("syscall_ns", false, "Time in syscalls while holding the P (Go's SyscallTime)."),
      bigint("syscall_block_ns", false, "Time in syscalls after the P went idle or was stolen (Go's SyscallBlockTime)."),
      bigint("block_ns", false, "Time waiting for any reason except 'forever' (sum of Go's BlockTimeByReason)."),
      bigint("unknown_ns", false, "total_ns minus the five times above when that is positive, else 0 (Go's UnknownTime)."));

  static final String BLOCK_NAME = "region_block_time";
  static final Schema BLOCK_SCHEMA = Fields.schema(
      "One row per region and reason its goroutine waited for within the region's span (as region_stats "
          + "defines it; except 'forever'): Go's UserRegionSummary BlockTimeByReason, the 'Block time (<reason>)' "
          + "columns of go tool trace's /userregion page. A wait that only touches the span gives a row of 0 ns.",
      bigint("region_id", false, "Region (joins regions.region_id, region_stats.region_id)."),
      string("reason", false, "Go's block reason, e.g. 'chan receive', 'sync', 'network'."),
      bigint("block_ns", false, "Time waiting for that reason within the span, in ns."));
  static final String RANGE_NAME = "region_range_time";
  static final Schema RANGE_SCHEMA = Fields.schema(
      "One row per region and runtime range its goroutine spent time in within the region's span: the stretches "
          + "goroutine_range_time sums, clipped to the span (Go's UserRegionSummary RangeTime, the special ranges of "
          + "go tool trace's /userregion page). Only for regions of a goroutine's last incarnation, the ones Go lists.",
      bigint("region_id", false, "Region (joins regions.region_id, region_stats.region_id)."),
      string("range_name", false, "Go's range name, e.g. 'GC mark assist', 'stop-the-world (GC mark termination)'."),
      bigint("dur_ns", false, "Time in ns within the span."));

  /** One region's span and the times of its goroutine in it. */
  private record Span(int row, long from, long end, ExecTimes times) {}

  private final RegionsTableBuilder regions;
  private final List<Span> spans = new ArrayList<>();

  /** Sums {@code states}' rows over the span of every region of {@code regions}. */
  RegionStatsTableBuilder(RegionsTableBuilder regions, GoroutineStatesTableBuilder states, TraceBounds bounds) {
    this.regions = regions;
    regions.settle();
    states.settle();
    LongObjectMap<int[]> rowsByGoid = rowsByGoid(states);
    long traceEnd = bounds.last();
    for (int r = 0; r < regions.rows(); r++) {
      int[] rows = rowsByGoid.get(regions.goid(r));
      int incarnation = regions.incarnation(r);
      long begin = regions.startTime(r);
      long end = regions.endTime(r) == Long.MIN_VALUE ? traceEnd : regions.endTime(r);
      ExecTimes t = new ExecTimes();
      long from = begin;
      if (rows != null) {
        int first = firstRow(states, rows, incarnation, begin);
        if (first < rows.length && begin == Long.MIN_VALUE) from = states.startTime(rows[first]); // its creation
        for (int i = first; i < rows.length && states.startTime(rows[i]) <= end; i++) {
          if (states.incarnation(rows[i]) == incarnation) t.add(states, rows[i], from, end, traceEnd);
        }
      }
      spans.add(new Span(r, from, end, t));
    }
  }

  TraceTable stats(TableContext context) {
    LongColumn regionId = new LongColumn();
    LongColumn goid = new LongColumn();
    LongColumn taskId = new LongColumn();
    IntColumn name = new IntColumn();
    LongColumn startTs = new LongColumn();
    LongColumn endTs = new LongColumn();
    ExecTimeColumns columns = new ExecTimeColumns();
    for (Span s : spans) {
      int r = s.row();
      ExecTimes t = s.times();
      long span = s.from() == Long.MIN_VALUE ? 0 : s.end() - s.from();
      regionId.add(r + 1L);
      goid.add(regions.goid(r));
      taskId.add(regions.taskId(r));
      name.add(regions.name(r));
      if (regions.startTime(r) == Long.MIN_VALUE) startTs.addNull();
      else startTs.add(regions.startTime(r));
      if (regions.endTime(r) == Long.MIN_VALUE) endTs.addNull();
      else endTs.add(s.end());
      columns.add(t, span);
    }
    return context.table(NAME, SCHEMA, regionId.size(), columns.after(ColumnWriter.bigint(regionId),
        ColumnWriter.bigint(goid), ColumnWriter.bigint(taskId), ColumnWriter.int32(name), context.time(startTs),
        context.time(endTs)));
  }

  TraceTable blockTimes(TableContext context) {
    LongColumn regionId = new LongColumn();
    IntColumn reason = new IntColumn();
    LongColumn block = new LongColumn();
    for (Span s : spans) {
      for (Map.Entry<Integer, long[]> e : s.times().byReason.entrySet()) {
        regionId.add(s.row() + 1L);
        reason.add(e.getKey());
        block.add(e.getValue()[0]);
      }
    }
    return context.table(BLOCK_NAME, BLOCK_SCHEMA, regionId.size(), ColumnWriter.bigint(regionId),
        ColumnWriter.int32(reason), ColumnWriter.bigint(block));
  }

  TraceTable rangeTimes(RangeAttribution attribution, TableContext context) {
    LongColumn regionId = new LongColumn();
    IntColumn rangeName = new IntColumn();
    LongColumn dur = new LongColumn();
    for (Span s : spans) {
      RangeAttribution.Life life = attribution.lifeOf(regions.goid(s.row()));
      if (life == null || life.incarnation != regions.incarnation(s.row())) continue;
      Map<Integer, Long> byName = new TreeMap<>();
      for (RangeAttribution.Stretch st : life.stretches) {
        long o = Math.min(st.end(), s.end()) - Math.max(st.start(), s.from());
        if (o >= 0) byName.merge(st.name(), o, Long::sum);
      }
      for (Map.Entry<Integer, Long> e : byName.entrySet()) {
        regionId.add(s.row() + 1L);
        rangeName.add(e.getKey());
        dur.add(e.getValue());
      }
    }
    return context.table(RANGE_NAME, RANGE_SCHEMA, regionId.size(), ColumnWriter.bigint(regionId),
        ColumnWriter.int32(rangeName), ColumnWriter.bigint(dur));
  }

  /** Rows of {@code states} by goroutine id, each list in row order (= start order: rows tile each life). */
  private static LongObjectMap<int[]> rowsByGoid(GoroutineStatesTableBuilder states) {
    LongObjectMap<int[]> counts = new LongObjectMap<>();
    for (int row = 0; row < states.rows(); row++) counts.computeIfAbsent(states.goid(row), g -> new int[1])[0]++;
    LongObjectMap<int[]> rows = new LongObjectMap<>();
    for (int row = 0; row < states.rows(); row++) {
      long g = states.goid(row);
      int[] count = counts.get(g);
      int[] list = rows.computeIfAbsent(g, k -> new int[count[0]]);
      list[list.length - count[0]--] = row;
    }
    return rows;
  }

  /**
   * Index in {@code rows} of the first row of {@code incarnation} that can overlap a span starting at
   * {@code begin} (the row in progress then), or of its first row if {@code begin} is unknown.
   */
  private static int firstRow(GoroutineStatesTableBuilder states, int[] rows, int incarnation, long begin) {
    int lo = 0;
    int hi = rows.length;
    while (lo < hi) { // first row of the incarnation or a later one
      int mid = (lo + hi) >>> 1;
      if (states.incarnation(rows[mid]) < incarnation) lo = mid + 1;
      else hi = mid;
    }
    if (begin == Long.MIN_VALUE) return lo;
    int first = lo;
    hi = rows.length;
    while (lo < hi) { // first row starting after begin
      int mid = (lo + hi) >>> 1;
      if (states.startTime(rows[mid]) <= begin) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(first, lo - 1);
  }
}
