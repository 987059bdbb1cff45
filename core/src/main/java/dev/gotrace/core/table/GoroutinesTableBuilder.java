package dev.gotrace.core.table;

import dev.gotrace.core.util.LongObjectMap;
import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.bool;
import static dev.gotrace.core.table.Fields.int32;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.TraceEvent;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code goroutines}: one row per goroutine id, with the identity Go's goroutine summary
 * ({@code internal/trace/summary.go}) gives it. Also answers, while events stream, what that summary
 * knows about a goroutine at that moment (its name), for {@link RegionsTableBuilder}.
 */
final class GoroutinesTableBuilder implements TableBuilder {
  static final String NAME = "goroutines";
  static final Schema SCHEMA = Fields.schema(
      "One row per goroutine id, as Go's goroutine summary (internal/trace/summary.go) describes it. "
          + "A goroutine id reused by cgo callbacks (created and destroyed repeatedly) is one row describing its last "
          + "incarnation, as in Go's summary; goroutine_states.incarnation tells the incarnations apart. Go's TotalTime is "
          + "COALESCE(end_ts, trace_info.duration_ns) - create_ts.",
      bigint("goid", false, "Goroutine id."),
      string("name", false, "Go's summary name: the function of the outermost frame of the first transition stack the goroutine showed (usually its start function); '' if none."),
      bool("is_system", false, "Go's IsSystemGoroutine(name): name is '' or starts with 'runtime.' and is not 'runtime.main'."),
      bigint("creator_goid", true, "Goroutine in whose context it was created; NULL if created by the runtime without a goroutine or if it existed before the trace."),
      bigint("create_ts", false, "Creation time (ns since trace start): the creating transition, or the Sync of the generation in which a goroutine existing before the trace was first reported (Go's CreationTime)."),
      bigint("start_ts", true, "First transition into running (Go's StartTime); NULL if it never ran."),
      bigint("end_ts", true, "Transition into not_exist, or into waiting with reason 'forever' (Go's EndTime); NULL if alive at trace end."),
      bigint("create_stack_id", true, "Stack of the creating event (Event.Stack(): the creator's stack at the go statement); NULL if none (joins stacks.stack_id)."),
      bigint("pc", true, "Go's summary PC: the PC of the frame that gave the name; NULL if unnamed."),
      int32("incarnations", false, "How many times this goroutine id was created in the trace (more than 1 for reused cgo-callback goroutines); the row describes the last one."),
      string("end_reason", true, "Why end_ts is set: 'exit' (transition into not_exist) or 'blocked_forever' (waiting with reason 'forever'); NULL if alive at trace end."),
      string("open_state", true, "State of the last incarnation's goroutine_states row still open at trace end (dur NULL): running, runnable, waiting or syscall; NULL if it exited (it has no open row)."),
      bigint("open_state_ts", true, "Start (ts) of that open row: when the goroutine entered open_state (ns since trace start); NULL if open_state is."),
      string("open_state_reason", true, "Reason of that open row, as Go reports it ('' when none, e.g. for a status event); NULL if open_state is."),
      bigint("open_state_stack_id", true, "Stack of that open row (its stack_id: Go's Event.Stack() of the transition into open_state); NULL if none or if open_state is NULL (joins stacks.stack_id)."));

  /** What Go's summary knows of one incarnation of a goroutine. */
  static final class Goroutine {
    final long goid;
    final int incarnation;
    final long createTs;
    final long creator;
    final int createStack;
    int name;
    long pc;
    boolean named;
    long startTs;
    long endTs;
    int endReason = -1;
    /** The goroutine_states row the latest transition opened: toState ordinal (-1: none, it exited), ts, reason, stack. */
    int openState = -1;
    long openTs;
    int openReason;
    int openStack;
    /** Latest end of an interval {@link BlockingSums} counted against this incarnation while streaming; 0 if none. */
    long countedEnd;

    Goroutine(long goid, int incarnation, long createTs, long creator, int createStack) {
      this.goid = goid;
      this.incarnation = incarnation;
      this.createTs = createTs;
      this.creator = creator;
      this.createStack = createStack;
    }
  }

  private final Vocabulary vocabulary;
  private final StackTable stacks;
  private final int forever;
  private final int exitReason;
  private final int foreverReason;
  private final LongObjectMap<Goroutine> goroutines = new LongObjectMap<>();
  private long syncTs;

  GoroutinesTableBuilder(Vocabulary vocabulary, StackTable stacks) {
    this.vocabulary = vocabulary;
    this.stacks = stacks;
    this.forever = vocabulary.intern("forever");
    this.exitReason = vocabulary.intern("exit");
    this.foreverReason = vocabulary.intern("blocked_forever");
  }

  @Override public void onEvent(TraceEvent ev) {
    if (syncTs == 0) syncTs = ev.time();
    if (ev.kind() == EventKind.SYNC) {
      syncTs = ev.time();
      return;
    }
    if (ev.kind() != EventKind.STATE_TRANSITION || ev.resourceKind() != ResourceKind.GOROUTINE) return;
    int from = ev.fromState();
    int to = ev.toState();
    if (from == to) return;
    long id = ev.resourceId();
    Goroutine g = goroutines.get(id);
    if (from == GoState.UNDETERMINED.ordinal() || from == GoState.NOT_EXIST.ordinal()) {
      int incarnation = g == null ? 1 : g.incarnation + 1;
      g = from == GoState.NOT_EXIST.ordinal()
          ? new Goroutine(id, incarnation, ev.time(), ev.goroutine(), ev.stackId())
          : new Goroutine(id, incarnation, syncTs, -1, 0);
      goroutines.put(id, g);
    } else if (g == null) {
      return; // Go's reader never leaves a state of a goroutine it has not reported.
    }
    if (g.name == 0) nameFrom(g, ev.transitionStackId());
    noteOpenRow(g, ev);
    if (to == GoState.RUNNING.ordinal()) {
      if (g.startTs == 0) g.startTs = ev.time();
    } else if (to == GoState.NOT_EXIST.ordinal()) {
      g.endTs = ev.time();
      g.endReason = exitReason;
    } else if (to == GoState.WAITING.ordinal() && ev.reasonId() == forever) {
      g.endTs = ev.time();
      g.endReason = foreverReason;
    }
  }

  /** Each transition closes the incarnation's open goroutine_states row and opens the next, except one into not_exist. */
  private void noteOpenRow(Goroutine g, TraceEvent ev) {
    g.openState = ev.toState() == GoState.NOT_EXIST.ordinal() ? -1 : ev.toState();
    g.openTs = GoroutineStatesTableBuilder.openedRowStart(ev, syncTs);
    g.openReason = ev.reasonId();
    g.openStack = ev.stackId();
  }

  /** Go names a goroutine after the outermost frame of a transition stack (the last frame wins). */
  private void nameFrom(Goroutine g, int stackId) {
    int depth = stackId == 0 ? 0 : stacks.depth(stackId);
    if (depth == 0) return;
    g.name = stacks.function(stackId, depth - 1);
    g.pc = stacks.pc(stackId, depth - 1);
    g.named = true;
  }

  /** Go's summary name of the current incarnation of {@code goid}, as a string-pool id (0 = ""). */
  int nameOf(long goid) {
    Goroutine g = goroutines.get(goid);
    return g == null ? 0 : g.name;
  }

  /** The goroutine ids of the table's rows, ascending. */
  List<Long> goids() {
    List<Long> ids = goroutines.keys();
    ids.sort(null);
    return ids;
  }

  /** The row of {@code goid}, or null if it has none: one lookup for callers reading several fields per row. */
  Goroutine find(long goid) { return goroutines.get(goid); }

  /** Every goroutine's row (its last incarnation), in no order. */
  List<Goroutine> all() { return goroutines.values(); }

  /** Whether {@code goid} has a row in the table. */
  boolean has(long goid) { return goroutines.get(goid) != null; }

  /** Absolute create_ts of {@code goid}'s row. */
  long createTime(long goid) { return goroutines.get(goid).createTs; }

  /** Absolute start_ts of {@code goid}'s row, or 0 if it is NULL (never ran). */
  long startTime(long goid) { return goroutines.get(goid).startTs; }

  /** Absolute end_ts of {@code goid}'s row, or 0 if it is NULL (alive at trace end). */
  long endTime(long goid) { return goroutines.get(goid).endTs; }

  /** Current incarnation number of {@code goid} (0 if never seen). */
  int incarnationOf(long goid) {
    Goroutine g = goroutines.get(goid);
    return g == null ? 0 : g.incarnation;
  }

  /** Go's IsSystemGoroutine applied to the current name of {@code goid}. */
  boolean isSystem(long goid) {
    return isSystemName(vocabulary.strings().get(nameOf(goid)));
  }

  static boolean isSystemName(String name) {
    return name.isEmpty() || !name.equals("runtime.main") && name.startsWith("runtime.");
  }

  @Override public TraceTable finish(TableContext context) {
    LongColumn goid = new LongColumn();
    IntColumn name = new IntColumn();
    IntColumn system = new IntColumn();
    LongColumn creator = new LongColumn();
    LongColumn createTs = new LongColumn();
    LongColumn startTs = new LongColumn();
    LongColumn endTs = new LongColumn();
    LongColumn createStack = new LongColumn();
    LongColumn pc = new LongColumn();
    IntColumn incarnations = new IntColumn();
    IntColumn endReason = new IntColumn();
    IntColumn openState = new IntColumn();
    LongColumn openTs = new LongColumn();
    IntColumn openReason = new IntColumn();
    LongColumn openStack = new LongColumn();
    List<Long> ids = goids();
    for (long id : ids) {
      Goroutine g = goroutines.get(id);
      goid.add(g.goid);
      name.add(g.name);
      system.add(isSystemName(vocabulary.strings().get(g.name)));
      creator.addId(g.creator);
      createTs.add(g.createTs);
      if (g.startTs == 0) startTs.addNull();
      else startTs.add(g.startTs);
      if (g.endTs == 0) endTs.addNull();
      else endTs.add(g.endTs);
      createStack.addStack(g.createStack);
      if (g.named) pc.add(g.pc);
      else pc.addNull();
      incarnations.add(g.incarnation);
      if (g.endReason < 0) endReason.addNull();
      else endReason.add(g.endReason);
      if (g.openState < 0) {
        openState.addNull();
        openTs.addNull();
        openReason.addNull();
        openStack.addNull();
      } else {
        openState.add(vocabulary.goState(g.openState));
        openTs.add(g.openTs);
        openReason.add(g.openReason);
        openStack.addStack(g.openStack);
      }
    }
    return context.table(NAME, SCHEMA, goid.size(),
        ColumnWriter.bigint(goid), ColumnWriter.int32(name), ColumnWriter.bit(system),
        ColumnWriter.bigint(creator), context.time(createTs), context.time(startTs),
        context.time(endTs), ColumnWriter.bigint(createStack), ColumnWriter.bigint(pc),
        ColumnWriter.int32(incarnations), ColumnWriter.int32(endReason), ColumnWriter.int32(openState),
        context.time(openTs), ColumnWriter.int32(openReason), ColumnWriter.bigint(openStack));
  }
}
