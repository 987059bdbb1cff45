package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code ranges}: runtime ranges (GC mark phase, stop-the-world, mark assist, sweep) paired from
 * RangeBegin/RangeActive to RangeEnd by (scope, name), as Go's reader tracks them in flight.
 */
final class RangesTableBuilder implements TableBuilder {
  static final String NAME = "ranges";
  static final Schema SCHEMA = Fields.schema(
      "One row per runtime range: from its RangeBegin (or, for a range already in progress when the trace started, "
          + "its first RangeActive) to its RangeEnd. RangeActive events of later generations repeat a range in flight "
          + "and add no row.",
      string("name", false, "Go's range name: 'GC concurrent mark phase', 'stop-the-world (<kind>)', 'GC mark assist' or 'GC incremental sweep'."),
      string("scope_kind", false, "'global' (GC mark phase), 'proc' (sweep) or 'goroutine' (stop-the-world: the goroutine that stopped the world; mark assist)."),
      bigint("scope_id", true, "proc_id or goid of the scope; NULL for global ranges."),
      bigint("ts", false, "Start (ns since trace start)."),
      bigint("dur", true, "Length in ns; NULL if still open at trace end."),
      bigint("start_stack_id", true, "Event.Stack() of the starting event; NULL if none (joins stacks.stack_id)."),
      bigint("end_stack_id", true, "Event.Stack() of the RangeEnd; NULL if none or still open."),
      bigint("goid", true, "Goroutine of the starting event's context; NULL if none."),
      bigint("proc_id", true, "P of the starting event's context; NULL if none."),
      string("start_reason", false, "'begin' (RangeBegin) or 'active' (RangeActive: already in progress when the trace started)."),
      string("end_reason", false, "'end' (RangeEnd) or 'trace_end' (still open: dur NULL)."),
      bigint("bytes_swept", true, "'GC incremental sweep': bytes swept, from the RangeEnd."),
      bigint("bytes_reclaimed", true, "'GC incremental sweep': bytes reclaimed, from the RangeEnd."),
      bigint("event_id", false, "The starting event (joins events.event_id)."));

  private record Key(ResourceKind scope, long scopeId, int name) {}

  private final Vocabulary vocabulary;
  private final int begin;
  private final int activeStart;
  private final int endEnd;
  private final int traceEnd;
  private final Map<Key, Integer> open = new HashMap<>();

  private final IntColumn name = new IntColumn();
  private final IntColumn scopeKind = new IntColumn();
  private final LongColumn scopeId = new LongColumn();
  private final LongColumn ts = new LongColumn();
  private final LongColumn dur = new LongColumn();
  private final LongColumn startStackId = new LongColumn();
  private final LongColumn endStackId = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final IntColumn startReason = new IntColumn();
  private final IntColumn endReason = new IntColumn();
  private final LongColumn bytesSwept = new LongColumn();
  private final LongColumn bytesReclaimed = new LongColumn();
  private final LongColumn eventId = new LongColumn();

  RangesTableBuilder(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    begin = vocabulary.intern("begin");
    activeStart = vocabulary.intern("active");
    endEnd = vocabulary.intern("end");
    traceEnd = vocabulary.intern("trace_end");
  }

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.RANGE_BEGIN, EventKind.RANGE_ACTIVE, EventKind.RANGE_END); }

  @Override public void onEvent(TraceEvent ev) {
    EventKind k = ev.kind();
    if (k != EventKind.RANGE_BEGIN && k != EventKind.RANGE_ACTIVE && k != EventKind.RANGE_END) return;
    Key key = new Key(ev.scopeKind(), ev.scopeKind() == ResourceKind.NONE ? -1 : ev.scopeId(), ev.nameId());
    if (k == EventKind.RANGE_END) {
      Integer row = open.remove(key);
      if (row == null) return; // Go's reader only emits a RangeEnd for a range in flight.
      dur.set(row, ev.time() - ts.get(row));
      if (ev.stackId() != 0) endStackId.set(row, ev.stackId());
      endReason.set(row, endEnd);
      if (ev.hasSweepAttributes()) {
        bytesSwept.set(row, ev.bytesSwept());
        bytesReclaimed.set(row, ev.bytesReclaimed());
      }
    } else if (!open.containsKey(key)) {
      open.put(key, add(ev, key, k == EventKind.RANGE_BEGIN ? begin : activeStart));
    }
  }

  private int add(TraceEvent ev, Key key, int why) {
    int row = name.add(key.name());
    scopeKind.add(vocabulary.resource(key.scope()));
    scopeId.addId(key.scopeId());
    ts.add(ev.time());
    dur.addNull();
    startStackId.addStack(ev.stackId());
    endStackId.addNull();
    goid.addId(ev.goroutine());
    procId.addId(ev.proc());
    startReason.add(why);
    endReason.add(traceEnd);
    bytesSwept.addNull();
    bytesReclaimed.addNull();
    eventId.add(ev.index());
    return row;
  }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, name.size(),
        ColumnWriter.int32(name), ColumnWriter.int32(scopeKind), ColumnWriter.bigint(scopeId), context.time(ts),
        ColumnWriter.bigint(dur), ColumnWriter.bigint(startStackId), ColumnWriter.bigint(endStackId),
        ColumnWriter.bigint(goid), ColumnWriter.bigint(procId), ColumnWriter.int32(startReason),
        ColumnWriter.int32(endReason), ColumnWriter.bigint(bytesSwept), ColumnWriter.bigint(bytesReclaimed),
        ColumnWriter.bigint(eventId));
  }
}
