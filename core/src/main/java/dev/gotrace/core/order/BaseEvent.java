package dev.gotrace.core.order;

/**
 * One decoded timed event before ordering (Go's {@code baseEvent}): type, time in ns and up to four
 * raw arguments after the time delta. Handlers may rewrite arguments to pass derived facts to the
 * event view (Go's "smuggling": old states, task names). Reused by its cursor for every event.
 */
public final class BaseEvent {
  /** Wire event type. */
  public int type;
  /** Time in ns. */
  public long time;
  /** Raw arguments (uint64 bit patterns); unused slots keep stale values, as in Go. */
  public final long[] args = new long[4];
  /** File offset of the event's type byte (for error locations). */
  public long offset;
}
