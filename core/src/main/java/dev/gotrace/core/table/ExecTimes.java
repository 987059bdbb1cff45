package dev.gotrace.core.table;

import dev.gotrace.core.event.GoState;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time statistics of Go's GoroutineExecStats over a stretch of one goroutine's life, summed
 * from its goroutine_states rows by the rule goroutine_states documents. A stretch [from, to] is
 * what Go's summary measures as snapshot(to) - snapshot(from): the whole life for a goroutine, a
 * region's span for a region. {@code from} is never inside a syscall (a region begins while its
 * goroutine runs, or at its creation), so only {@code to} can see a syscall in progress, which Go's
 * snapshot counts whole as syscall time and, after its P was lost, also as sched wait.
 */
final class ExecTimes {
  long exec;
  long schedWait;
  long syscall;
  long syscallBlock;
  long block;
  /** Block time by reason (string-pool id), for each reason of a wait within the stretch. */
  final Map<Integer, long[]> byReason = new TreeMap<>();

  /** Adds {@code row} of {@code states} clipped to [from, to]; open rows last until {@code traceEnd}. */
  void add(GoroutineStatesTableBuilder states, int row, long from, long to, long traceEnd) {
    long start = states.startTime(row);
    long end = states.endTime(row, traceEnd);
    long lo = Math.max(start, from);
    long hi = Math.min(end, to);
    if (hi < lo) return;
    long length = hi - lo;
    if (states.isState(row, GoState.RUNNING)) {
      exec += length;
    } else if (states.isState(row, GoState.RUNNABLE)) {
      schedWait += length;
    } else if (states.isState(row, GoState.WAITING)) {
      if (states.isForever(row)) return; // Go ends the goroutine there
      block += length;
      byReason.computeIfAbsent(states.reason(row), k -> new long[1])[0] += length;
    } else if (states.isState(row, GoState.SYSCALL)) {
      long blocked = states.syscallBlockTime(row);
      if (!states.closed(row) || end > to) {
        syscall += length;
        if (blocked >= 0 && blocked <= to) schedWait += to - blocked; // Go's quirk for a syscall in progress
      } else if (blocked >= 0) {
        syscall += Math.max(0, Math.min(blocked, hi) - lo);
        syscallBlock += Math.max(0, hi - Math.max(blocked, lo));
      } else {
        syscall += length;
      }
    }
  }

  /** Go's UnknownTime: what {@code total} leaves after the five times, if positive. */
  long unknown(long total) {
    return Math.max(0, total - (exec + schedWait + syscall + syscallBlock + block));
  }
}
