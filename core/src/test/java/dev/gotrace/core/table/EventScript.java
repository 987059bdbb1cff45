package dev.gotrace.core.table;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceEventWriter;
import dev.gotrace.core.event.TraceSink;
import java.util.Arrays;

/**
 * Writes hand-made event sequences, the way the decoder fills its flyweight: one reused
 * {@link TraceEvent}, strings and stacks interned in the script's own pools. Context (M, P, G) is
 * set with {@link #on} and applies to the following events.
 */
final class EventScript {
  final StringPool strings = new StringPool();
  final StackTable stacks = new StackTable();
  private final TraceEventWriter ev = new TraceEventWriter();
  private TraceSink sink;
  private long index;
  private long generation = 1;
  private long syncs;
  private long m = -1;
  private long p = -1;
  private long g = -1;

  /** The sink receiving the events (set before the first event). */
  EventScript to(TraceSink sink) {
    this.sink = sink;
    return this;
  }

  /** Sets the execution context of the following events; -1 = none. */
  EventScript on(long thread, long proc, long goroutine) {
    m = thread;
    p = proc;
    g = goroutine;
    return this;
  }

  int str(String s) { return strings.intern(s); }

  /** Interns a stack of the given functions, leaf first (pc 0x1000 + depth, file f.go, line depth). */
  int stack(String... functions) {
    int n = functions.length;
    long[] pcs = new long[n];
    int[] funcs = new int[n];
    int[] files = new int[n];
    long[] lines = new long[n];
    for (int i = 0; i < n; i++) {
      pcs[i] = 0x1000 + i + 0x100L * Arrays.hashCode(functions);
      funcs[i] = str(functions[i]);
      files[i] = str("f.go");
      lines[i] = i + 1;
    }
    return stacks.intern(pcs, funcs, files, lines, n);
  }

  private TraceEventWriter next(EventKind kind, long t) {
    return ev.reset(index++, generation, kind, t, m, p, g);
  }

  private void emit() { sink.onEvent(ev.event()); }

  /** A Sync; starts a new generation unless it is the first. */
  EventScript sync(long t) {
    if (syncs++ > 0) generation++;
    ev.reset(index++, generation, EventKind.SYNC, t, -1, -1, -1).setSync(syncs);
    emit();
    return this;
  }

  EventScript go(long t, long goid, GoState from, GoState to) {
    return go(t, goid, from, to, "", 0, 0);
  }

  /** A goroutine transition with its reason, Event.Stack() and StateTransition().Stack. */
  EventScript go(long t, long goid, GoState from, GoState to, String reason, int stack, int transitionStack) {
    next(EventKind.STATE_TRANSITION, t)
        .setTransition(ResourceKind.GOROUTINE, goid, from.ordinal(), to.ordinal(), str(reason), transitionStack)
        .setStack(stack);
    emit();
    return this;
  }

  EventScript proc(long t, long procId, ProcState from, ProcState to) {
    next(EventKind.STATE_TRANSITION, t).setTransition(ResourceKind.PROC, procId, from.ordinal(), to.ordinal(), 0, 0);
    emit();
    return this;
  }

  EventScript regionBegin(long t, long task, String name, int stack) {
    next(EventKind.REGION_BEGIN, t).setRegion(task, str(name)).setStack(stack);
    emit();
    return this;
  }

  EventScript regionEnd(long t, long task, String name, int stack) {
    next(EventKind.REGION_END, t).setRegion(task, str(name)).setStack(stack);
    emit();
    return this;
  }

  EventScript taskBegin(long t, long id, long parent, String name) {
    next(EventKind.TASK_BEGIN, t).setTask(id, parent, str(name));
    emit();
    return this;
  }

  EventScript taskEnd(long t, long id, long parent, String name) {
    next(EventKind.TASK_END, t).setTask(id, parent, str(name));
    emit();
    return this;
  }

  EventScript log(long t, long task, String category, String message) {
    next(EventKind.LOG, t).setLog(task, str(category), str(message));
    emit();
    return this;
  }

  EventScript range(EventKind kind, long t, String name, ResourceKind scope, long scopeId, int stack) {
    next(kind, t).setRange(str(name), scope, scopeId).setStack(stack);
    emit();
    return this;
  }

  EventScript sweepEnd(long t, long proc, long swept, long reclaimed) {
    next(EventKind.RANGE_END, t).setRange(str("GC incremental sweep"), ResourceKind.PROC, proc)
        .setSweepAttributes(swept, reclaimed);
    emit();
    return this;
  }

  EventScript metric(long t, String name, long value) {
    next(EventKind.METRIC, t).setMetric(str(name), value);
    emit();
    return this;
  }

  EventScript label(long t, long goid, String label) {
    next(EventKind.LABEL, t).setLabel(str(label), goid);
    emit();
    return this;
  }

  EventScript sample(long t, int stack) {
    next(EventKind.STACK_SAMPLE, t).setStack(stack);
    emit();
    return this;
  }
}
