package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code proc_states}: the intervals each P spent running (held by an M) or idle, from its transitions. */
final class ProcStatesTableBuilder implements TableBuilder {
  static final String NAME = "proc_states";
  static final Schema SCHEMA = Fields.schema(
      "One row per interval a P (logical processor) spent in one state, from its state transitions "
          + "(ProcStart, ProcStop, ProcSteal, status events). A P first reported by a status event starts"
          + " at the Sync of that event's generation, as goroutine_states does for goroutines. A P's rows do "
          + "not overlap; a P that stops existing (GOMAXPROCS lowered) has no row until it exists again.",
      bigint("proc_id", false, "P id (joins procs.proc_id)."),
      string("state", false, "'running' (an M holds the P: it runs goroutines, the scheduler, or sits in a syscall) or 'idle'."),
      bigint("ts", false, "Start of the interval (ns since trace start)."),
      bigint("dur", true, "Length in ns; NULL if still open at trace end."),
      bigint("thread_id", true, "M of the context of the transition into the state; NULL if none."),
      bigint("event_id", false, "Event that entered the state (joins events.event_id)."),
      bigint("end_event_id", true, "Event that ended the interval; NULL if still open."));

  private final int[] stateNames = new int[ProcState.values().length];
  /** Open row per P. */
  private final Map<Long, Integer> open = new HashMap<>();
  private long syncTs;

  private final LongColumn procId = new LongColumn();
  private final IntColumn state = new IntColumn();
  private final LongColumn ts = new LongColumn();
  private final LongColumn dur = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn eventId = new LongColumn();
  private final LongColumn endEventId = new LongColumn();

  ProcStatesTableBuilder(Vocabulary vocabulary) {
    for (ProcState s : ProcState.values()) stateNames[s.ordinal()] = vocabulary.procState(s.ordinal());
  }

  @Override public void onEvent(TraceEvent ev) {
    if (syncTs == 0) syncTs = ev.time();
    if (ev.kind() == EventKind.SYNC) {
      syncTs = ev.time();
      return;
    }
    if (ev.kind() != EventKind.STATE_TRANSITION || ev.resourceKind() != ResourceKind.PROC
        || ev.fromState() == ev.toState()) {
      return;
    }
    long p = ev.resourceId();
    Integer row = open.remove(p);
    if (row != null) {
      dur.set(row, ev.time() - ts.get(row));
      endEventId.set(row, ev.index());
    }
    int to = ev.toState();
    if (to != ProcState.RUNNING.ordinal() && to != ProcState.IDLE.ordinal()) return;
    open.put(p, procId.add(p));
    state.add(stateNames[to]);
    ts.add(ev.fromState() == ProcState.UNDETERMINED.ordinal() ? syncTs : ev.time());
    dur.addNull();
    threadId.addId(ev.thread());
    eventId.add(ev.index());
    endEventId.addNull();
  }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, procId.size(), ColumnWriter.bigint(procId), ColumnWriter.int32(state),
        context.time(ts), ColumnWriter.bigint(dur), ColumnWriter.bigint(threadId), ColumnWriter.bigint(eventId),
        ColumnWriter.bigint(endEventId));
  }
}
