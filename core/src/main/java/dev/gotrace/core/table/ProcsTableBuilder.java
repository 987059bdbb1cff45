package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code procs}: one row per P the trace mentions. */
final class ProcsTableBuilder implements TableBuilder {
  static final String NAME = "procs";
  static final Schema SCHEMA = Fields.schema(
      "One row per P (logical processor) that appears in an event, as the event's context or as the resource of a proc state transition.",
      bigint("proc_id", false, "P id."),
      bigint("first_ts", false, "First event mentioning the P (ns since trace start)."),
      bigint("last_ts", false, "Last event mentioning the P."),
      bigint("event_count", false, "Number of events mentioning the P."));

  private final ActivitySpans spans = new ActivitySpans();

  @Override public void onEvent(TraceEvent ev) {
    if (ev.proc() >= 0) spans.saw(ev.proc(), ev.time());
    if (ev.kind() == EventKind.STATE_TRANSITION && ev.resourceKind() == ResourceKind.PROC
        && ev.resourceId() != ev.proc() && ev.resourceId() >= 0) {
      spans.saw(ev.resourceId(), ev.time());
    }
  }

  @Override public TraceTable finish(TableContext context) {
    return spans.table(context, NAME, SCHEMA);
  }
}
