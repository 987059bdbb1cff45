package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code logs}: one row per Log event (runtime/trace.Log). */
final class LogsTableBuilder implements TableBuilder {
  static final String NAME = "logs";
  static final Schema SCHEMA = Fields.schema(
      "One row per user log message (runtime/trace.Log, Logf).",
      bigint("ts", false, "Time (ns since trace start)."),
      bigint("goid", true, "Goroutine that logged; NULL if none (joins goroutines.goid)."),
      bigint("task_id", true, "Task of the log's context (0 = background task; joins tasks.task_id)."),
      string("category", false, "Category ('' if none)."),
      string("message", false, "Message."),
      bigint("stack_id", true, "Stack of the Log call; NULL if none (joins stacks.stack_id)."),
      bigint("proc_id", true, "P of the event's context; NULL if none."),
      bigint("thread_id", true, "M (OS thread) of the event's context; NULL if none."),
      bigint("event_id", false, "The Log event (joins events.event_id)."));

  private final LongColumn ts = new LongColumn();
  private final LongColumn goid = new LongColumn();
  private final LongColumn taskId = new LongColumn();
  private final IntColumn category = new IntColumn();
  private final IntColumn message = new IntColumn();
  private final LongColumn stackId = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn eventId = new LongColumn();

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.LOG); }

  @Override public void onEvent(TraceEvent ev) {
    if (ev.kind() != EventKind.LOG) return;
    ts.add(ev.time());
    goid.addId(ev.goroutine());
    taskId.addId(ev.taskId());
    category.add(ev.categoryId());
    message.add(ev.messageId());
    stackId.addStack(ev.stackId());
    procId.addId(ev.proc());
    threadId.addId(ev.thread());
    eventId.add(ev.index());
  }

  @Override public TraceTable finish(TableContext context) {
    return context.table(NAME, SCHEMA, ts.size(),
        context.time(ts), ColumnWriter.bigint(goid), ColumnWriter.bigint(taskId), ColumnWriter.int32(category),
        ColumnWriter.int32(message), ColumnWriter.bigint(stackId), ColumnWriter.bigint(procId),
        ColumnWriter.bigint(threadId), ColumnWriter.bigint(eventId));
  }
}
