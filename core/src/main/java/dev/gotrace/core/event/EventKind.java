package dev.gotrace.core.event;

/** The kinds of event Go's reader emits ({@code internal/trace.EventKind}), same order. */
public enum EventKind {
  BAD("Bad"),
  SYNC("Sync"),
  METRIC("Metric"),
  LABEL("Label"),
  STACK_SAMPLE("StackSample"),
  RANGE_BEGIN("RangeBegin"),
  RANGE_ACTIVE("RangeActive"),
  RANGE_END("RangeEnd"),
  TASK_BEGIN("TaskBegin"),
  TASK_END("TaskEnd"),
  REGION_BEGIN("RegionBegin"),
  REGION_END("RegionEnd"),
  LOG("Log"),
  STATE_TRANSITION("StateTransition"),
  EXPERIMENTAL("Experimental");

  private final String goName;

  EventKind(String goName) { this.goName = goName; }

  /** The name Go prints, e.g. {@code StateTransition}. */
  public String goName() { return goName; }
}
