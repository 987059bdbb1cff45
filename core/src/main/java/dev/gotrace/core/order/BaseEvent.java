package dev.gotrace.core.order;

/**
 * One decoded timed event before ordering (Go's {@code baseEvent}): type, time in ns and up to four
 * raw arguments after the time delta. Handlers pass derived facts to the event view in named slots
 * ({@link #fromState}) or in the spare argument slots past the type's own (a task end's parent and
 * name, Go's {@code extra}). Reused by its cursor for every event.
 */
public final class BaseEvent {
  /** Wire event type. */
  public int type;
  /** Time in ns. */
  public long time;
  /** Raw arguments (uint64 bit patterns); unused slots keep stale values, as in Go. */
  public final long[] args = new long[4];
  /**
   * The public state before the transition, which the ordering derives for GoStatus, ProcStatus
   * and ProcSteal ({@code GoState} or {@code ProcState} ordinal); stale for other types.
   */
  public int fromState;
  /** File offset of the event's type byte (for error locations). */
  public long offset;
}
