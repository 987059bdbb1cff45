package dev.gotrace.core.wire;

import java.util.List;

/**
 * One row of Go's event table ({@code tracev2.EventSpec}). {@code stringIds} and {@code stackIds}
 * are positions in {@code args} (so 1 = the first argument after {@code dt} for timed events);
 * the first stack position is the event's own stack.
 *
 * @param name Go's event name ("" for unassigned numbers)
 * @param args argument names in wire order, {@code dt} first for timed events
 * @param stringIds argument positions holding string-table ids
 * @param stackIds argument positions holding stack-table ids
 * @param startEvent for the end of a range, the type of its begin event, else 0
 * @param timed whether the event appears in per-M batches with a time delta
 * @param hasData whether a length-prefixed byte trailer follows the arguments
 * @param isStack whether a frame list follows the arguments
 * @param experiment experiment id, 0 for none
 */
public record EventSpec(String name, List<String> args, int[] stringIds, int[] stackIds, int startEvent,
    boolean timed, boolean hasData, boolean isStack, int experiment) {

  /** Number of arguments, {@code dt} included. */
  public int argCount() { return args.size(); }

  /** Position of the event's own stack argument, or 0 if it has none. */
  public int ownStack() { return stackIds.length == 0 ? 0 : stackIds[0]; }
}
