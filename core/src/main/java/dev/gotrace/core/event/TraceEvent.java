package dev.gotrace.core.event;

/**
 * One event of Go's reader, as a reusable view: the decoder fills one instance and hands it to a
 * {@link TraceSink} for each event, so no per-event objects are kept. A sink must copy what it
 * needs before returning. Sinks only read it; {@link TraceEventWriter} sets its fields.
 *
 * <p>String-valued details are ids in the trace-wide {@link StringPool}; stacks are ids in the
 * trace-wide {@link StackTable} (0 = no stack). Ids of threads, procs and goroutines are -1 where
 * Go says none. Times are Go's reader times (nanoseconds on the trace clock, after Go's
 * strictly-increasing fix-up).
 */
public final class TraceEvent {
  /** Go's {@code NoTask}: 2^64-1 seen as a signed long. */
  public static final long NO_TASK = -1L;

  long index;
  long generation;
  EventKind kind;
  long time;
  long thread;
  long proc;
  long goroutine;
  int stackId;

  // StateTransition
  ResourceKind resourceKind = ResourceKind.NONE;
  long resourceId;
  int fromState;
  int toState;
  int reasonId;
  int transitionStackId;

  // Metric, Label, Range*, Task*, Region*, Log, Experimental: the name/type string.
  int nameId;
  long metricValue;
  ResourceKind scopeKind = ResourceKind.NONE;
  long scopeId;
  boolean hasSweepAttributes;
  long bytesSwept;
  long bytesReclaimed;
  long taskId;
  long parentTaskId;
  int categoryId;
  int messageId;

  // Sync
  long syncNumber;
  boolean hasClockSnapshot;
  long snapshotTraceTime;
  long snapshotWallSeconds;
  long snapshotWallNanos;
  long snapshotMono;

  // Experimental
  int experimentalArgCount;
  final long[] experimentalArgs = new long[4];

  TraceEvent() {}

  /** 0-based position in Go's event order. */
  public long index() { return index; }
  /** Generation number as written in the file (the final Sync carries the last one). */
  public long generation() { return generation; }
  public EventKind kind() { return kind; }
  /** Go's reader time in ns (absolute on the trace clock). */
  public long time() { return time; }
  public long thread() { return thread; }
  public long proc() { return proc; }
  public long goroutine() { return goroutine; }
  /** Go's {@code Event.Stack()}: global stack id, 0 = none. */
  public int stackId() { return stackId; }

  public ResourceKind resourceKind() { return resourceKind; }
  public long resourceId() { return resourceId; }
  /** {@link GoState} ordinal for goroutine transitions, {@link ProcState} ordinal for procs. */
  public int fromState() { return fromState; }
  public int toState() { return toState; }
  public int reasonId() { return reasonId; }
  /** Go's {@code StateTransition().Stack}: global stack id, 0 = none. */
  public int transitionStackId() { return transitionStackId; }

  /** Metric name, label, range name, task/region type or experimental event name. */
  public int nameId() { return nameId; }
  public long metricValue() { return metricValue; }
  public ResourceKind scopeKind() { return scopeKind; }
  public long scopeId() { return scopeId; }
  public boolean hasSweepAttributes() { return hasSweepAttributes; }
  public long bytesSwept() { return bytesSwept; }
  public long bytesReclaimed() { return bytesReclaimed; }
  public long taskId() { return taskId; }
  public long parentTaskId() { return parentTaskId; }
  public int categoryId() { return categoryId; }
  public int messageId() { return messageId; }

  public long syncNumber() { return syncNumber; }
  public boolean hasClockSnapshot() { return hasClockSnapshot; }
  public long snapshotTraceTime() { return snapshotTraceTime; }
  public long snapshotWallSeconds() { return snapshotWallSeconds; }
  public long snapshotWallNanos() { return snapshotWallNanos; }
  public long snapshotMono() { return snapshotMono; }

  public int experimentalArgCount() { return experimentalArgCount; }
  public long experimentalArg(int i) { return experimentalArgs[i]; }
}
