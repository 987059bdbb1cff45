package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.MAY;
import static dev.gotrace.core.order.Ordering.MUST;
import static dev.gotrace.core.order.Ordering.MUST_NOT;
import static dev.gotrace.core.order.Ordering.NONE;

import dev.gotrace.core.event.GoState;
import dev.gotrace.core.wire.EventType;

/** Handlers for goroutine lifecycle events: status, create, start, stop/block/destroy, unblock, switch. */
final class GoroutineHandlers {
  private GoroutineHandlers() {}

  static boolean advanceGoStatus(Ordering o, BaseEvent ev) {
    long gid = ev.args[0];
    long mid = ev.args[1];
    int status = (int) (ev.args[2] & 0xff);
    if (status > EventType.GO_WAITING) throw o.error(ev, "invalid status for goroutine " + gid + ": " + status);
    int oldState = Ordering.goState(status);
    GState s = o.gStates.get(gid);
    if (s != null) {
      if (s.status != status) {
        throw o.error(ev, "inconsistent status for goroutine " + gid + ": old "
            + EventType.goStatusName(s.status) + " vs. new " + EventType.goStatusName(status));
      }
      s.seqGen = o.gen;
      s.seq = 0;
    } else if (o.gen == o.initialGen) {
      o.gStates.put(gid, new GState(gid, status, o.gen));
      oldState = GoState.UNDETERMINED.ordinal();
    } else {
      throw o.error(ev, "found goroutine status for new goroutine after the first generation: id=" + gid
          + " status=" + EventType.goStatusName(status));
    }
    ev.fromState = oldState;

    long m = o.curM;
    long g = o.curG;
    if (status == EventType.GO_RUNNING) {
      o.newG = gid;
    } else if (status == EventType.GO_SYSCALL) {
      if (mid == NONE) throw o.error(ev, "found goroutine " + gid + " in syscall without a thread");
      if (mid == o.curM) {
        if (o.gen != o.initialGen && o.curG != gid) {
          throw o.error(ev, "inconsistent thread for syscalling goroutine " + gid + ": thread has goroutine "
              + o.curG);
        }
        o.newG = gid;
      } else {
        // A goroutine sitting in a syscall on another thread for the whole generation.
        MState ms = o.mStates.get(mid);
        if (ms != null) {
          if (ms.g != gid) {
            throw o.error(ev, "inconsistent thread for syscalling goroutine " + gid + ": thread has goroutine "
                + ms.g);
          }
          g = ms.g;
        } else {
          o.mStates.put(mid, new MState(gid, NONE));
        }
        m = mid;
      }
    }
    o.queue.push(ev, m, o.curP, g);
    return true;
  }

  static boolean advanceGoCreate(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MUST, MAY);
    GState creator = o.gStates.get(o.curG);
    if (creator != null && creator.status != EventType.GO_RUNNING) {
      throw o.error(ev, o.evName(ev.type) + " event for goroutine that's not Running");
    }
    long newId = ev.args[0];
    if (o.gStates.get(newId) != null) {
      throw o.error(ev, "tried to create goroutine (" + newId + ") that already exists");
    }
    int status = ev.type == EventType.GO_CREATE_BLOCKED ? EventType.GO_WAITING : EventType.GO_RUNNABLE;
    o.gStates.put(newId, new GState(newId, status, o.gen));
    o.emit(ev);
    return true;
  }

  /** GoStop, GoBlock and GoDestroy: the running goroutine leaves its thread. */
  static boolean advanceGoStopExec(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    GState state = running(o, ev);
    switch (ev.type) {
      case EventType.GO_DESTROY -> o.gStates.remove(o.curG);
      case EventType.GO_STOP -> state.status = EventType.GO_RUNNABLE;
      default -> state.status = EventType.GO_WAITING;
    }
    o.newG = NONE;
    o.emit(ev);
    return true;
  }

  /** The current goroutine's state, which must exist and be Running. */
  static GState running(Ordering o, BaseEvent ev) {
    GState state = o.gStates.get(o.curG);
    if (state == null) {
      throw o.error(ev, "event " + o.evName(ev.type) + " for goroutine (" + o.curG + ") that doesn't exist");
    }
    if (state.status != EventType.GO_RUNNING) {
      throw o.error(ev, o.evName(ev.type) + " event for goroutine that's not Running");
    }
    return state;
  }

  static boolean advanceGoStart(Ordering o, BaseEvent ev) {
    long gid = ev.args[0];
    long seq = ev.args[1];
    GState state = o.gStates.get(gid);
    if (state == null || state.status != EventType.GO_RUNNABLE
        || !Ordering.succeeds(o.gen, seq, state.seqGen, state.seq)) {
      return false;
    }
    o.require(ev, MUST, MUST, MUST_NOT);
    state.status = EventType.GO_RUNNING;
    state.seqGen = o.gen;
    state.seq = seq;
    o.newG = gid;
    o.emit(ev);
    return true;
  }

  static boolean advanceGoUnblock(Ordering o, BaseEvent ev) {
    long gid = ev.args[0];
    long seq = ev.args[1];
    GState state = o.gStates.get(gid);
    if (state == null || state.status != EventType.GO_WAITING
        || !Ordering.succeeds(o.gen, seq, state.seqGen, state.seq)) {
      return false;
    }
    state.status = EventType.GO_RUNNABLE;
    state.seqGen = o.gen;
    state.seq = seq;
    // Anything may unblock a goroutine (even sysmon), so the context is not checked.
    o.emit(ev);
    return true;
  }

  /**
   * GoSwitch and GoSwitchDestroy: unblock the target, block (or destroy) the current goroutine,
   * start the target. Queued as three events with the same time.
   */
  static boolean advanceGoSwitch(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    GState current = running(o, ev);
    long next = ev.args[0];
    long seq = ev.args[1];
    GState nextState = o.gStates.get(next);
    if (nextState == null || nextState.status != EventType.GO_WAITING
        || !Ordering.succeeds(o.gen, seq, nextState.seqGen, nextState.seq)) {
      return false;
    }
    o.emit(ev);
    if (ev.type == EventType.GO_SWITCH) {
      current.status = EventType.GO_WAITING;
      o.queue.push(EventType.GO_BLOCK, ev.time, o.curM, o.curP, o.curG, 0, 0, 0, 0, 0, ev.offset);
    } else {
      o.gStates.remove(o.curG);
      o.queue.push(EventType.GO_DESTROY, ev.time, o.curM, o.curP, o.curG, 0, 0, 0, 0, 0, ev.offset);
    }
    nextState.status = EventType.GO_RUNNING;
    nextState.seqGen = o.gen;
    nextState.seq = seq;
    o.newG = next;
    o.queue.push(EventType.GO_START, ev.time, o.curM, o.curP, NONE, next, seq, 0, 0, 0, ev.offset);
    return true;
  }
}
