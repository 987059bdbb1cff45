package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.bool;
import static dev.gotrace.core.table.Fields.string;

import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code goroutine_times} and {@code goroutine_block_times}: Go's goroutine summary statistics,
 * summed at load from what the goroutine_states and goroutines builders hold, by the rule
 * goroutine_states documents; so goroutine_analysis and goroutine_block_time read one row per
 * goroutine (and reason) instead of aggregating every state interval.
 */
final class GoroutineTimesTableBuilder {
  static final String NAME = "goroutine_times";
  static final String BLOCK_NAME = "goroutine_block_times";
  static final Schema SCHEMA = Fields.schema(
      "One row per row of goroutines: the time statistics of Go's goroutine summary (internal/trace/summary.go) "
          + "for its last incarnation, summed at load over its goroutine_states rows by the rule goroutine_states "
          + "documents (0 for a goroutine without state rows), with the goroutines columns goroutine_analysis shows, "
          + "so that view reads one table.",
      bigint("goid", false, "Goroutine id (joins goroutines.goid)."),
      string("name", false, "goroutines.name."),
      bool("is_system", false, "goroutines.is_system."),
      bigint("create_ts", false, "goroutines.create_ts."),
      bigint("start_ts", true, "goroutines.start_ts (NULL if it never ran)."),
      bigint("end_ts", true, "goroutines.end_ts (NULL if alive at trace end)."),
      bigint("total_ns", false, "COALESCE(end_ts, trace_info.duration_ns) - create_ts: Go's summary lifetime (its TotalTime)."),
      bigint("exec_ns", false, "Time running (Go's ExecTime)."),
      bigint("sched_wait_ns", false, "Time runnable, plus Go's quirk for a syscall open at trace end after its P was lost (Go's SchedWaitTime)."),
      bigint("syscall_ns", false, "Time in syscalls while holding the P; a syscall open at trace end counts whole (Go's SyscallTime)."),
      bigint("syscall_block_ns", false, "Time in closed syscalls after the P went idle or was stolen (Go's SyscallBlockTime)."),
      bigint("block_ns", false, "Time waiting for any reason except 'forever' (sum of Go's BlockTimeByReason)."),
      bigint("unknown_ns", false, "total_ns minus the five times above when that is positive, else 0 (Go's UnknownTime)."));
  static final Schema BLOCK_SCHEMA = Fields.schema(
      "One row per goroutine (last incarnation) and reason it waited for (except 'forever'): Go's summary "
          + "BlockTimeByReason, summed at load over goroutine_states' waiting rows (open rows last until trace end). "
          + "A reason is listed once the goroutine waited for it, even if those waits total 0 ns, as Go's map keeps the key.",
      bigint("goid", false, "Goroutine id (joins goroutines.goid)."),
      string("reason", false, "Go's block reason, e.g. 'chan receive', 'sync', 'network', 'sleep', 'select'; '' for waits that began before the trace."),
      bigint("block_ns", false, "Time waiting for that reason, in ns."));

  private final Map<Long, ExecTimes> times = new TreeMap<>();
  private final GoroutinesTableBuilder goroutines;
  private final TraceBounds bounds;

  /** Sums {@code states}' rows of the incarnation each goroutine of {@code goroutines} describes. */
  GoroutineTimesTableBuilder(GoroutineStatesTableBuilder states, GoroutinesTableBuilder goroutines, TraceBounds bounds) {
    this.goroutines = goroutines;
    this.bounds = bounds;
    states.settle();
    long traceEnd = bounds.last();
    for (long goid : goroutines.goids()) times.put(goid, new ExecTimes());
    for (int row = 0; row < states.rows(); row++) {
      long goid = states.goid(row);
      ExecTimes t = times.get(goid);
      if (t == null || states.incarnation(row) != goroutines.incarnationOf(goid)) continue;
      t.add(states, row, Long.MIN_VALUE, traceEnd, traceEnd);
    }
  }

  TraceTable times(TableContext context) {
    LongColumn goid = new LongColumn();
    IntColumn name = new IntColumn();
    IntColumn system = new IntColumn();
    LongColumn createTs = new LongColumn();
    LongColumn startTs = new LongColumn();
    LongColumn endTs = new LongColumn();
    ExecTimeColumns columns = new ExecTimeColumns();
    for (Map.Entry<Long, ExecTimes> e : times.entrySet()) {
      long id = e.getKey();
      ExecTimes t = e.getValue();
      goid.add(id);
      name.add(goroutines.nameOf(id));
      system.add(goroutines.isSystem(id));
      long created = goroutines.createTime(id);
      createTs.add(created);
      long started = goroutines.startTime(id);
      if (started == 0) startTs.addNull();
      else startTs.add(started);
      long ended = goroutines.endTime(id);
      if (ended == 0) endTs.addNull();
      else endTs.add(ended);
      columns.add(t, (ended == 0 ? bounds.last() : ended) - created);
    }
    return context.table(NAME, SCHEMA, goid.size(), columns.after(ColumnWriter.bigint(goid), ColumnWriter.int32(name),
        ColumnWriter.bit(system), context.time(createTs), context.time(startTs), context.time(endTs)));
  }

  TraceTable blockTimes(TableContext context) {
    LongColumn goid = new LongColumn();
    IntColumn reason = new IntColumn();
    LongColumn block = new LongColumn();
    for (Map.Entry<Long, ExecTimes> e : times.entrySet()) {
      for (Map.Entry<Integer, long[]> r : e.getValue().byReason.entrySet()) {
        goid.add(e.getKey());
        reason.add(r.getKey());
        block.add(r.getValue()[0]);
      }
    }
    return context.table(BLOCK_NAME, BLOCK_SCHEMA, goid.size(), ColumnWriter.bigint(goid),
        ColumnWriter.int32(reason), ColumnWriter.bigint(block));
  }
}
