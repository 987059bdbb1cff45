package dev.gotrace.core.analysis;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ReaderNames;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds mutator utilization functions from Go's event stream, with the semantics of Go 1.27's
 * {@code internal/trace.MutatorUtilizationV2} (gc.go), quirks included: the background-worker
 * label is counted on every labelled run, RangeActive fix-ups apply only in the first generation,
 * and the final point is 0. Where Go would index a P that does not exist (a no-P event), the event
 * is skipped instead of panicking.
 */
public final class MutatorUtilization implements TraceSink {
  private static final String GOMAXPROCS = ReaderNames.GOMAXPROCS;
  private static final String MARK_ASSIST = ReaderNames.GC_MARK_ASSIST;
  private static final String SWEEP = ReaderNames.GC_SWEEP;

  private final int flags;
  private final IntFunction<String> strings;
  private final List<UtilSeries> out = new ArrayList<>();
  private final List<PerProc> ps = new ArrayList<>();
  private final Set<Long> inGc = new HashSet<>();
  private final Set<Long> backgroundMark = new HashSet<>();
  private final Map<Long, GoState> states = new HashMap<>();
  private final List<long[]> procs = new ArrayList<>(); // {time, gomaxprocs}
  private int stw;
  private long syncCount;
  private boolean sawEvent;
  private long lastTime;

  private static final class PerProc {
    int gc;
    final int series;

    PerProc(int series) { this.series = series; }
  }

  /** @param strings resolves the string ids of events (the trace's string pool or dictionary) */
  public MutatorUtilization(int flags, IntFunction<String> strings) {
    this.flags = flags;
    this.strings = strings;
  }

  private boolean has(int flag) { return (flags & flag) != 0; }

  @Override public void onEvent(TraceEvent ev) {
    sawEvent = true;
    lastTime = ev.time();
    if (ev.kind() == EventKind.SYNC) syncCount++;
    if (ev.kind() == EventKind.METRIC && strings.apply(ev.nameId()).equals(GOMAXPROCS)) {
      setProcs(ev.time(), (int) ev.metricValue());
    }
    if (ps.isEmpty()) return; // nothing to measure until GOMAXPROCS is known
    switch (ev.kind()) {
      case RANGE_ACTIVE -> onRangeActive(ev);
      case RANGE_BEGIN -> onRangeBegin(ev);
      case RANGE_END -> onRangeEnd(ev);
      case STATE_TRANSITION -> onTransition(ev);
      case LABEL -> onLabel(ev);
      default -> { }
    }
    recordPoint(ev.time());
  }

  private void setProcs(long time, int n) {
    if (ps.size() > n) {
      if (has(UtilFlags.PER_PROC)) {
        for (PerProc p : ps.subList(n, ps.size())) out.get(p.series).add(time, 0);
      }
      ps.subList(n, ps.size()).clear();
    }
    while (ps.size() < n) {
      int series = 0;
      if (has(UtilFlags.PER_PROC) || out.isEmpty()) {
        series = out.size();
        UtilSeries s = new UtilSeries();
        s.add(time, 1);
        out.add(s);
      }
      ps.add(new PerProc(series));
    }
    if (procs.isEmpty() || procs.get(procs.size() - 1)[1] != n) procs.add(new long[] {time, n});
  }

  private void onRangeActive(TraceEvent ev) {
    // After a whole generation, Active events only repeat what is already known.
    if (syncCount > 1) return;
    String name = strings.apply(ev.nameId());
    boolean assist = has(UtilFlags.ASSIST) && name.equals(MARK_ASSIST);
    boolean sweep = has(UtilFlags.SWEEP) && name.equals(SWEEP);
    boolean executingAssist = assist && stateOf(ev.goroutine()).executing();
    if ((executingAssist || (!assist && sweep)) && !has(UtilFlags.PER_PROC)) {
      subtractSinceStart();
    }
    onRangeBegin(ev);
  }

  /** The range was active since the trace started: take 1/GOMAXPROCS off every earlier point. */
  private void subtractSinceStart() {
    UtilSeries s = out.get(0);
    int pi = 0;
    for (int mi = 0; mi < s.size(); ) {
      if (pi < procs.size() - 1 && procs.get(pi + 1)[0] < s.time(mi)) {
        pi++;
        continue;
      }
      double u = s.util(mi) - 1.0 / (double) procs.get(pi)[1];
      s.set(mi, u < 0 ? 0 : u);
      mi++;
    }
  }

  private void onRangeBegin(TraceEvent ev) {
    String name = strings.apply(ev.nameId());
    if (has(UtilFlags.STW) && isGcStw(name)) {
      stw++;
    } else if (has(UtilFlags.SWEEP) && name.equals(SWEEP)) {
      adjustGc(ev.proc(), +1);
    } else if (has(UtilFlags.ASSIST) && name.equals(MARK_ASSIST)) {
      adjustGc(ev.proc(), +1);
      if (ev.scopeKind() == ResourceKind.GOROUTINE && ev.scopeId() != -1) inGc.add(ev.scopeId());
    }
  }

  private void onRangeEnd(TraceEvent ev) {
    String name = strings.apply(ev.nameId());
    if (has(UtilFlags.STW) && isGcStw(name)) {
      stw--;
    } else if (has(UtilFlags.SWEEP) && name.equals(SWEEP)) {
      adjustGc(ev.proc(), -1);
    } else if (has(UtilFlags.ASSIST) && name.equals(MARK_ASSIST)) {
      adjustGc(ev.proc(), -1);
      if (ev.scopeKind() == ResourceKind.GOROUTINE && ev.scopeId() != -1) inGc.remove(ev.scopeId());
    }
  }

  private void onTransition(TraceEvent ev) {
    if (ev.resourceKind() != ResourceKind.GOROUTINE) return;
    long g = ev.resourceId();
    GoState from = GoState.of(ev.fromState());
    GoState to = GoState.of(ev.toState());
    if (inGc.contains(g) || backgroundMark.contains(g)) {
      if (!from.executing() && to.executing()) adjustGc(ev.proc(), +1);
      else if (from.executing() && !to.executing()) adjustGc(ev.proc(), -1);
    }
    states.put(g, to);
  }

  private void onLabel(TraceEvent ev) {
    if (!has(UtilFlags.BACKGROUND) && !has(UtilFlags.BACKGROUND_ONCE)) return;
    String label = strings.apply(ev.nameId());
    if (!label.startsWith("GC ") || label.equals("GC (idle)")) return;
    // Per-P mode leaves dedicated workers out: they take the whole P, so they add no latency.
    if (has(UtilFlags.PER_PROC) && label.equals("GC (dedicated)")) return;
    boolean first = backgroundMark.add(ev.goroutine());
    // Go counts every label; once a worker is known, its start has already been counted.
    if (first || !has(UtilFlags.BACKGROUND_ONCE)) adjustGc(ev.proc(), +1);
  }

  private void adjustGc(long proc, int delta) {
    if (proc >= 0 && proc < ps.size()) ps.get((int) proc).gc += delta;
  }

  private GoState stateOf(long g) { return states.getOrDefault(g, GoState.UNDETERMINED); }

  private void recordPoint(long time) {
    if (!has(UtilFlags.PER_PROC)) {
      int gcPs = 0;
      if (stw > 0) {
        gcPs = ps.size();
      } else {
        for (PerProc p : ps) if (p.gc > 0) gcPs++;
      }
      out.get(0).add(time, 1 - (double) gcPs / (double) ps.size());
    } else {
      for (PerProc p : ps) out.get(p.series).add(time, stw > 0 || p.gc > 0 ? 0.0 : 1.0);
    }
  }

  static boolean isGcStw(String rangeName) {
    return rangeName.startsWith("stop-the-world") && rangeName.contains("GC");
  }

  /** The utilization functions, each ending with a 0 point at the last event (Go's convention). */
  public List<UtilSeries> finish() {
    if (!sawEvent) return List.of();
    for (PerProc p : ps) out.get(p.series).add(lastTime, 0);
    return out;
  }
}
