package dev.gotrace.core.v1;

/**
 * Receives a v1 trace converted into Go's v2 low-level events, in order and at their final times,
 * as Go's {@code traceV1Converter} hands them to its reader: v2 wire type ({@code wire.EventType}),
 * context, arguments laid out as the v2 events' (string and stack arguments already trace-wide
 * ids) and, for status events, the state before the transition (Go's {@code base.extra}).
 */
public interface ConvertedEventSink {
  /** A Sync framing the trace's single generation. */
  void sync(long time, long number);

  /** One event; {@code args} is reused for the next call. */
  void event(int type, long time, long thread, long proc, long goroutine, long[] args, int fromState);
}
