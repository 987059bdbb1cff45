package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code metrics}: one row per Metric event. */
final class MetricsTableBuilder implements TableBuilder {
  static final String NAME = "metrics";
  static final Schema SCHEMA = Fields.schema(
      "One row per metric sample Go's reader emits (GOMAXPROCS changes, heap size, heap goal).",
      bigint("ts", false, "Time (ns since trace start)."),
      string("name", false, "Go's metric name: '/sched/gomaxprocs:threads', '/memory/classes/heap/objects:bytes' or '/gc/heap/goal:bytes'."),
      bigint("metric_value", false, "Value (Go's uint64, as a signed 64-bit integer)."),
      bigint("goid", true, "Goroutine of the event's context; NULL if none."),
      bigint("proc_id", true, "P of the event's context; NULL if none."),
      bigint("event_id", false, "The Metric event (joins events.event_id)."));

  private final LongColumn ts = new LongColumn();
  private final IntColumn name = new IntColumn();
  private final LongColumn value = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn eventId = new LongColumn();

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.METRIC); }

  @Override public void onEvent(TraceEvent ev) {
    if (ev.kind() != EventKind.METRIC) return;
    ts.add(ev.time());
    name.add(ev.nameId());
    value.add(ev.metricValue());
    goid.addId(ev.goroutine());
    procId.addId(ev.proc());
    eventId.add(ev.index());
  }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, ts.size(),
        context.time(ts), ColumnWriter.int32(name), ColumnWriter.bigint(value), ColumnWriter.bigint(goid),
        ColumnWriter.bigint(procId), ColumnWriter.bigint(eventId));
  }
}
