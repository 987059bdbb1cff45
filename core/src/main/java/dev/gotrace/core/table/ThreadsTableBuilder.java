package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;

import dev.gotrace.core.event.TraceEvent;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code threads}: one row per M (OS thread) the trace mentions. */
final class ThreadsTableBuilder implements TableBuilder {
  static final String NAME = "threads";
  static final Schema SCHEMA = Fields.schema(
      "One row per M (OS thread) that appears as the context of an event.",
      bigint("thread_id", false, "M id as Go's reader reports it (the OS thread id)."),
      bigint("first_ts", false, "First event on the thread (ns since trace start)."),
      bigint("last_ts", false, "Last event on the thread."),
      bigint("event_count", false, "Number of events on the thread."));

  private final ActivitySpans spans = new ActivitySpans();

  @Override public void onEvent(TraceEvent ev) {
    if (ev.thread() >= 0) spans.saw(ev.thread(), ev.time());
  }

  @Override public TraceTable finish(TableContext context) {
    return spans.table(context, NAME, SCHEMA);
  }
}
