package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code tasks}: the task summaries of Go's {@code internal/trace/summary.go}: every task id that a
 * TaskBegin, TaskEnd, Log, region or parent link mentions.
 */
final class TasksTableBuilder implements TableBuilder {
  static final String NAME = "tasks";
  static final Schema SCHEMA = Fields.schema(
      "One row per user task (runtime/trace.NewTask) Go's task summary knows: every task id a TaskBegin, TaskEnd, "
          + "Log, region or parent link mentions (task 0 is the background task of logs and regions outside any task). "
          + "Go's task pages use the interval [COALESCE(ts, 0), COALESCE(end_ts, trace end)]; a task is complete when "
          + "both ts and end_ts are set.",
      bigint("task_id", false, "Task id (0 = background task)."),
      bigint("parent_task_id", true, "Parent task from the first TaskBegin/TaskEnd that names one; NULL if none."),
      string("name", false, "Task type as Go's summary keeps it: from the last TaskBegin/TaskEnd ('' for a TaskEnd whose begin is not in the trace, and for tasks only mentioned)."),
      bigint("ts", true, "TaskBegin time (ns since trace start); NULL if the begin is not in the trace."),
      bigint("dur", true, "end_ts - ts; NULL unless both are known."),
      bigint("end_ts", true, "TaskEnd time; NULL if the task did not end within the trace."),
      bigint("begin_goid", true, "Goroutine that began the task; NULL if unknown."),
      bigint("end_goid", true, "Goroutine that ended the task; NULL if unknown."));

  /** One task as Go's summary knows it. */
  private static final class Task {
    final long id;
    int name;
    long parent = -1;
    boolean begun;
    long beginTs;
    long beginGoid = -1;
    boolean ended;
    long endTs;
    long endGoid = -1;

    Task(long id) { this.id = id; }
  }

  private final Map<Long, Task> tasks = new HashMap<>();

  @Override public void onEvent(TraceEvent ev) {
    EventKind k = ev.kind();
    if (k == EventKind.TASK_BEGIN || k == EventKind.TASK_END) {
      Task task = getOrAdd(ev.taskId());
      task.name = ev.nameId();
      if (k == EventKind.TASK_BEGIN) {
        task.begun = true;
        task.beginTs = ev.time();
        task.beginGoid = ev.goroutine();
      } else {
        task.ended = true;
        task.endTs = ev.time();
        task.endGoid = ev.goroutine();
      }
      if (ev.parentTaskId() != TraceEvent.NO_TASK && task.parent == -1) {
        getOrAdd(ev.parentTaskId());
        task.parent = ev.parentTaskId();
      }
    } else if (k == EventKind.LOG) {
      getOrAdd(ev.taskId());
    }
  }

  /** Go's getOrAddTask, for the regions that mention a task. */
  void mention(long taskId) {
    getOrAdd(taskId);
  }

  private Task getOrAdd(long taskId) {
    return tasks.computeIfAbsent(taskId, Task::new);
  }

  @Override public TraceTable finish(TableContext context) {
    LongColumn id = new LongColumn();
    LongColumn parent = new LongColumn();
    IntColumn name = new IntColumn();
    LongColumn ts = new LongColumn();
    LongColumn dur = new LongColumn();
    LongColumn endTs = new LongColumn();
    LongColumn beginGoid = new LongColumn();
    LongColumn endGoid = new LongColumn();
    for (Task t : new TreeMap<>(tasks).values()) {
      id.add(t.id);
      parent.addId(t.parent);
      name.add(t.name);
      if (t.begun) ts.add(t.beginTs);
      else ts.addNull();
      if (t.begun && t.ended) dur.add(t.endTs - t.beginTs);
      else dur.addNull();
      if (t.ended) endTs.add(t.endTs);
      else endTs.addNull();
      beginGoid.addId(t.beginGoid);
      endGoid.addId(t.endGoid);
    }
    return context.table(NAME, SCHEMA, id.size(),
        ColumnWriter.bigint(id), ColumnWriter.bigint(parent), ColumnWriter.int32(name), context.time(ts),
        ColumnWriter.bigint(dur), context.time(endTs), ColumnWriter.bigint(beginGoid),
        ColumnWriter.bigint(endGoid));
  }
}
