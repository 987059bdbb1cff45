package dev.gotrace.cli.timeline;

/** The part of the trace a timeline shows, [from, to] in ns since the trace's first event. */
public record TimeWindow(long from, long to) {
  public TimeWindow {
    if (from > to) throw new IllegalArgumentException("the window ends before it starts: " + from + " > " + to);
  }

  /** Whether an interval [start, end] shares time with the window, or lies in it if it is a point. */
  boolean overlaps(long start, long end) {
    return start < end ? start < to && end > from : start >= from && start <= to;
  }

  long clip(long t) {
    return Math.max(from, Math.min(to, t));
  }
}
