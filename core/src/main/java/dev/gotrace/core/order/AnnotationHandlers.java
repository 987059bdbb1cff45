package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.MAY;
import static dev.gotrace.core.order.Ordering.MUST;

import dev.gotrace.core.util.LongIntMap;

/** Handlers for instantaneous events: metrics, labels, logs, tasks, regions, experimental events. */
final class AnnotationHandlers {
  private AnnotationHandlers() {}

  /** ProcsChange, GoLabel, UserLog: need a running goroutine. */
  static boolean advanceAnnotation(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }

  /** HeapAlloc, HeapGoal: need a P but not a goroutine. */
  static boolean advanceHeapMetric(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MUST, MAY);
    o.emit(ev);
    return true;
  }

  /** Experimental events: need only a thread. */
  static boolean advanceAllocFree(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MAY, MAY);
    o.emit(ev);
    return true;
  }

  /**
   * A task may end without a begin and end several times; only a begin of an active id is an
   * error. A parent of 0 means no parent and becomes {@link Ordering#NO_TASK}.
   */
  static boolean advanceUserTaskBegin(Ordering o, BaseEvent ev) {
    long id = ev.args[0];
    if (o.activeTasks.get(id) != null) throw o.error(ev, "task ID conflict: " + Long.toUnsignedString(id));
    long parent = ev.args[1];
    if (parent == 0) {
      parent = Ordering.NO_TASK;
      ev.args[1] = Ordering.NO_TASK;
    }
    int name = name(o, ev, ev.args[2]);
    o.activeTasks.put(id, new TaskState(name, parent));
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }

  /** Passes the begin's parent and name on with the end ({@link BaseEvent#setTaskEndBegin}). */
  static boolean advanceUserTaskEnd(Ordering o, BaseEvent ev) {
    long id = ev.args[0];
    TaskState task = o.activeTasks.get(id);
    if (task != null) {
      BaseEvent.setTaskEndBegin(ev.args, task.parent(), task.name());
      o.activeTasks.remove(id);
    } else {
      BaseEvent.setTaskEndBegin(ev.args, Ordering.NO_TASK, 0);
    }
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }

  static boolean advanceUserRegionBegin(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    long task = ev.args[0];
    int name = name(o, ev, ev.args[1]);
    GState g = o.gStates.get(o.curG);
    if (g == null) {
      throw o.error(ev, "encountered EvUserRegionBegin without known state for current goroutine " + o.curG);
    }
    g.beginRegion(task, name);
    o.emit(ev);
    return true;
  }

  static boolean advanceUserRegionEnd(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    long task = ev.args[0];
    int name = name(o, ev, ev.args[1]);
    GState g = o.gStates.get(o.curG);
    if (g == null) {
      throw o.error(ev, "encountered EvUserRegionEnd without known state for current goroutine " + o.curG);
    }
    if (!g.endRegion(task, name)) {
      throw o.error(ev, "misuse of region in goroutine " + g.id + ": region end {" + Long.toUnsignedString(task) + " "
          + o.strings.pool().get(name) + "} when the inner-most active region start event is {"
          + Long.toUnsignedString(g.innermostRegionTask()) + " " + o.strings.pool().get(g.innermostRegionName()) + "}");
    }
    o.emit(ev);
    return true;
  }

  /** Resolves a name string id of the current generation to its StringPool id. */
  private static int name(Ordering o, BaseEvent ev, long id) {
    int name = o.strings.lookup(id);
    if (name == LongIntMap.MISSING) {
      throw o.error(ev, "invalid string ID " + Long.toUnsignedString(id) + " for " + ev.type + " event");
    }
    return name;
  }
}
