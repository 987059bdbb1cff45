package dev.gotrace.core.v1;

import static dev.gotrace.core.v1.V1EventType.*;

import dev.gotrace.core.format.TraceFormatException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Go's {@code postProcessTrace} ({@code tracev1/parser.go}): checks that Ps, goroutines, GC, STW,
 * sweeps, tasks and regions make sense in the merged order, and makes its two adjustments: GC
 * starts move to the fake GC P, and unblocks of a goroutine blocked on the network to the fake
 * netpoll P. Stack ids without a known non-empty stack become 0.
 */
final class V1Validator {
  private static final int G_DEAD = 0;
  private static final int G_RUNNABLE = 1;
  private static final int G_RUNNING = 2;
  private static final int G_WAITING = 3;

  private final V1Events ev;
  private final Map<Long, long[]> stacks;
  private final Map<Long, GDesc> gs = new HashMap<>();
  private final Map<Integer, PDesc> ps = new HashMap<>();

  V1Validator(V1Events events, Map<Long, long[]> stacks) {
    this.ev = events;
    this.stacks = stacks;
  }

  void validate(int[] order) {
    Set<Long> tasks = new HashSet<>();
    Map<Long, Deque<Integer>> activeRegions = new HashMap<>();
    GDesc g0 = new GDesc();
    g0.state = G_RUNNING;
    gs.put(0L, g0);
    boolean inGc = false;
    boolean inStw = false;
    for (int slot : order) {
      int type = ev.type(slot);
      long gid = ev.goroutine[slot];
      int pid = ev.proc[slot];
      switch (type) {
        case PROC_START -> {
          PDesc p = p(pid);
          if (p.running) throw fail(slot, "p " + pid + " is running before start");
          p.running = true;
        }
        case PROC_STOP -> {
          PDesc p = p(pid);
          if (!p.running) throw fail(slot, "p " + pid + " is not running before stop");
          if (p.g != 0) throw fail(slot, "p " + pid + " is running a goroutine " + p.g + " during stop");
          p.running = false;
        }
        case GC_START -> {
          if (inGc) throw fail(slot, "previous GC is not ended before a new one");
          inGc = true;
          ev.proc[slot] = V1Trace.GC_P;
        }
        case GC_DONE -> {
          if (!inGc) throw fail(slot, "bogus GC end");
          inGc = false;
        }
        case STW_START -> {
          if (inStw) throw fail(slot, "previous STW is not ended before a new one");
          inStw = true;
        }
        case STW_DONE -> {
          if (!inStw) throw fail(slot, "bogus STW end");
          inStw = false;
        }
        case GC_SWEEP_START -> {
          PDesc p = p(pid);
          if (p.sweeping) throw fail(slot, "previous sweeping is not ended before a new one");
          p.sweeping = true;
        }
        case GC_SWEEP_DONE -> {
          PDesc p = p(pid);
          if (!p.sweeping) throw fail(slot, "bogus sweeping end");
          p.sweeping = false;
        }
        case GC_MARK_ASSIST_START -> {
          GDesc g = g(gid);
          if (g.markAssist) throw fail(slot, "previous mark assist is not ended before a new one");
          g.markAssist = true;
        }
        case GC_MARK_ASSIST_DONE -> g(gid).markAssist = false;
        case GO_WAITING, GO_IN_SYSCALL -> {
          GDesc g = g(gid);
          if (g.state != G_RUNNABLE) {
            throw fail(slot, "g " + gid + " is not runnable before " + (type == GO_WAITING ? "EvGoWaiting" : "EvGoInSyscall"));
          }
          g.state = G_WAITING;
          g.ev = slot;
        }
        case GO_CREATE -> {
          checkRunning(slot, true);
          long child = ev.arg(slot, 0);
          if (gs.containsKey(child)) throw fail(slot, "g " + child + " already exists");
          GDesc c = new GDesc();
          c.state = G_RUNNABLE;
          c.ev = slot;
          gs.put(child, c);
        }
        case GO_START, GO_START_LABEL -> {
          GDesc g = g(gid);
          PDesc p = p(pid);
          if (g.state != G_RUNNABLE) throw fail(slot, "g " + gid + " is not runnable before start");
          if (p.g != 0) throw fail(slot, "p " + pid + " is already running g " + p.g + " while start g " + gid);
          g.state = G_RUNNING;
          p.g = gid;
          g.ev = -1;
        }
        case GO_END, GO_STOP -> {
          checkRunning(slot, false);
          g(gid).state = G_DEAD;
          p(pid).g = 0;
          if (type == GO_END) activeRegions.remove(gid);
        }
        case GO_SCHED, GO_PREEMPT -> {
          checkRunning(slot, false);
          GDesc g = g(gid);
          g.state = G_RUNNABLE;
          g.ev = slot;
          p(pid).g = 0;
        }
        case GO_UNBLOCK -> {
          GDesc g = gs.getOrDefault(gid, new GDesc());
          PDesc p = ps.getOrDefault(pid, new PDesc());
          if (g.state != G_RUNNING) throw fail(slot, "g " + gid + " is not running while unpark");
          if (pid != V1Trace.TIMER_P && p.g != gid) throw fail(slot, "p " + pid + " is not running g " + gid + " while unpark");
          long target = ev.arg(slot, 0);
          GDesc t = g(target);
          if (t.state != G_WAITING) throw fail(slot, "g " + target + " is not waiting before unpark");
          if (t.ev >= 0 && ev.type(t.ev) == GO_BLOCK_NET) ev.proc[slot] = V1Trace.NETPOLL_P;
          t.state = G_RUNNABLE;
          t.ev = slot;
        }
        case GO_SYSCALL -> {
          checkRunning(slot, false);
          g(gid).ev = slot;
        }
        case GO_SYS_BLOCK -> {
          checkRunning(slot, false);
          g(gid).state = G_WAITING;
          p(pid).g = 0;
        }
        case GO_SYS_EXIT -> {
          GDesc g = g(gid);
          if (g.state != G_WAITING) throw fail(slot, "g " + gid + " is not waiting during syscall exit");
          g.state = G_RUNNABLE;
          g.ev = slot;
        }
        case GO_SLEEP, GO_BLOCK, GO_BLOCK_SEND, GO_BLOCK_RECV, GO_BLOCK_SELECT, GO_BLOCK_SYNC, GO_BLOCK_COND,
            GO_BLOCK_NET, GO_BLOCK_GC -> {
          checkRunning(slot, false);
          GDesc g = g(gid);
          g.state = G_WAITING;
          g.ev = slot;
          p(pid).g = 0;
        }
        case USER_TASK_CREATE -> {
          long task = ev.arg(slot, 0);
          if (!tasks.add(task)) throw fail(slot, "task id conflicts (id:" + Long.toUnsignedString(task) + ")");
        }
        case USER_TASK_END -> tasks.remove(ev.arg(slot, 0));
        case USER_REGION -> region(slot, gid, activeRegions);
        default -> { }
      }
      int stack = ev.stack[slot];
      if (stack != 0 && !stacks.containsKey(stack & 0xffffffffL)) ev.stack[slot] = 0;
    }
  }

  private void region(int slot, long gid, Map<Long, Deque<Integer>> activeRegions) {
    long mode = ev.arg(slot, 1);
    if (mode == 0) {
      activeRegions.computeIfAbsent(gid, k -> new ArrayDeque<>()).push(slot);
    } else if (mode == 1) {
      Deque<Integer> regions = activeRegions.get(gid);
      if (regions == null || regions.isEmpty()) return;
      int start = regions.peek();
      if (ev.arg(start, 0) != ev.arg(slot, 0) || ev.arg(start, 2) != ev.arg(slot, 2)) {
        throw fail(slot, "misuse of region in goroutine " + gid);
      }
      regions.pop();
      if (regions.isEmpty()) activeRegions.remove(gid);
    } else {
      throw fail(slot, "invalid user region mode " + mode);
    }
  }

  private void checkRunning(int slot, boolean allowG0) {
    long gid = ev.goroutine[slot];
    int pid = ev.proc[slot];
    String name = name(ev.type(slot));
    GDesc g = gs.getOrDefault(gid, new GDesc());
    PDesc p = ps.getOrDefault(pid, new PDesc());
    if (g.state != G_RUNNING) throw fail(slot, "g " + gid + " is not running while " + name);
    if (p.g != gid) throw fail(slot, "p " + pid + " is not running g " + gid + " while " + name);
    if (!allowG0 && gid == 0) throw fail(slot, "g 0 did " + name);
  }

  /** The goroutine's record, created on first use as Go's map writes create it. */
  private GDesc g(long id) { return gs.computeIfAbsent(id, k -> new GDesc()); }

  private PDesc p(int id) { return ps.computeIfAbsent(id, k -> new PDesc()); }

  private TraceFormatException fail(int slot, String detail) {
    return new TraceFormatException(detail + " (time " + ev.time[slot] + ")", ev.offset[slot],
        TraceFormatException.NO_GENERATION);
  }

  private static final class GDesc {
    int state = G_DEAD;
    /** Slot of the event that last changed the goroutine's waiting reason, or -1. */
    int ev = -1;
    boolean markAssist;
  }

  private static final class PDesc {
    boolean running;
    long g;
    boolean sweeping;
  }
}
