package dev.gotrace.core.read;

/**
 * One event as Go's {@code Reader.ReadEvent} returns it: type, final time, context and arguments,
 * with every string and stack argument already turned into a trace-wide {@code StringPool} or
 * {@code StackTable} id. Reused for every event.
 */
final class StreamEvent {
  /** Go's type number for its synthetic Sync event. */
  static final int SYNC = 255;

  int type;
  long time;
  long thread;
  long proc;
  long goroutine;
  final long[] args = new long[4];
  /** The state before a status or steal transition ({@code order.BaseEvent#fromState}). */
  int fromState;
  /** Generation number the event belongs to. */
  long gen;

  // Sync only.
  long syncNumber;
  /** The Sync opens a generation (false for the final Sync and one emitted before an error). */
  boolean startsGeneration;
  /** Units per second of the generation a Sync opens. */
  long frequency;
  boolean hasClockSnapshot;
  long snapshotTraceTime;
  long snapshotMono;
  long snapshotWallSeconds;
  long snapshotWallNanos;

  /** A copy, for handing the event to another thread. */
  StreamEvent copy() {
    StreamEvent c = new StreamEvent();
    c.type = type;
    c.time = time;
    c.thread = thread;
    c.proc = proc;
    c.goroutine = goroutine;
    System.arraycopy(args, 0, c.args, 0, args.length);
    c.fromState = fromState;
    c.gen = gen;
    c.syncNumber = syncNumber;
    c.startsGeneration = startsGeneration;
    c.frequency = frequency;
    c.hasClockSnapshot = hasClockSnapshot;
    c.snapshotTraceTime = snapshotTraceTime;
    c.snapshotMono = snapshotMono;
    c.snapshotWallSeconds = snapshotWallSeconds;
    c.snapshotWallNanos = snapshotWallNanos;
    return c;
  }
}
