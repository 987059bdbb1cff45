package dev.gotrace.core.order;

import static dev.gotrace.core.order.Ordering.MAY;
import static dev.gotrace.core.order.Ordering.MUST;
import static dev.gotrace.core.order.Ordering.MUST_NOT;
import static dev.gotrace.core.order.Ordering.NONE;

import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.wire.EventType;

/** Handlers for P events: status, start, stop, steal. */
final class ProcHandlers {
  private ProcHandlers() {}

  static boolean advanceProcStatus(Ordering o, BaseEvent ev) {
    long pid = ev.args[0];
    int status = (int) (ev.args[1] & 0xff);
    if (status > EventType.PROC_SYSCALL_ABANDONED) {
      throw o.error(ev, "invalid status for proc " + pid + ": " + status);
    }
    int oldState = Ordering.procState(status);
    PState s = o.pStates.get(pid);
    if (s != null) {
      if (status == EventType.PROC_SYSCALL_ABANDONED && s.status == EventType.PROC_SYSCALL) {
        // A P in a syscall that is about to be stolen: nothing was lost, promote to Syscall.
        oldState = ProcState.RUNNING.ordinal();
        ev.args[1] = EventType.PROC_SYSCALL;
      } else if (status == EventType.PROC_SYSCALL_ABANDONED && s.status == EventType.PROC_SYSCALL_ABANDONED) {
        oldState = ProcState.IDLE.ordinal();
        ev.args[1] = EventType.PROC_SYSCALL_ABANDONED;
      } else if (s.status != status) {
        throw o.error(ev, "inconsistent status for proc " + pid + ": old " + EventType.procStatusName(s.status)
            + " vs. new " + EventType.procStatusName(status));
      }
      s.seqGen = o.gen;
      s.seq = 0;
    } else {
      o.pStates.put(pid, new PState(pid, status, o.gen));
      oldState = o.gen == o.initialGen ? ProcState.UNDETERMINED.ordinal() : ProcState.NOT_EXIST.ordinal();
    }
    ev.fromState = oldState;

    if (status == EventType.PROC_RUNNING || status == EventType.PROC_SYSCALL) o.newP = pid;
    long m = o.curM;
    long p = o.curP;
    long g = o.curG;
    if (status == EventType.PROC_SYSCALL_ABANDONED && oldState == ProcState.RUNNING.ordinal()) {
      // Emit the Running->Running transition in the context of the thread the P is bound to.
      boolean found = false;
      for (int i = 0; i < o.mStates.capacity(); i++) {
        MState ms = o.mStates.valueAt(i);
        if (ms != null && ms.p == pid) {
          m = o.mStates.keyAt(i);
          p = pid;
          g = ms.g;
          found = true;
        }
      }
      if (!found) throw o.error(ev, "failed to find sched context for proc " + pid + " that's about to be stolen");
    }
    o.queue.push(ev, m, p, g);
    return true;
  }

  static boolean advanceProcStart(Ordering o, BaseEvent ev) {
    long pid = ev.args[0];
    long seq = ev.args[1];
    PState state = o.pStates.get(pid);
    if (state == null || state.status != EventType.PROC_IDLE
        || !Ordering.succeeds(o.gen, seq, state.seqGen, state.seq) || o.curP != NONE) {
      // Maybe the P's status or the event that freed it comes from another thread later.
      return false;
    }
    o.require(ev, MUST, MUST_NOT, MAY);
    state.status = EventType.PROC_RUNNING;
    state.seqGen = o.gen;
    state.seq = seq;
    o.newP = pid;
    o.emit(ev);
    return true;
  }

  static boolean advanceProcStop(Ordering o, BaseEvent ev) {
    PState state = o.pStates.get(o.curP);
    if (state == null) {
      throw o.error(ev, "event " + o.evName(ev.type) + " for proc (" + o.curP + ") that doesn't exist");
    }
    if (state.status != EventType.PROC_RUNNING && state.status != EventType.PROC_SYSCALL) {
      throw o.error(ev, o.evName(ev.type) + " event for proc that's not Running or Syscall");
    }
    o.require(ev, MUST, MUST, MAY);
    state.status = EventType.PROC_IDLE;
    o.newP = NONE;
    o.emit(ev);
    return true;
  }

  static boolean advanceProcSteal(Ordering o, BaseEvent ev) {
    long pid = ev.args[0];
    long seq = ev.args[1];
    PState state = o.pStates.get(pid);
    if (state == null
        || (state.status != EventType.PROC_SYSCALL && state.status != EventType.PROC_SYSCALL_ABANDONED)
        || !Ordering.succeeds(o.gen, seq, state.seqGen, state.seq)) {
      return false;
    }
    o.require(ev, MUST, MAY, MAY);
    int oldStatus = state.status;
    // Go's view treats an abandoned P as idle (as ProcStatus does), so no invalid transition shows.
    ev.fromState = oldStatus == EventType.PROC_SYSCALL_ABANDONED ? ProcState.IDLE.ordinal()
        : ProcState.RUNNING.ordinal();
    state.status = EventType.PROC_IDLE;
    state.seqGen = o.gen;
    state.seq = seq;
    if (oldStatus == EventType.PROC_SYSCALL_ABANDONED) {
      // The owning thread is unknown; leave threads alone.
      o.emit(ev);
      return true;
    }
    long mid = ev.args[2];
    if (mid == o.curM) {
      // Stealing from ourselves behaves like ProcStop.
      if (o.curP != pid) {
        throw o.error(ev, "tried to self-steal proc " + pid + " (thread " + mid + "), but got proc " + o.curP
            + " instead");
      }
      o.newP = NONE;
      o.emit(ev);
      return true;
    }
    MState victim = o.mStates.get(mid);
    if (victim == null) throw o.error(ev, "stole proc from non-existent thread " + mid);
    if (victim.p != pid) {
      throw o.error(ev, "tried to steal proc " + pid + " from thread " + mid + ", but got proc " + victim.p
          + " instead");
    }
    // The victim is leaving its syscall; it can advance once it has no P.
    victim.p = NONE;
    o.emit(ev);
    return true;
  }
}
