package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.MAY;
import static dev.gotrace.core.order.Ordering.MUST;

import dev.gotrace.core.wire.EventType;

/** Handlers for ranges bound to a P (sweep) or a goroutine (STW, mark assist). */
final class RangeHandlers {
  private RangeHandlers() {}

  static boolean advanceGCSweepBegin(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MUST, MAY);
    check(o, ev, currentProc(o, ev).beginRange(RangeSet.rangeType(ev.type), 0));
    o.emit(ev);
    return true;
  }

  static boolean advanceGCSweepActive(Ordering o, BaseEvent ev) {
    long pid = ev.args[0];
    // Usually the current P, but like mark assists it may name any P.
    PState p = o.pStates.get(pid);
    if (p == null) throw o.error(ev, "encountered GCSweepActive for unknown proc " + pid);
    check(o, ev, p.activeRange(RangeSet.rangeType(ev.type), 0, o.gen == o.initialGen));
    o.emit(ev);
    return true;
  }

  static boolean advanceGCSweepEnd(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MUST, MAY);
    if (currentProc(o, ev).endRange(ev.type) == RangeSet.NOT_IN_FLIGHT) {
      throw o.error(ev, RangeSet.notInFlight(ev.type));
    }
    o.emit(ev);
    return true;
  }

  /** STWBegin and GCMarkAssistBegin. */
  static boolean advanceGoRangeBegin(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    long desc = ev.type == EventType.STW_BEGIN ? ev.args[0] : 0;
    check(o, ev, currentGoroutine(o, ev).beginRange(RangeSet.rangeType(ev.type), desc));
    o.emit(ev);
    return true;
  }

  /** GCMarkAssistActive: may name a goroutine that is not running, so the context is not checked. */
  static boolean advanceGoRangeActive(Ordering o, BaseEvent ev) {
    long gid = ev.args[0];
    GState g = o.gStates.get(gid);
    if (g == null) throw o.error(ev, "uninitialized goroutine " + gid + " found during " + o.evName(ev.type));
    check(o, ev, g.activeRange(RangeSet.rangeType(ev.type), 0, o.gen == o.initialGen));
    o.emit(ev);
    return true;
  }

  /** STWEnd and GCMarkAssistEnd; STWEnd gets its begin's kind string id in its first argument. */
  static boolean advanceGoRangeEnd(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    long desc = currentGoroutine(o, ev).endRange(ev.type);
    if (desc == RangeSet.NOT_IN_FLIGHT) throw o.error(ev, RangeSet.notInFlight(ev.type));
    if (ev.type == EventType.STW_END) ev.args[0] = desc;
    o.emit(ev);
    return true;
  }

  private static PState currentProc(Ordering o, BaseEvent ev) {
    PState p = o.pStates.get(o.curP);
    if (p == null) throw o.error(ev, "uninitialized proc " + o.curP + " found during " + o.evName(ev.type));
    return p;
  }

  private static GState currentGoroutine(Ordering o, BaseEvent ev) {
    GState g = o.gStates.get(o.curG);
    if (g == null) {
      throw o.error(ev, "encountered event of type " + ev.type + " without known state for current goroutine "
          + o.curG);
    }
    return g;
  }

  private static void check(Ordering o, BaseEvent ev, String error) {
    if (error != null) throw o.error(ev, error);
  }
}
