package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.GC_NOT_RUNNING;
import static dev.gotrace.core.order.Ordering.GC_RUNNING;
import static dev.gotrace.core.order.Ordering.GC_UNDETERMINED;

/**
 * Handlers for the GC mark phase, a global range ordered by its own sequence number because its
 * begin and end may be written by different threads.
 */
final class GcHandlers {
  private GcHandlers() {}

  static boolean advanceGCActive(Ordering o, BaseEvent ev) {
    long seq = ev.args[0];
    if (o.gen == o.initialGen) {
      if (o.gcState != GC_UNDETERMINED) throw o.error(ev, "GCActive in the first generation isn't first GC event");
      o.gcSeq = seq;
      o.gcState = GC_RUNNING;
      o.emit(ev);
      return true;
    }
    if (seq != o.gcSeq + 1) return false;
    if (o.gcState != GC_RUNNING) throw o.error(ev, "encountered GCActive while GC was not in progress");
    o.gcSeq = seq;
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }

  static boolean advanceGCBegin(Ordering o, BaseEvent ev) {
    long seq = ev.args[0];
    if (o.gcState == GC_UNDETERMINED) {
      o.gcSeq = seq;
      o.gcState = GC_RUNNING;
      o.emit(ev);
      return true;
    }
    if (seq != o.gcSeq + 1) return false;
    if (o.gcState == GC_RUNNING) throw o.error(ev, "encountered GCBegin while GC was already in progress");
    o.gcSeq = seq;
    o.gcState = GC_RUNNING;
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }

  static boolean advanceGCEnd(Ordering o, BaseEvent ev) {
    long seq = ev.args[0];
    if (seq != o.gcSeq + 1) return false;
    if (o.gcState == GC_NOT_RUNNING) throw o.error(ev, "encountered GCEnd when GC was not in progress");
    if (o.gcState == GC_UNDETERMINED) throw o.error(ev, "encountered GCEnd when GC was in an undetermined state");
    o.gcSeq = seq;
    o.gcState = GC_NOT_RUNNING;
    o.requireUserGoroutine(ev);
    o.emit(ev);
    return true;
  }
}
