package dev.gotrace.core.event;

/** Receives Go's event stream in Go's order. The event object is reused after the call returns. */
@FunctionalInterface
public interface TraceSink {
  void onEvent(TraceEvent event);
}
