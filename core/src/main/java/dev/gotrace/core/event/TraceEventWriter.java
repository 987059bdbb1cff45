package dev.gotrace.core.event;

/**
 * Fills the one reused {@link TraceEvent} a publisher hands to its sinks, which only read it. The
 * publishers are the decoder's (core.read's EventPublisher, for v2 and converted v1 events alike)
 * and the replay of the events table (core.analysis); LayeringTest lets no other class use this
 * writer. Each
 * method sets the fields of one kind of detail and returns the writer, so calls chain.
 */
public final class TraceEventWriter {
  private final TraceEvent event = new TraceEvent();

  /** The event, for {@link TraceSink#onEvent}. */
  public TraceEvent event() { return event; }

  /**
   * Whether a setter beyond {@link #setTransition}, {@link #setStack} and {@link #setTime} ran
   * since the last reset: only then does reset clear the other details (nearly every event is a
   * state transition, and clearing all thirty fields was a tenth of publishing).
   */
  private boolean detailed = true;

  /** Clears every field and starts a new event. */
  public TraceEventWriter reset(long index, long generation, EventKind kind, long time,
      long thread, long proc, long goroutine) {
    event.index = index;
    event.generation = generation;
    event.kind = kind;
    event.time = time;
    event.thread = thread;
    event.proc = proc;
    event.goroutine = goroutine;
    event.stackId = 0;
    event.resourceKind = ResourceKind.NONE;
    event.resourceId = -1;
    event.fromState = 0;
    event.toState = 0;
    event.reasonId = 0;
    event.transitionStackId = 0;
    if (detailed) clearDetails();
    return this;
  }

  private void clearDetails() {
    detailed = false;
    event.nameId = 0;
    event.metricValue = 0;
    event.scopeKind = ResourceKind.NONE;
    event.scopeId = -1;
    event.hasSweepAttributes = false;
    event.bytesSwept = 0;
    event.bytesReclaimed = 0;
    event.taskId = 0;
    event.parentTaskId = 0;
    event.categoryId = 0;
    event.messageId = 0;
    event.syncNumber = 0;
    event.hasClockSnapshot = false;
    event.snapshotTraceTime = 0;
    event.snapshotWallSeconds = 0;
    event.snapshotWallNanos = 0;
    event.snapshotMono = 0;
    event.experimentalArgCount = 0;
  }

  public TraceEventWriter setTime(long time) { event.time = time; return this; }
  public TraceEventWriter setStack(int stackId) { event.stackId = stackId; return this; }

  public TraceEventWriter setTransition(ResourceKind kind, long id, int from, int to, int reasonId,
      int transitionStackId) {
    event.resourceKind = kind;
    event.resourceId = id;
    event.fromState = from;
    event.toState = to;
    event.reasonId = reasonId;
    event.transitionStackId = transitionStackId;
    return this;
  }

  public TraceEventWriter setMetric(int nameId, long value) {
    detailed = true;
    event.nameId = nameId;
    event.metricValue = value;
    return this;
  }

  public TraceEventWriter setLabel(int labelId, long goroutine) {
    detailed = true;
    event.nameId = labelId;
    event.resourceKind = ResourceKind.GOROUTINE;
    event.resourceId = goroutine;
    return this;
  }

  public TraceEventWriter setRange(int nameId, ResourceKind scopeKind, long scopeId) {
    detailed = true;
    event.nameId = nameId;
    event.scopeKind = scopeKind;
    event.scopeId = scopeId;
    return this;
  }

  public TraceEventWriter setSweepAttributes(long swept, long reclaimed) {
    detailed = true;
    event.hasSweepAttributes = true;
    event.bytesSwept = swept;
    event.bytesReclaimed = reclaimed;
    return this;
  }

  public TraceEventWriter setTask(long taskId, long parentTaskId, int typeId) {
    detailed = true;
    event.taskId = taskId;
    event.parentTaskId = parentTaskId;
    event.nameId = typeId;
    return this;
  }

  public TraceEventWriter setRegion(long taskId, int typeId) {
    detailed = true;
    event.taskId = taskId;
    event.nameId = typeId;
    return this;
  }

  public TraceEventWriter setLog(long taskId, int categoryId, int messageId) {
    detailed = true;
    event.taskId = taskId;
    event.categoryId = categoryId;
    event.messageId = messageId;
    return this;
  }

  public TraceEventWriter setSync(long number) {
    detailed = true;
    event.syncNumber = number;
    return this;
  }

  public TraceEventWriter setClockSnapshot(long traceTime, long wallSeconds, long wallNanos, long mono) {
    detailed = true;
    event.hasClockSnapshot = true;
    event.snapshotTraceTime = traceTime;
    event.snapshotWallSeconds = wallSeconds;
    event.snapshotWallNanos = wallNanos;
    event.snapshotMono = mono;
    return this;
  }

  public TraceEventWriter setExperimental(int nameId, long[] args, int count) {
    detailed = true;
    event.nameId = nameId;
    event.experimentalArgCount = count;
    System.arraycopy(args, 0, event.experimentalArgs, 0, count);
    return this;
  }
}
