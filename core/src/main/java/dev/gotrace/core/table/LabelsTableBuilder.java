package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code labels}: one row per Label event. */
final class LabelsTableBuilder implements TableBuilder {
  static final String NAME = "labels";
  static final Schema SCHEMA = Fields.schema(
      "One row per goroutine label Go's reader emits: the runtime labels GC mark workers when they start ('GC (dedicated)', 'GC (fractional)', 'GC (idle)').",
      bigint("ts", false, "Time (ns since trace start)."),
      bigint("goid", true, "Labelled goroutine (joins goroutines.goid)."),
      string("label", false, "The label."),
      bigint("proc_id", true, "P of the event's context; NULL if none."),
      bigint("thread_id", true, "M (OS thread) of the event's context; NULL if none."),
      bigint("event_id", false, "The Label event (joins events.event_id)."));

  private final LongColumn ts = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final IntColumn label = new IntColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn eventId = new LongColumn();

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.LABEL); }

  @Override public void onEvent(TraceEvent ev) {
    if (ev.kind() != EventKind.LABEL) return;
    ts.add(ev.time());
    goid.addId(ev.resourceId());
    label.add(ev.nameId());
    procId.addId(ev.proc());
    threadId.addId(ev.thread());
    eventId.add(ev.index());
  }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, ts.size(),
        context.time(ts), ColumnWriter.bigint(goid), ColumnWriter.int32(label), ColumnWriter.bigint(procId),
        ColumnWriter.bigint(threadId), ColumnWriter.bigint(eventId));
  }
}
