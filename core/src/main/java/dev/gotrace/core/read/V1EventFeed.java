package dev.gotrace.core.read;

import dev.gotrace.core.order.Ordering;
import dev.gotrace.core.v1.ConvertedEventSink;

/**
 * Feeds a converted v1 trace through the v2 path's naming and publishing, so v1 and v2 events get
 * their public meaning from one mapping (Go's reader does the same with {@code tracev1.go}'s output).
 */
final class V1EventFeed implements ConvertedEventSink {
  /** The v1 trace is one generation. */
  private static final long GENERATION = 1;

  private final DerivedNames derived;
  private final EventPublisher publisher;
  private final StreamEvent event = new StreamEvent();

  V1EventFeed(DerivedNames derived, EventPublisher publisher) {
    this.derived = derived;
    this.publisher = publisher;
    event.gen = GENERATION;
  }

  @Override
  public void sync(long time, long number) {
    event.type = StreamEvent.SYNC;
    event.time = time;
    event.thread = Ordering.NONE;
    event.proc = Ordering.NONE;
    event.goroutine = Ordering.NONE;
    event.syncNumber = number;
    publisher.publishSync(event);
  }

  @Override
  public void event(int type, long time, long thread, long proc, long goroutine, long[] args, int fromState) {
    event.type = type;
    event.time = time;
    event.thread = thread;
    event.proc = proc;
    event.goroutine = goroutine;
    System.arraycopy(args, 0, event.args, 0, event.args.length);
    event.fromState = fromState;
    derived.prepare(event);
    publisher.publish(event);
  }
}
