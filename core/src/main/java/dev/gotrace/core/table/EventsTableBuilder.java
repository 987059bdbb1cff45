package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code events}: one row per event of Go's reader, in Go's order. Rows are append-only, so with an
 * allocator they are written to Arrow a batch at a time while the events stream in (the heap holds
 * one batch); without one (scripted tests) they are written at the end.
 */
final class EventsTableBuilder implements TableBuilder {
  static final String NAME = "events";
  static final Schema SCHEMA = Fields.schema(
      "One row per event of Go's trace reader (internal/trace), in Go's order, as `go tool trace -d=parsed` prints them.",
      bigint("event_id", false, "0-based position of the event in Go's event order."),
      bigint("ts", false, "Event time in ns since the first event (trace_info.first_ts_abs)."),
      string("kind", false, "Go's event kind: Sync, StateTransition, Metric, Label, StackSample, RangeBegin, RangeActive, RangeEnd, TaskBegin, TaskEnd, RegionBegin, RegionEnd, Log or Experimental."),
      bigint("goid", true, "Goroutine of the event's execution context (before the event); NULL if none (joins goroutines.goid)."),
      bigint("proc_id", true, "P of the event's execution context; NULL if none (joins procs.proc_id)."),
      bigint("thread_id", true, "M (OS thread id) of the event's execution context; NULL if none (joins threads.thread_id)."),
      bigint("stack_id", true, "Go's Event.Stack(): for GoCreate the creator's stack, for GoUnblock the unblocker's stack, for StackSample the sampled stack; NULL if none (joins stacks.stack_id)."),
      string("resource", true, "For StateTransition: 'goroutine' or 'proc', the resource changing state; for Label: 'goroutine'; else NULL."),
      bigint("resource_id", true, "Id of that resource (a goid or proc_id); NULL if none."),
      string("from_state", true, "StateTransition: state before: undetermined, not_exist, runnable, running, waiting, syscall (goroutines) or undetermined, not_exist, running, idle (procs)."),
      string("to_state", true, "StateTransition: state after, same names as from_state."),
      string("reason", true, "StateTransition: Go's reason string ('' when the transition has none, e.g. status events); NULL for other kinds."),
      string("name", true, "Metric name, label, range name, task type, region type or experimental event name; NULL otherwise."),
      bigint("metric_value", true, "Metric: the value (Go's uint64, as a signed 64-bit integer)."),
      bigint("task_id", true, "TaskBegin/TaskEnd: the task; RegionBegin/RegionEnd/Log: the task it belongs to (0 = background task); NULL otherwise (joins tasks.task_id)."),
      string("category", true, "Log: the category ('' if none)."),
      string("message", true, "Log: the message."),
      bigint("generation", false, "Generation number of the event as written in the file."),
      bigint("parent_task_id", true, "TaskBegin/TaskEnd: the parent task as Go's reader reports it; NULL if none."),
      bigint("transition_stack_id", true, "StateTransition: Go's StateTransition().Stack (for GoCreate the new goroutine's entry stack); NULL if none."),
      string("scope_kind", true, "Range events: 'global', 'proc' or 'goroutine'."),
      bigint("scope_id", true, "Range events: the proc_id or goid of the scope; NULL for global ranges."),
      bigint("bytes_swept", true, "RangeEnd of 'GC incremental sweep': bytes swept."),
      bigint("bytes_reclaimed", true, "RangeEnd of 'GC incremental sweep': bytes reclaimed."));

  private final Vocabulary vocabulary;
  private final LongColumn eventId = new LongColumn();
  private final LongColumn ts = new LongColumn();
  private final IntColumn kind = new IntColumn();
  private final LongColumn goid = new LongColumn();
  private final LongColumn procId = new LongColumn();
  private final LongColumn threadId = new LongColumn();
  private final LongColumn stackId = new LongColumn();
  private final IntColumn resource = new IntColumn();
  private final LongColumn resourceId = new LongColumn();
  private final IntColumn fromState = new IntColumn();
  private final IntColumn toState = new IntColumn();
  private final IntColumn reason = new IntColumn();
  private final IntColumn name = new IntColumn();
  private final LongColumn metricValue = new LongColumn();
  private final LongColumn taskId = new LongColumn();
  private final IntColumn category = new IntColumn();
  private final IntColumn message = new IntColumn();
  private final LongColumn generation = new LongColumn();
  private final LongColumn parentTaskId = new LongColumn();
  private final LongColumn transitionStackId = new LongColumn();
  private final IntColumn scopeKind = new IntColumn();
  private final LongColumn scopeId = new LongColumn();
  private final LongColumn bytesSwept = new LongColumn();
  private final LongColumn bytesReclaimed = new LongColumn();

  private final TraceBounds bounds;
  private final BufferAllocator allocator;
  private final int batchRows;
  private BatchStream stream;

  /**
   * @param bounds the trace's bounds, fed before this builder (their first time is the origin of ts)
   * @param allocator where batches are written as they fill, or null to write them all at the end
   * @param batchRows rows per streamed batch
   */
  EventsTableBuilder(Vocabulary vocabulary, TraceBounds bounds, BufferAllocator allocator, int batchRows) {
    this.vocabulary = vocabulary;
    this.bounds = bounds;
    this.allocator = allocator;
    this.batchRows = batchRows;
  }

  @Override public void onEvent(TraceEvent ev) {
    EventKind k = ev.kind();
    eventId.add(ev.index());
    ts.add(ev.time());
    kind.add(vocabulary.kind(k));
    goid.addId(ev.goroutine());
    procId.addId(ev.proc());
    threadId.addId(ev.thread());
    stackId.addStack(ev.stackId());
    generation.add(ev.generation());

    boolean transition = k == EventKind.STATE_TRANSITION;
    boolean label = k == EventKind.LABEL;
    if (transition || label) {
      resource.add(vocabulary.resource(ev.resourceKind()));
      resourceId.addId(ev.resourceId());
    } else {
      resource.addNull();
      resourceId.addNull();
    }
    if (transition && ev.resourceKind() == ResourceKind.GOROUTINE) {
      fromState.add(vocabulary.goState(ev.fromState()));
      toState.add(vocabulary.goState(ev.toState()));
    } else if (transition && ev.resourceKind() == ResourceKind.PROC) {
      fromState.add(vocabulary.procState(ev.fromState()));
      toState.add(vocabulary.procState(ev.toState()));
    } else {
      fromState.addNull();
      toState.addNull();
    }
    if (transition) {
      reason.add(ev.reasonId());
      transitionStackId.addStack(ev.transitionStackId());
    } else {
      reason.addNull();
      transitionStackId.addNull();
    }

    boolean named = switch (k) {
      case METRIC, LABEL, RANGE_BEGIN, RANGE_ACTIVE, RANGE_END, TASK_BEGIN, TASK_END, REGION_BEGIN,
          REGION_END, EXPERIMENTAL -> true;
      default -> false;
    };
    if (named) name.add(ev.nameId());
    else name.addNull();
    if (k == EventKind.METRIC) metricValue.add(ev.metricValue());
    else metricValue.addNull();

    boolean task = k == EventKind.TASK_BEGIN || k == EventKind.TASK_END;
    if (task || k == EventKind.REGION_BEGIN || k == EventKind.REGION_END || k == EventKind.LOG) {
      taskId.addId(ev.taskId());
    } else {
      taskId.addNull();
    }
    if (task) parentTaskId.addId(ev.parentTaskId());
    else parentTaskId.addNull();
    if (k == EventKind.LOG) {
      category.add(ev.categoryId());
      message.add(ev.messageId());
    } else {
      category.addNull();
      message.addNull();
    }

    boolean range = k == EventKind.RANGE_BEGIN || k == EventKind.RANGE_ACTIVE || k == EventKind.RANGE_END;
    if (range) {
      scopeKind.add(vocabulary.resource(ev.scopeKind()));
      if (ev.scopeKind() == ResourceKind.NONE) scopeId.addNull();
      else scopeId.addId(ev.scopeId());
    } else {
      scopeKind.addNull();
      scopeId.addNull();
    }
    if (ev.hasSweepAttributes()) {
      bytesSwept.add(ev.bytesSwept());
      bytesReclaimed.add(ev.bytesReclaimed());
    } else {
      bytesSwept.addNull();
      bytesReclaimed.addNull();
    }
    if (allocator != null && eventId.size() == batchRows) flush();
  }

  /** Writes the staged rows as one batch and drops them from the heap. */
  private void flush() {
    if (stream == null) stream = new BatchStream(NAME, SCHEMA, allocator);
    stream.append(0, eventId.size(), writers(bounds.first()));
    for (LongColumn c : new LongColumn[] {eventId, ts, goid, procId, threadId, stackId, resourceId, metricValue,
        taskId, generation, parentTaskId, transitionStackId, scopeId, bytesSwept, bytesReclaimed}) c.clear();
    for (IntColumn c : new IntColumn[] {kind, resource, fromState, toState, reason, name, category, message, scopeKind}) {
      c.clear();
    }
  }

  @Override public void abandon() {
    if (stream != null) stream.close();
  }

  @Override public TraceTable finish(TableContext context) {
    if (stream == null) stream = new BatchStream(NAME, SCHEMA, allocator != null ? allocator : context.allocator());
    try {
      context.append(stream, eventId.size(), writers(context.origin()));
      return stream.table(context.dictionaries());
    } finally {
      stream.close();
    }
  }

  private ColumnWriter[] writers(long origin) {
    return new ColumnWriter[] {
        ColumnWriter.bigint(eventId), ColumnWriter.time(ts, origin), ColumnWriter.int32(kind),
        ColumnWriter.bigint(goid), ColumnWriter.bigint(procId), ColumnWriter.bigint(threadId),
        ColumnWriter.bigint(stackId), ColumnWriter.int32(resource), ColumnWriter.bigint(resourceId),
        ColumnWriter.int32(fromState), ColumnWriter.int32(toState), ColumnWriter.int32(reason),
        ColumnWriter.int32(name), ColumnWriter.bigint(metricValue), ColumnWriter.bigint(taskId),
        ColumnWriter.int32(category), ColumnWriter.int32(message), ColumnWriter.bigint(generation),
        ColumnWriter.bigint(parentTaskId), ColumnWriter.bigint(transitionStackId),
        ColumnWriter.int32(scopeKind), ColumnWriter.bigint(scopeId), ColumnWriter.bigint(bytesSwept),
        ColumnWriter.bigint(bytesReclaimed)};
  }
}
