package dev.gotrace.core.table;

import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;

/** Times of the first and the last event: the origin of every {@code ts} and the trace end. */
final class TraceBounds implements TraceSink {
  private boolean any;
  private long first;
  private long last;

  @Override public void onEvent(TraceEvent ev) {
    if (!any) {
      any = true;
      first = ev.time();
    }
    last = ev.time();
  }

  boolean any() { return any; }

  /** Absolute time of the first event (the first Sync); 0 if there was none. */
  long first() { return first; }

  /** Absolute time of the last event (the final Sync); 0 if there was none. */
  long last() { return last; }
}
