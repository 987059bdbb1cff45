package dev.gotrace.core.event;

/**
 * One event of Go's reader, as a reusable view: the decoder fills one instance and hands it to a
 * {@link TraceSink} for each event, so no per-event objects are kept. A sink must copy what it
 * needs before returning.
 *
 * <p>String-valued details are ids in the trace-wide {@link StringPool}; stacks are ids in the
 * trace-wide {@link StackTable} (0 = no stack). Ids of threads, procs and goroutines are -1 where
 * Go says none. Times are Go's reader times (nanoseconds on the trace clock, after Go's
 * strictly-increasing fix-up).
 */
public final class TraceEvent {
  /** Go's {@code NoTask}: 2^64-1 seen as a signed long. */
  public static final long NO_TASK = -1L;

  private long index;
  private long generation;
  private EventKind kind;
  private long time;
  private long thread;
  private long proc;
  private long goroutine;
  private int stackId;

  // StateTransition
  private ResourceKind resourceKind = ResourceKind.NONE;
  private long resourceId;
  private int fromState;
  private int toState;
  private int reasonId;
  private int transitionStackId;

  // Metric, Label, Range*, Task*, Region*, Log, Experimental: the name/type string.
  private int nameId;
  private long metricValue;
  private ResourceKind scopeKind = ResourceKind.NONE;
  private long scopeId;
  private boolean hasSweepAttributes;
  private long bytesSwept;
  private long bytesReclaimed;
  private long taskId;
  private long parentTaskId;
  private int categoryId;
  private int messageId;

  // Sync
  private long syncNumber;
  private boolean hasClockSnapshot;
  private long snapshotTraceTime;
  private long snapshotWallSeconds;
  private long snapshotWallNanos;
  private long snapshotMono;

  // Experimental
  private int experimentalArgCount;
  private final long[] experimentalArgs = new long[4];

  /** Clears every field and starts a new event; decoder use. */
  public TraceEvent reset(long index, long generation, EventKind kind, long time,
      long thread, long proc, long goroutine) {
    this.index = index;
    this.generation = generation;
    this.kind = kind;
    this.time = time;
    this.thread = thread;
    this.proc = proc;
    this.goroutine = goroutine;
    stackId = 0;
    resourceKind = ResourceKind.NONE;
    resourceId = -1;
    fromState = 0;
    toState = 0;
    reasonId = 0;
    transitionStackId = 0;
    nameId = 0;
    metricValue = 0;
    scopeKind = ResourceKind.NONE;
    scopeId = -1;
    hasSweepAttributes = false;
    bytesSwept = 0;
    bytesReclaimed = 0;
    taskId = 0;
    parentTaskId = 0;
    categoryId = 0;
    messageId = 0;
    syncNumber = 0;
    hasClockSnapshot = false;
    snapshotTraceTime = 0;
    snapshotWallSeconds = 0;
    snapshotWallNanos = 0;
    snapshotMono = 0;
    experimentalArgCount = 0;
    return this;
  }

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

  // ---- decoder-side setters ----

  public TraceEvent setTime(long time) { this.time = time; return this; }
  public TraceEvent setStack(int stackId) { this.stackId = stackId; return this; }

  public TraceEvent setTransition(ResourceKind kind, long id, int from, int to, int reasonId,
      int transitionStackId) {
    this.resourceKind = kind;
    this.resourceId = id;
    this.fromState = from;
    this.toState = to;
    this.reasonId = reasonId;
    this.transitionStackId = transitionStackId;
    return this;
  }

  public TraceEvent setMetric(int nameId, long value) {
    this.nameId = nameId;
    this.metricValue = value;
    return this;
  }

  public TraceEvent setLabel(int labelId, long goroutine) {
    this.nameId = labelId;
    this.resourceKind = ResourceKind.GOROUTINE;
    this.resourceId = goroutine;
    return this;
  }

  public TraceEvent setRange(int nameId, ResourceKind scopeKind, long scopeId) {
    this.nameId = nameId;
    this.scopeKind = scopeKind;
    this.scopeId = scopeId;
    return this;
  }

  public TraceEvent setSweepAttributes(long swept, long reclaimed) {
    this.hasSweepAttributes = true;
    this.bytesSwept = swept;
    this.bytesReclaimed = reclaimed;
    return this;
  }

  public TraceEvent setTask(long taskId, long parentTaskId, int typeId) {
    this.taskId = taskId;
    this.parentTaskId = parentTaskId;
    this.nameId = typeId;
    return this;
  }

  public TraceEvent setRegion(long taskId, int typeId) {
    this.taskId = taskId;
    this.nameId = typeId;
    return this;
  }

  public TraceEvent setLog(long taskId, int categoryId, int messageId) {
    this.taskId = taskId;
    this.categoryId = categoryId;
    this.messageId = messageId;
    return this;
  }

  public TraceEvent setSync(long number) {
    this.syncNumber = number;
    return this;
  }

  public TraceEvent setClockSnapshot(long traceTime, long wallSeconds, long wallNanos, long mono) {
    this.hasClockSnapshot = true;
    this.snapshotTraceTime = traceTime;
    this.snapshotWallSeconds = wallSeconds;
    this.snapshotWallNanos = wallNanos;
    this.snapshotMono = mono;
    return this;
  }

  public TraceEvent setExperimental(int nameId, long[] args, int count) {
    this.nameId = nameId;
    this.experimentalArgCount = count;
    System.arraycopy(args, 0, experimentalArgs, 0, count);
    return this;
  }
}
