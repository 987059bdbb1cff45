package dev.gotrace.core.table;

import dev.gotrace.core.util.LongObjectMap;
import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.int32;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code goroutine_states}: the intervals of each goroutine's life, cut where Go's goroutine summary
 * ({@code internal/trace/summary.go}) moves time from one statistic to another, with the columns
 * needed to recompute that summary exactly in SQL. The summary's syscall bookkeeping (which P a
 * syscalling goroutine holds, when that P goes idle) is replayed as Go does it, quirks included.
 */
final class GoroutineStatesTableBuilder implements TableBuilder {
  static final String NAME = "goroutine_states";
  static final Schema SCHEMA = Fields.schema(
      "One row per interval a goroutine spent in one state. The rows of one goroutine incarnation tile its life "
          + "without gaps or overlaps, from goroutines.create_ts on; transitions from a state to itself (status events "
          + "of later generations) do not cut intervals. A goroutine first reported by a status event in the first "
          + "generation starts at that generation's Sync, in the reported state: Go's summary credits that time to it. "
          + "Per goroutine (last incarnation), Go's summary is: exec_time = SUM of running rows; sched_wait_time = "
          + "SUM of runnable rows plus, for a syscall row still open at trace end with syscall_block_ts set, "
          + "trace end - syscall_block_ts (Go's quirk); syscall_time = for closed syscall rows COALESCE(syscall_block_ts, "
          + "ts + dur) - ts, for open ones trace end - ts (the whole, Go's quirk); syscall_block_time = for closed "
          + "syscall rows ts + dur - syscall_block_ts; block_time_by_reason = SUM of waiting rows by reason, except "
          + "reason 'forever' (Go ends the goroutine there). Open rows (dur NULL) last until trace end = "
          + "trace_info.duration_ns.",
      bigint("goid", false, "Goroutine id (joins goroutines.goid)."),
      int32("incarnation", false, "Which creation of this goroutine id the row belongs to (1 = first); only reused cgo-callback goroutine ids have more than one. goroutines describes the last."),
      string("state", false, "running, runnable, waiting or syscall ('undetermined' is never produced: Go credits the time before a goroutine's first status event to the reported state)."),
      bigint("ts", false, "Start of the interval (ns since trace start)."),
      bigint("dur", true, "Length in ns; NULL if still open at trace end (see end_reason)."),
      string("reason", false, "Reason of the transition into the state, exactly as Go reports it ('' when none, e.g. for status events and GoStart); e.g. 'chan receive', 'preempted'."),
      bigint("stack_id", true, "Go's Event.Stack() of the transition into the state (GoBlock: own stack; GoUnblock: the unblocker's; GoCreate: the creator's); NULL if none."),
      bigint("end_stack_id", true, "Go's Event.Stack() of the transition that ended the interval; NULL if none or still open."),
      bigint("proc_id", true, "P of the context of the transition into the state; NULL if none."),
      bigint("thread_id", true, "M (OS thread) of the context of the transition into the state; NULL if none."),
      bigint("entered_by_goid", true, "Goroutine in whose context the transition into the state ran (e.g. the unblocker, the creator, itself); NULL if none."),
      bigint("event_id", false, "Event that entered the state (joins events.event_id); for a goroutine reported by a status event, that status event."),
      bigint("end_event_id", true, "Event that ended the interval; NULL if still open."),
      bigint("syscall_block_ts", true, "syscall rows only: when Go's summary considers the syscall blocked, i.e. the P the goroutine entered the syscall with went idle or was stolen (per Go's syscallingP bookkeeping, which misses some cases exactly as Go does); time from here to the end is Go's syscall_block_time. NULL if the syscall kept its P."),
      string("end_reason", false, "'transition' (a state transition ended it), 'trace_end' (still open: dur NULL), or 'status': the first of the two syscall rows of a goroutine first reported in a syscall without a P, ending at that status event (Go counts the time before it as syscall block time, the time after it as syscall time)."));

  /** Per goroutine id: the summary's private state for the current incarnation. */
  private static final class Life {
    final int incarnation;
    int openRow = -1;
    long lastSyscallTime;
    long lastSyscallBlockTime;

    Life(int incarnation) { this.incarnation = incarnation; }
  }

  private final int forever;
  private final int[] stateNames = new int[GoState.values().length];
  private final int transitionEnd;
  private final int traceEnd;
  private final int statusEnd;
  private final LongObjectMap<Life> lives = new LongObjectMap<>();
  /** Go's syscallingP (P → goid) and syscallingG (goid → P). */
  private final Map<Long, Long> syscallingP = new HashMap<>();
  private final Map<Long, Long> syscallingG = new HashMap<>();
  private long syncTs;

  private final LongColumn goid = new LongColumn();
  private final IntColumn incarnation = new IntColumn();
  private final IntColumn state = new IntColumn();
  private final LongColumn ts = new LongColumn();
  private final LongColumn dur = new LongColumn();
  private final IntColumn reason = new IntColumn();
  private final LongColumn stackId = new LongColumn();
  private final LongColumn endStackId = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn enteredBy = new LongColumn();
  private final LongColumn eventId = new LongColumn();
  private final LongColumn endEventId = new LongColumn();
  private final LongColumn syscallBlockTs = new LongColumn();
  private final IntColumn endReason = new IntColumn();

  GoroutineStatesTableBuilder(Vocabulary vocabulary) {
    this.forever = vocabulary.intern("forever");
    for (GoState s : GoState.values()) stateNames[s.ordinal()] = vocabulary.goState(s.ordinal());
    this.transitionEnd = vocabulary.intern("transition");
    this.traceEnd = vocabulary.intern("trace_end");
    this.statusEnd = vocabulary.intern("status");
  }

  @Override public void onEvent(TraceEvent ev) {
    if (syncTs == 0) syncTs = ev.time();
    if (ev.kind() == EventKind.SYNC) {
      syncTs = ev.time();
    } else if (ev.kind() == EventKind.STATE_TRANSITION && ev.fromState() != ev.toState()) {
      if (ev.resourceKind() == ResourceKind.GOROUTINE) goroutineTransition(ev);
      else if (ev.resourceKind() == ResourceKind.PROC && ev.toState() == ProcState.IDLE.ordinal()) procIdle(ev);
    }
  }

  private void goroutineTransition(TraceEvent ev) {
    long id = ev.resourceId();
    long t = ev.time();
    int from = ev.fromState();
    int to = ev.toState();
    Life life = lives.get(id);
    if (from == GoState.UNDETERMINED.ordinal() || from == GoState.NOT_EXIST.ordinal()) {
      life = new Life(life == null ? 1 : life.incarnation + 1);
      lives.put(id, life);
      if (reportedInSyscallWithoutP(ev) && t > syncTs) {
        // Go credits the time before the status as syscall block time, the time after as syscall time.
        int row = open(id, life, ev, syncTs);
        syscallBlockTs.set(row, syncTs);
        close(life, ev, statusEnd);
      }
    } else if (life == null) {
      return; // Go's reader never leaves a state of a goroutine it has not reported.
    } else {
      int row = life.openRow;
      if (from == GoState.SYSCALL.ordinal() && life.lastSyscallTime != 0) {
        if (life.lastSyscallBlockTime != 0 && row >= 0) syscallBlockTs.set(row, life.lastSyscallBlockTime);
        life.lastSyscallTime = 0;
        life.lastSyscallBlockTime = 0;
        // Go deletes syscallingP[syscallingG[g]] (P 0 if absent), even if that P now belongs to another goroutine.
        syscallingP.remove(syscallingG.getOrDefault(id, 0L));
        syscallingG.remove(id);
      }
      if (row >= 0) close(life, ev, transitionEnd);
    }
    if (to == GoState.NOT_EXIST.ordinal()) {
      life.lastSyscallTime = 0;
      life.lastSyscallBlockTime = 0;
      return;
    }
    if (to == GoState.WAITING.ordinal() && ev.reasonId() == forever) {
      life.lastSyscallTime = 0;
      life.lastSyscallBlockTime = 0;
    } else if (to == GoState.SYSCALL.ordinal()) {
      syscallingP.put(ev.proc(), id);
      syscallingG.put(id, ev.proc());
      life.lastSyscallTime = t;
    }
    open(id, life, ev, openedRowStart(ev, syncTs));
  }

  /**
   * Start of the row a goroutine transition {@code ev} opens (absolute): the event's time, except
   * that a goroutine first reported by a status event starts at that generation's Sync
   * ({@code syncTs}), as Go's summary credits it, unless it is reported in a syscall without a P,
   * whose time before the status is a separate row.
   */
  static long openedRowStart(TraceEvent ev, long syncTs) {
    return ev.fromState() == GoState.UNDETERMINED.ordinal() && !reportedInSyscallWithoutP(ev) ? syncTs : ev.time();
  }

  private static boolean reportedInSyscallWithoutP(TraceEvent ev) {
    return ev.fromState() == GoState.UNDETERMINED.ordinal() && ev.toState() == GoState.SYSCALL.ordinal() && ev.proc() < 0;
  }

  private void procIdle(TraceEvent ev) {
    Long g = syscallingP.remove(ev.resourceId());
    if (g != null) lives.get(g).lastSyscallBlockTime = ev.time();
  }

  private int open(long id, Life life, TraceEvent ev, long start) {
    int row = goid.add(id);
    incarnation.add(life.incarnation);
    state.add(stateNames[ev.toState()]);
    ts.add(start);
    dur.addNull();
    reason.add(ev.reasonId());
    stackId.addStack(ev.stackId());
    endStackId.addNull();
    procId.addId(ev.proc());
    threadId.addId(ev.thread());
    enteredBy.addId(ev.goroutine());
    eventId.add(ev.index());
    endEventId.addNull();
    syscallBlockTs.addNull();
    endReason.add(traceEnd);
    life.openRow = row;
    return row;
  }

  private void close(Life life, TraceEvent ev, int why) {
    int row = life.openRow;
    dur.set(row, ev.time() - ts.get(row));
    if (ev.stackId() != 0) endStackId.set(row, ev.stackId());
    endEventId.set(row, ev.index());
    endReason.set(row, why);
    life.openRow = -1;
  }

  /** Ends the stream: a syscall still open gets the syscall_block_ts Go's summary has for it. Idempotent. */
  void settle() {
    for (Life life : lives.values()) {
      if (life.openRow >= 0 && life.lastSyscallBlockTime != 0) {
        syscallBlockTs.set(life.openRow, life.lastSyscallBlockTime);
      }
    }
  }

  int rows() { return goid.size(); }

  long goid(int row) { return goid.get(row); }

  int incarnation(int row) { return incarnation.get(row); }

  boolean isState(int row, GoState s) { return state.get(row) == stateNames[s.ordinal()]; }

  /** Absolute start of interval {@code row}. */
  long startTime(int row) { return ts.get(row); }

  /** Absolute end of interval {@code row}, or {@code traceEnd} if it is still open. */
  long endTime(int row, long traceEnd) { return dur.isNull(row) ? traceEnd : ts.get(row) + dur.get(row); }

  boolean closed(int row) { return !dur.isNull(row); }

  /** String-pool id of the reason of the transition into the state. */
  int reason(int row) { return reason.get(row); }

  boolean isForever(int row) { return reason.get(row) == forever; }

  /** Absolute syscall_block_ts of row {@code row} (call {@link #settle()} first), or -1 if NULL. */
  long syscallBlockTime(int row) { return syscallBlockTs.isNull(row) ? -1 : syscallBlockTs.get(row); }

  @Override public TraceTable finish(TableContext context) {
    settle();
    return context.table(NAME, SCHEMA, goid.size(),
        ColumnWriter.bigint(goid), ColumnWriter.int32(incarnation), ColumnWriter.int32(state),
        context.time(ts), ColumnWriter.bigint(dur), ColumnWriter.int32(reason),
        ColumnWriter.bigint(stackId), ColumnWriter.bigint(endStackId), ColumnWriter.bigint(procId),
        ColumnWriter.bigint(threadId), ColumnWriter.bigint(enteredBy), ColumnWriter.bigint(eventId),
        ColumnWriter.bigint(endEventId), context.time(syscallBlockTs), ColumnWriter.int32(endReason));
  }
}
