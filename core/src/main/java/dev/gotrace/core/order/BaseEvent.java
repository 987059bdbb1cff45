package dev.gotrace.core.order;

/**
 * One decoded timed event before ordering (Go's {@code baseEvent}): type, time in ns and up to four
 * raw arguments after the time delta. Handlers pass derived facts to the event view in named slots:
 * {@link #fromState}, and a task end's begin in the argument slots past the end's own ({@link
 * #setTaskEndBegin}). Reused by its cursor for every event.
 */
public final class BaseEvent {
  /**
   * The argument slot of a task end's parent: Go's {@code extra} slots, past the end's own task and
   * stack, carry the begin's parent and name (so a task end costs no slot of its own downstream).
   */
  public static final int TASK_END_PARENT = 2;
  /** The argument slot of a task end's name: its begin's StringPool id (valid across generations). */
  public static final int TASK_END_NAME = 3;

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

  /** Puts the begin of the task a task end ends ({@code parent}, {@code name}) in the end's {@code args}. */
  public static void setTaskEndBegin(long[] args, long parent, int name) {
    args[TASK_END_PARENT] = parent;
    args[TASK_END_NAME] = name;
  }
}
