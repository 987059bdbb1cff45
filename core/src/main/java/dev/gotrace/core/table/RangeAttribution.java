package dev.gotrace.core.table;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.util.LongObjectMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stretches of the runtime ranges Go's goroutine summary ({@code internal/trace/summary.go})
 * counts in a goroutine's RangeTime, replayed as it does: goroutine-scoped ranges (mark assist,
 * stop-the-world) go to their goroutine; a proc-scoped range (sweep) goes to the goroutine running
 * when it began, and only if the same goroutine ends it; a RangeActive continues a range from the
 * generation's Sync (or starts one there); global ranges (the GC mark phase) go to nobody. A
 * goroutine's open ranges end when it ends and at trace end.
 */
final class RangeAttribution implements TraceSink {
  /** One attributed stretch: range name (string-pool id) and absolute start and end. */
  record Stretch(int name, long start, long end) {}

  /** What the summary keeps for one incarnation of a goroutine. */
  static final class Life {
    final int incarnation;
    final List<Stretch> stretches = new ArrayList<>();
    /** Go's lastRangeTime: name → start of the open stretch. */
    final Map<Integer, Long> open = new HashMap<>();
    boolean finalized;

    Life(int incarnation) { this.incarnation = incarnation; }

    private void close(int name, long end) {
      Long start = open.remove(name);
      if (start != null) stretches.add(new Stretch(name, start, end));
    }

    private void finish(long end) {
      for (Map.Entry<Integer, Long> e : open.entrySet()) stretches.add(new Stretch(e.getKey(), e.getValue(), end));
      open.clear();
      finalized = true;
    }
  }

  private record ProcRange(long proc, int name) {}

  private final int forever;
  private final LongObjectMap<Life> lives = new LongObjectMap<>();
  /** Go's rangesP: (P, range name) → goroutine that was running when the range began. */
  private final Map<ProcRange, Long> rangesP = new HashMap<>();
  private long syncTs;
  private long lastTs;
  private boolean settled;

  RangeAttribution(Vocabulary vocabulary) {
    forever = vocabulary.intern("forever");
  }

  @Override public void onEvent(TraceEvent ev) {
    if (syncTs == 0) syncTs = ev.time();
    lastTs = ev.time();
    switch (ev.kind()) {
      case SYNC -> syncTs = ev.time();
      case STATE_TRANSITION -> {
        if (ev.resourceKind() == ResourceKind.GOROUTINE && ev.fromState() != ev.toState()) transition(ev);
      }
      case RANGE_BEGIN, RANGE_ACTIVE -> begin(ev);
      case RANGE_END -> end(ev);
      default -> { }
    }
  }

  private void transition(TraceEvent ev) {
    long id = ev.resourceId();
    int from = ev.fromState();
    if (from == GoState.NOT_EXIST.ordinal() || from == GoState.UNDETERMINED.ordinal()) {
      Life previous = lives.get(id);
      lives.put(id, new Life(previous == null ? 1 : previous.incarnation + 1));
    }
    int to = ev.toState();
    Life life = lives.get(id);
    if (life != null && (to == GoState.NOT_EXIST.ordinal() || to == GoState.WAITING.ordinal() && ev.reasonId() == forever)) {
      life.finish(ev.time());
    }
  }

  private void begin(TraceEvent ev) {
    Life life = null;
    if (ev.scopeKind() == ResourceKind.GOROUTINE) {
      life = lives.get(ev.scopeId());
    } else if (ev.scopeKind() == ResourceKind.PROC) {
      life = lives.get(ev.goroutine());
      if (life != null) rangesP.put(new ProcRange(ev.scopeId(), ev.nameId()), ev.goroutine());
    }
    if (life == null || life.finalized) return; // Go would write into a finished goroutine's nil map
    if (ev.kind() == EventKind.RANGE_ACTIVE) {
      life.close(ev.nameId(), syncTs);
      life.open.put(ev.nameId(), syncTs);
    } else {
      life.open.put(ev.nameId(), ev.time()); // a second begin restarts the stretch, as Go overwrites
    }
  }

  private void end(TraceEvent ev) {
    Life life = null;
    if (ev.scopeKind() == ResourceKind.GOROUTINE) {
      life = lives.get(ev.scopeId());
    } else if (ev.scopeKind() == ResourceKind.PROC) {
      Long began = rangesP.remove(new ProcRange(ev.scopeId(), ev.nameId()));
      if (began != null && began == ev.goroutine()) life = lives.get(began);
    }
    if (life != null) life.close(ev.nameId(), ev.time());
  }

  /** Ends the stream: open ranges end at the last event, as Go's Finalize does. Idempotent. */
  void settle() {
    if (settled) return;
    settled = true;
    for (Life life : lives.values()) {
      if (!life.finalized) life.finish(lastTs);
    }
  }

  /** The current (last) incarnation of {@code goid}, or null if never seen; call {@link #settle()} first. */
  Life lifeOf(long goid) { return lives.get(goid); }

  /** Goroutine ids with a life, in no particular order. */
  List<Long> goids() { return lives.keys(); }
}
