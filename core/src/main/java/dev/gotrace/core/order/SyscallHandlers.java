package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.MAY;
import static dev.gotrace.core.order.Ordering.MUST;
import static dev.gotrace.core.order.Ordering.MUST_NOT;
import static dev.gotrace.core.order.Ordering.NONE;

import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.wire.EventType;

/** Handlers for syscalls and cgo callbacks (goroutines created and destroyed in a syscall). */
final class SyscallHandlers {
  private SyscallHandlers() {}

  static boolean advanceGoSyscallBegin(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    GState state = GoroutineHandlers.running(o, ev);
    state.status = EventType.GO_SYSCALL;
    PState p = o.pStates.get(o.curP);
    if (p == null) throw o.error(ev, "uninitialized proc " + o.curP + " found during " + o.evName(ev.type));
    p.status = EventType.PROC_SYSCALL;
    // The P sequence number tells which syscall a later ProcSteal belongs to; on a running P it
    // must line up now.
    long seq = ev.args[0];
    if (!Ordering.succeeds(o.gen, seq, p.seqGen, p.seq)) {
      throw o.error(ev, "failed to advance " + o.evName(ev.type) + ": can't make sequence: "
          + Ordering.seqString(p.seq, p.seqGen) + " -> " + Ordering.seqString(seq, o.gen));
    }
    p.seqGen = o.gen;
    p.seq = seq;
    o.emit(ev);
    return true;
  }

  static boolean advanceGoSyscallEnd(Ordering o, BaseEvent ev) {
    o.requireUserGoroutine(ev);
    GState state = inSyscall(o, ev, "Running");
    state.status = EventType.GO_RUNNING;
    PState p = o.pStates.get(o.curP);
    if (p == null) throw o.error(ev, "uninitialized proc " + o.curP + " found during " + o.evName(ev.type));
    if (p.status != EventType.PROC_SYSCALL) {
      throw o.error(ev, "expected proc " + o.curP + " in state Syscall, but got "
          + EventType.procStatusName(p.status) + " instead");
    }
    p.status = EventType.PROC_RUNNING;
    o.emit(ev);
    return true;
  }

  static boolean advanceGoSyscallEndBlocked(Ordering o, BaseEvent ev) {
    // Wait until the P this thread held in the syscall was stopped or stolen.
    if (o.curP != NONE) {
      PState p = o.pStates.get(o.curP);
      if (p == null) throw o.error(ev, "uninitialized proc " + o.curP + " found during " + o.evName(ev.type));
      if (p.status == EventType.PROC_SYSCALL) return false;
    }
    o.require(ev, MUST, MAY, MUST);
    GState state = inSyscall(o, ev, "Running");
    o.newG = NONE;
    state.status = EventType.GO_RUNNABLE;
    o.emit(ev);
    return true;
  }

  static boolean advanceGoCreateSyscall(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MAY, MUST_NOT);
    long newId = ev.args[0];
    if (o.gStates.get(newId) != null) {
      throw o.error(ev, "tried to create goroutine (" + newId + ") in syscall that already exists");
    }
    o.gStates.put(newId, new GState(newId, EventType.GO_SYSCALL, o.gen));
    o.newG = newId;
    o.emit(ev);
    return true;
  }

  /**
   * A cgo-callback goroutine disappears. If the thread still holds a P, that P is abandoned
   * (the thread id may be reused) and a self-ProcSteal is queued before the event.
   */
  static boolean advanceGoDestroySyscall(Ordering o, BaseEvent ev) {
    o.require(ev, MUST, MAY, MUST);
    inSyscall(o, ev, "Syscall");
    o.gStates.remove(o.curG);
    o.newG = NONE;
    if (o.curP != NONE) {
      PState p = o.pStates.get(o.curP);
      if (p == null) throw o.error(ev, "found invalid proc " + o.curP + " during " + o.evName(ev.type));
      if (p.status != EventType.PROC_SYSCALL) {
        throw o.error(ev, "proc " + o.curP + " in unexpected state " + EventType.procStatusName(p.status)
            + " during " + o.evName(ev.type));
      }
      p.status = EventType.PROC_SYSCALL_ABANDONED;
      o.newP = NONE;
      o.queue.push(EventType.PROC_STEAL, ev.time, o.curM, o.curP, o.curG, o.curP, 0, 0, 0,
          ProcState.RUNNING.ordinal(), ev.offset);
    }
    o.emit(ev);
    return true;
  }

  /** The current goroutine's state, which must be in a syscall ({@code stateName} is Go's wording). */
  private static GState inSyscall(Ordering o, BaseEvent ev, String stateName) {
    GState state = o.gStates.get(o.curG);
    if (state == null) {
      throw o.error(ev, "event " + o.evName(ev.type) + " for goroutine (" + o.curG + ") that doesn't exist");
    }
    if (state.status != EventType.GO_SYSCALL) {
      throw o.error(ev, o.evName(ev.type) + " event for goroutine that's not " + stateName);
    }
    return state;
  }
}
