package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.bool;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code regions}: the user regions of Go's goroutine summary ({@code internal/trace/summary.go}),
 * replaying its per-goroutine stacks of active regions: regions inherited at creation, regions
 * ended by a RegionEnd whatever the top of the stack is, end-only regions, regions closed when the
 * goroutine ends, and which regions Go's per-goroutine lists (the user-region pages) keep.
 */
final class RegionsTableBuilder implements TableBuilder {
  static final String NAME = "regions";
  static final Schema SCHEMA = Fields.schema(
      "One row per user region (runtime/trace.WithRegion/StartRegion) as Go's goroutine summary records it, "
          + "including the unnamed region a goroutine inherits from its creator's innermost active region, regions whose "
          + "begin is not in the trace, and regions still open at trace end. Go's region pages use the interval "
          + "[COALESCE(ts, 0), COALESCE(end_ts, trace end)] and only rows with in_go_summary.",
      bigint("region_id", false, "Our id: 1, 2, ... in order of the event that created the row (its begin, or its end for an end-only region)."),
      bigint("task_id", false, "Task the region belongs to (0 = background task; joins tasks.task_id)."),
      bigint("goid", false, "Goroutine of the region (joins goroutines.goid)."),
      string("name", false, "Region type; '' for an inherited region."),
      bigint("ts", true, "Begin (ns since trace start): the RegionBegin, or the goroutine's creation for an inherited region; NULL if the begin is not in the trace."),
      bigint("dur", true, "end_ts - ts; NULL unless both are known."),
      bigint("end_ts", true, "End: the RegionEnd, or the goroutine's end for a region still open then; NULL if open at trace end."),
      bigint("start_stack_id", true, "Event.Stack() of the begin event (for an inherited region: the creating event, i.e. the creator's stack); NULL if none. Go's region pages group by the outermost frame of this stack."),
      bigint("end_stack_id", true, "Event.Stack() of the end event; NULL if none."),
      string("start_reason", false, "'begin' (RegionBegin), 'inherited' (created with the goroutine inside its creator's region) or 'before_trace' (a RegionEnd with no active region: the begin is not in the trace)."),
      string("end_reason", false, "'region_end' (RegionEnd), 'goroutine_end' (still active when the goroutine ended: transition into not_exist or a 'forever' wait) or 'trace_end' (still active at trace end)."),
      bool("in_go_summary", false, "Whether Go's goroutine summary lists the region in its goroutine's Regions (what go tool trace's user-region pages show): false for regions still active when a system goroutine (goroutines.is_system) ended or the trace ended, and for regions of an earlier incarnation of a reused goroutine id."),
      bigint("page_dur_ns", true, "COALESCE(end_ts, trace_info.duration_ns) - COALESCE(ts, 0): the duration Go's region pages use."),
      string("start_root_function", true, "Function of the outermost frame of start_stack_id (stack_frames at depth stacks.depth - 1), which Go's region pages group by; NULL if no stack."),
      bigint("start_root_pc", true, "PC of that frame; NULL if no stack."));

  private final GoroutinesTableBuilder goroutines;
  private final TasksTableBuilder tasks;
  private final StackTable stacks;
  private final TraceBounds bounds;
  private final int forever;
  private final int begin;
  private final int inherited;
  private final int beforeTrace;
  private final int regionEnd;
  private final int goroutineEnd;
  private final int traceEnd;
  /** Active regions (rows) per goroutine, innermost last. */
  private final Map<Long, ArrayDeque<Integer>> active = new HashMap<>();

  private final LongColumn taskId = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final IntColumn name = new IntColumn();
  private final LongColumn ts = new LongColumn();
  private final LongColumn dur = new LongColumn();
  private final LongColumn endTs = new LongColumn();
  private final LongColumn startStackId = new LongColumn();
  private final LongColumn endStackId = new LongColumn();
  private final IntColumn startReason = new IntColumn();
  private final IntColumn endReason = new IntColumn();
  /** Incarnation of the goroutine whose Regions list got the row; 0 = none. */
  private final IntColumn listedIn = new IntColumn();
  /** Incarnation of the goroutine the region ran on. */
  private final IntColumn incarnation = new IntColumn();

  RegionsTableBuilder(Vocabulary vocabulary, GoroutinesTableBuilder goroutines, TasksTableBuilder tasks,
      StackTable stacks, TraceBounds bounds) {
    this.goroutines = goroutines;
    this.tasks = tasks;
    this.stacks = stacks;
    this.bounds = bounds;
    forever = vocabulary.intern("forever");
    begin = vocabulary.intern("begin");
    inherited = vocabulary.intern("inherited");
    beforeTrace = vocabulary.intern("before_trace");
    regionEnd = vocabulary.intern("region_end");
    goroutineEnd = vocabulary.intern("goroutine_end");
    traceEnd = vocabulary.intern("trace_end");
  }

  /**
   * Must see each event after the {@link GoroutinesTableBuilder} did, so that a goroutine's name
   * and incarnation are the ones Go's summary has when it handles the event.
   */
  @Override public void onEvent(TraceEvent ev) {
    EventKind k = ev.kind();
    if (k == EventKind.STATE_TRANSITION && ev.resourceKind() == ResourceKind.GOROUTINE
        && ev.fromState() != ev.toState()) {
      transition(ev);
    } else if (k == EventKind.REGION_BEGIN) {
      int row = add(ev.taskId(), ev.goroutine(), ev.nameId(), ev.time(), ev.stackId(), begin);
      active.computeIfAbsent(ev.goroutine(), g -> new ArrayDeque<>()).addLast(row);
      tasks.mention(ev.taskId());
    } else if (k == EventKind.REGION_END) {
      ArrayDeque<Integer> stack = active.get(ev.goroutine());
      int row;
      if (stack != null && !stack.isEmpty()) {
        row = stack.removeLast(); // Go pops the innermost region whatever its name.
      } else {
        row = add(ev.taskId(), ev.goroutine(), ev.nameId(), Long.MIN_VALUE, 0, beforeTrace);
        tasks.mention(ev.taskId());
      }
      end(row, ev, regionEnd);
      listedIn.set(row, goroutines.incarnationOf(ev.goroutine()));
    }
  }

  private void transition(TraceEvent ev) {
    long id = ev.resourceId();
    int from = ev.fromState();
    int to = ev.toState();
    if (from == GoState.NOT_EXIST.ordinal() || from == GoState.UNDETERMINED.ordinal()) {
      active.remove(id);
      ArrayDeque<Integer> creator = active.get(ev.goroutine());
      if (from == GoState.NOT_EXIST.ordinal() && creator != null && !creator.isEmpty()) {
        int row = add(taskId.get(creator.peekLast()), id, 0, ev.time(), ev.stackId(), inherited);
        active.computeIfAbsent(id, g -> new ArrayDeque<>()).addLast(row);
      }
    }
    if (to == GoState.NOT_EXIST.ordinal() || to == GoState.WAITING.ordinal() && ev.reasonId() == forever) {
      finalizeGoroutine(id, ev);
    }
  }

  /** Go's finalize: active regions end with the goroutine; only non-system goroutines keep them. */
  private void finalizeGoroutine(long id, TraceEvent trigger) {
    ArrayDeque<Integer> stack = active.remove(id);
    if (stack == null) return;
    int listed = goroutines.isSystem(id) ? 0 : goroutines.incarnationOf(id);
    for (int row : stack) {
      if (trigger != null) end(row, trigger, goroutineEnd);
      listedIn.set(row, listed);
    }
  }

  private int add(long task, long g, int regionName, long start, int stack, int why) {
    int row = taskId.add(task);
    goid.add(g);
    name.add(regionName);
    if (start == Long.MIN_VALUE) ts.addNull();
    else ts.add(start);
    dur.addNull();
    endTs.addNull();
    startStackId.addStack(stack);
    endStackId.addNull();
    startReason.add(why);
    endReason.add(traceEnd);
    listedIn.add(0);
    incarnation.add(goroutines.incarnationOf(g));
    return row;
  }

  private void end(int row, TraceEvent ev, int why) {
    endTs.set(row, ev.time());
    if (!ts.isNull(row)) dur.set(row, ev.time() - ts.get(row));
    if (ev.stackId() != 0) endStackId.set(row, ev.stackId());
    endReason.set(row, why);
  }

  /** Ends the stream: regions still active end with the trace, as in Go's Finalize. Idempotent. */
  void settle() {
    for (Long id : new ArrayList<>(active.keySet())) finalizeGoroutine(id, null);
  }

  int rows() { return taskId.size(); }

  long goid(int row) { return goid.get(row); }

  long taskId(int row) { return taskId.get(row); }

  /** String-pool id of the region type. */
  int name(int row) { return name.get(row); }

  int incarnation(int row) { return incarnation.get(row); }

  /** The in_go_summary column of {@code row}; call {@link #settle()} first. */
  boolean inGoSummary(int row) {
    int listed = listedIn.get(row);
    return listed != 0 && listed == goroutines.incarnationOf(goid.get(row));
  }

  /** Absolute begin of {@code row}, or {@link Long#MIN_VALUE} if the begin is not in the trace. */
  long startTime(int row) { return ts.isNull(row) ? Long.MIN_VALUE : ts.get(row); }

  /** Absolute end of {@code row}, or {@link Long#MIN_VALUE} if still open at trace end. */
  long endTime(int row) { return endTs.isNull(row) ? Long.MIN_VALUE : endTs.get(row); }

  @Override public TraceTable finish(TableContext context) {
    settle();
    int rows = taskId.size();
    LongColumn regionId = new LongColumn();
    IntColumn inSummary = new IntColumn();
    LongColumn pageDur = new LongColumn();
    IntColumn rootFunction = new IntColumn();
    LongColumn rootPc = new LongColumn();
    for (int row = 0; row < rows; row++) {
      regionId.add(row + 1L);
      inSummary.add(inGoSummary(row));
      long from = ts.isNull(row) ? context.origin() : ts.get(row);
      long to = endTs.isNull(row) ? bounds.last() : endTs.get(row);
      pageDur.add(to - from);
      int stack = startStackId.isNull(row) ? 0 : (int) startStackId.get(row);
      int depth = stacks.depth(stack);
      if (depth == 0) {
        rootFunction.addNull();
        rootPc.addNull();
      } else {
        rootFunction.add(stacks.function(stack, depth - 1));
        rootPc.add(stacks.pc(stack, depth - 1));
      }
    }
    return context.table(NAME, SCHEMA, rows,
        ColumnWriter.bigint(regionId), ColumnWriter.bigint(taskId), ColumnWriter.bigint(goid),
        ColumnWriter.int32(name), context.time(ts), ColumnWriter.bigint(dur), context.time(endTs),
        ColumnWriter.bigint(startStackId), ColumnWriter.bigint(endStackId), ColumnWriter.int32(startReason),
        ColumnWriter.int32(endReason), ColumnWriter.bit(inSummary), ColumnWriter.bigint(pageDur),
        ColumnWriter.int32(rootFunction), ColumnWriter.bigint(rootPc));
  }
}
