package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code cpu_samples}: one row per StackSample event. */
final class CpuSamplesTableBuilder implements TableBuilder {
  static final String NAME = "cpu_samples";
  static final Schema SCHEMA = Fields.schema(
      "One row per CPU profile sample recorded in the trace (StackSample events; present when the CPU profiler ran during tracing).",
      bigint("ts", false, "Time (ns since trace start)."),
      bigint("goid", true, "Goroutine running when the sample was taken; NULL if none."),
      bigint("proc_id", true, "P of the sample; NULL if none."),
      bigint("thread_id", true, "M (OS thread) of the sample; NULL if none."),
      bigint("stack_id", true, "Sampled stack; NULL if none (joins stacks.stack_id)."),
      bigint("event_id", false, "The StackSample event (joins events.event_id)."));

  private final LongColumn ts = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn stackId = new LongColumn();
  private final LongColumn eventId = new LongColumn();

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.STACK_SAMPLE); }

  @Override public void onEvent(TraceEvent ev) {
    if (ev.kind() != EventKind.STACK_SAMPLE) return;
    ts.add(ev.time());
    goid.addId(ev.goroutine());
    procId.addId(ev.proc());
    threadId.addId(ev.thread());
    stackId.addStack(ev.stackId());
    eventId.add(ev.index());
  }

  /** Samples so far. */
  int rows() { return ts.size(); }

  /** Goroutine of sample {@code row}; -1 if none. */
  long goid(int row) { return goid.isNull(row) ? -1 : goid.get(row); }

  /** Stack id of sample {@code row}, 0 for none. */
  int stack(int row) { return stackId.isNull(row) ? 0 : (int) stackId.get(row); }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, ts.size(),
        context.time(ts), ColumnWriter.bigint(goid), ColumnWriter.bigint(procId), ColumnWriter.bigint(threadId),
        ColumnWriter.bigint(stackId), ColumnWriter.bigint(eventId));
  }
}
