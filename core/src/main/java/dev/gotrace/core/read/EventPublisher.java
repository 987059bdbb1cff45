package dev.gotrace.core.read;

import static dev.gotrace.core.wire.EventType.*;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.ReaderNames;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceEventWriter;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.order.BaseEvent;
import dev.gotrace.core.order.Ordering;
import dev.gotrace.core.wire.EventSpecs;

/**
 * Turns Go's low-level events into the public view ({@link TraceEvent}) the way Go's
 * {@code Event} accessors interpret them (kind, metric and range names, transitions, stacks),
 * and hands them to the sink in order.
 */
final class EventPublisher {
  private static final EventKind[] KINDS = new EventKind[256];

  static {
    KINDS[CPU_SAMPLE] = EventKind.STACK_SAMPLE;
    KINDS[PROCS_CHANGE] = EventKind.METRIC;
    KINDS[HEAP_ALLOC] = EventKind.METRIC;
    KINDS[HEAP_GOAL] = EventKind.METRIC;
    for (int t : new int[] {PROC_START, PROC_STOP, PROC_STEAL, PROC_STATUS, GO_CREATE, GO_CREATE_SYSCALL, GO_START,
        GO_DESTROY, GO_DESTROY_SYSCALL, GO_STOP, GO_BLOCK, GO_UNBLOCK, GO_SYSCALL_BEGIN, GO_SYSCALL_END,
        GO_SYSCALL_END_BLOCKED, GO_STATUS, GO_SWITCH, GO_SWITCH_DESTROY, GO_CREATE_BLOCKED, GO_STATUS_STACK}) {
      KINDS[t] = EventKind.STATE_TRANSITION;
    }
    KINDS[STW_BEGIN] = EventKind.RANGE_BEGIN;
    KINDS[GC_BEGIN] = EventKind.RANGE_BEGIN;
    KINDS[GC_SWEEP_BEGIN] = EventKind.RANGE_BEGIN;
    KINDS[GC_MARK_ASSIST_BEGIN] = EventKind.RANGE_BEGIN;
    KINDS[GC_ACTIVE] = EventKind.RANGE_ACTIVE;
    KINDS[GC_SWEEP_ACTIVE] = EventKind.RANGE_ACTIVE;
    KINDS[GC_MARK_ASSIST_ACTIVE] = EventKind.RANGE_ACTIVE;
    KINDS[STW_END] = EventKind.RANGE_END;
    KINDS[GC_END] = EventKind.RANGE_END;
    KINDS[GC_SWEEP_END] = EventKind.RANGE_END;
    KINDS[GC_MARK_ASSIST_END] = EventKind.RANGE_END;
    KINDS[GO_LABEL] = EventKind.LABEL;
    KINDS[USER_TASK_BEGIN] = EventKind.TASK_BEGIN;
    KINDS[USER_TASK_END] = EventKind.TASK_END;
    KINDS[USER_REGION_BEGIN] = EventKind.REGION_BEGIN;
    KINDS[USER_REGION_END] = EventKind.REGION_END;
    KINDS[USER_LOG] = EventKind.LOG;
    for (int t = SPAN; t <= GOROUTINE_STACK_FREE; t++) KINDS[t] = EventKind.EXPERIMENTAL;
    KINDS[StreamEvent.SYNC] = EventKind.SYNC;
  }

  private final TraceSink sink;
  private final ReaderNames names;
  private final TraceEventWriter event = new TraceEventWriter();
  private final long[] experimentalArgs = new long[4];
  private final DerivedNames derived;
  private long index;

  /** Interns nothing: {@code derived} did that while the events were ordered. */
  EventPublisher(ReaderNames names, DerivedNames derived, TraceSink sink) {
    this.names = names;
    this.derived = derived;
    this.sink = sink;
  }

  /** Events delivered so far. */
  long count() { return index; }

  void publishSync(StreamEvent s) {
    TraceEventWriter e = event.reset(index++, s.gen, EventKind.SYNC, s.time, s.thread, s.proc, s.goroutine);
    e.setSync(s.syncNumber);
    if (s.hasClockSnapshot) {
      e.setClockSnapshot(s.snapshotTraceTime, s.snapshotWallSeconds, s.snapshotWallNanos, s.snapshotMono);
    }
    sink.onEvent(e.event());
  }

  /** One event outside a generation's buffer (a converted v1 event). */
  void publish(StreamEvent s) {
    TraceEventWriter e = event.reset(index++, s.gen, KINDS[s.type], s.time, s.thread, s.proc, s.goroutine);
    long[] a = s.args;
    details(e, s.type, s.proc, s.goroutine, a[0], a[1], a[2], a[3], s.fromState);
    sink.onEvent(e.event());
  }

  void publish(PendingEvents p) {
    long gen = p.gen();
    for (int i = 0; i < p.size(); i++) {
      long[] r = p.chunk(i / PendingEvents.CHUNK_ROWS);
      int at = (i % PendingEvents.CHUNK_ROWS) * PendingEvents.STRIDE;
      long head = r[at + PendingEvents.TYPE_AND_FROM_STATE];
      int type = PendingEvents.type(head);
      long proc = r[at + PendingEvents.PROC];
      long g = r[at + PendingEvents.GOROUTINE];
      TraceEventWriter e = event.reset(index++, gen, KINDS[type], r[at + PendingEvents.TIME], r[at + PendingEvents.THREAD],
          proc, g);
      int args = at + PendingEvents.ARGS;
      details(e, type, proc, g, r[args], r[args + 1], r[args + 2], r[args + 3], PendingEvents.fromState(head));
      sink.onEvent(e.event());
    }
  }

  private void details(TraceEventWriter e, int type, long p, long g, long a0, long a1, long a2, long a3, int from) {
    switch (type) {
      case CPU_SAMPLE -> e.setStack((int) a0);
      case PROCS_CHANGE -> e.setMetric(names.gomaxprocs, a0).setStack((int) a1);
      case HEAP_ALLOC -> e.setMetric(names.heapObjects, a0);
      case HEAP_GOAL -> e.setMetric(names.heapGoal, a0);
      case PROC_START -> proc(e, a0, procIdle(), procRunning());
      case PROC_STOP -> proc(e, p, procRunning(), procIdle());
      case PROC_STEAL -> proc(e, a0, from, procIdle());
      case PROC_STATUS -> proc(e, a0, from, Ordering.procState((int) (a1 & 0xff)));
      case GO_CREATE, GO_CREATE_BLOCKED -> {
        int to = type == GO_CREATE ? GoState.RUNNABLE.ordinal() : GoState.WAITING.ordinal();
        e.setTransition(ResourceKind.GOROUTINE, a0, GoState.NOT_EXIST.ordinal(), to, 0, (int) a1).setStack((int) a2);
      }
      case GO_CREATE_SYSCALL -> go(e, a0, GoState.NOT_EXIST, GoState.SYSCALL, 0, 0);
      case GO_START -> go(e, a0, GoState.RUNNABLE, GoState.RUNNING, 0, 0);
      case GO_DESTROY -> go(e, g, GoState.RUNNING, GoState.NOT_EXIST, 0, 0);
      case GO_DESTROY_SYSCALL -> go(e, g, GoState.SYSCALL, GoState.NOT_EXIST, 0, 0);
      case GO_STOP -> go(e, g, GoState.RUNNING, GoState.RUNNABLE, (int) a0, (int) a1).setStack((int) a1);
      case GO_BLOCK -> go(e, g, GoState.RUNNING, GoState.WAITING, (int) a0, (int) a1).setStack((int) a1);
      case GO_UNBLOCK -> go(e, a0, GoState.WAITING, GoState.RUNNABLE, 0, 0).setStack((int) a2);
      case GO_SWITCH, GO_SWITCH_DESTROY -> go(e, a0, GoState.WAITING, GoState.RUNNABLE, 0, 0);
      case GO_SYSCALL_BEGIN -> go(e, g, GoState.RUNNING, GoState.SYSCALL, 0, (int) a1).setStack((int) a1);
      case GO_SYSCALL_END -> go(e, g, GoState.SYSCALL, GoState.RUNNING, 0, 0);
      case GO_SYSCALL_END_BLOCKED -> go(e, g, GoState.SYSCALL, GoState.RUNNABLE, 0, 0);
      case GO_STATUS, GO_STATUS_STACK -> {
        int stack = type == GO_STATUS_STACK ? (int) a3 : 0;
        e.setTransition(ResourceKind.GOROUTINE, a0, from, Ordering.goState((int) (a2 & 0xff)), 0, stack)
            .setStack(stack);
      }
      case STW_BEGIN -> e.setRange((int) a0, ResourceKind.GOROUTINE, g).setStack((int) a1);
      case STW_END -> e.setRange((int) a0, ResourceKind.GOROUTINE, g);
      case GC_ACTIVE, GC_END -> e.setRange(names.markPhase, ResourceKind.NONE, -1);
      case GC_BEGIN -> e.setRange(names.markPhase, ResourceKind.NONE, -1).setStack((int) a1);
      case GC_SWEEP_ACTIVE -> e.setRange(names.sweep, ResourceKind.PROC, a0);
      case GC_SWEEP_BEGIN -> e.setRange(names.sweep, ResourceKind.PROC, p).setStack((int) a0);
      case GC_SWEEP_END -> e.setRange(names.sweep, ResourceKind.PROC, p).setSweepAttributes(a0, a1);
      case GC_MARK_ASSIST_ACTIVE -> e.setRange(names.markAssist, ResourceKind.GOROUTINE, a0);
      case GC_MARK_ASSIST_BEGIN -> e.setRange(names.markAssist, ResourceKind.GOROUTINE, g).setStack((int) a0);
      case GC_MARK_ASSIST_END -> e.setRange(names.markAssist, ResourceKind.GOROUTINE, g);
      case GO_LABEL -> e.setLabel((int) a0, g);
      case USER_TASK_BEGIN -> e.setTask(a0, a1, (int) a2).setStack((int) a3);
      case USER_TASK_END -> taskEnd(e, a0, a1, a2, a3);
      case USER_REGION_BEGIN, USER_REGION_END -> e.setRegion(a0, (int) a1).setStack((int) a2);
      case USER_LOG -> e.setLog(a0, (int) a1, (int) a2).setStack((int) a3);
      default -> experimental(e, type, a0, a1, a2, a3);
    }
  }

  private void experimental(TraceEventWriter e, int type, long a0, long a1, long a2, long a3) {
    experimentalArgs[0] = a0;
    experimentalArgs[1] = a1;
    experimentalArgs[2] = a2;
    experimentalArgs[3] = a3;
    e.setExperimental(derived.experimentalName(type), experimentalArgs, EventSpecs.get(type).argCount() - 1);
  }

  /**
   * A task end: its own task and stack, then its begin's parent and name in the slots {@link
   * BaseEvent#TASK_END_PARENT} and {@link BaseEvent#TASK_END_NAME}.
   */
  private static void taskEnd(TraceEventWriter e, long task, long stack, long parent, long name) {
    e.setTask(task, parent, (int) name).setStack((int) stack);
  }

  private static int procIdle() { return dev.gotrace.core.event.ProcState.IDLE.ordinal(); }

  private static int procRunning() { return dev.gotrace.core.event.ProcState.RUNNING.ordinal(); }

  private static TraceEventWriter proc(TraceEventWriter e, long id, int from, int to) {
    return e.setTransition(ResourceKind.PROC, id, from, to, 0, 0);
  }

  private static TraceEventWriter go(TraceEventWriter e, long id, GoState from, GoState to, int reason, int stack) {
    return e.setTransition(ResourceKind.GOROUTINE, id, from.ordinal(), to.ordinal(), reason, stack);
  }
}
