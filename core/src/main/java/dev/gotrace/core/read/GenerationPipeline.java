package dev.gotrace.core.read;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.wire.BufferedReadModel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and orders generations on a thread of its own while the caller publishes the previous
 * one, so decoding and table building use two cores. Generations still reach the caller one at a
 * time and in file order; each is handed over whole, with the Sync that closes it, and only after
 * it was ordered without error (what a sequential reader keeps is exactly what is handed over).
 * Two buffers circulate: one being filled, one being published.
 */
final class GenerationPipeline implements AutoCloseable {
  /** One generation's events and the Sync after them, or the end of the stream. */
  record Handoff(PendingEvents events, StreamEvent sync, long validBytes, TraceFormatException error,
      Throwable failure) {
    boolean isEnd() { return sync == null; }
  }

  private static final int BUFFERS = 2;

  private final EventStream stream;
  private final BufferedReadModel model;
  private final DerivedNames derived;
  private final BlockingQueue<PendingEvents> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Handoff> full = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final Thread thread;

  GenerationPipeline(EventStream stream, BufferedReadModel model, DerivedNames derived) {
    this.stream = stream;
    this.model = model;
    this.derived = derived;
    for (int i = 0; i < BUFFERS; i++) free.add(new PendingEvents());
    thread = new Thread(this::produce, "gotrace-decode");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The next generation (or the end); blocks until the reading thread has it.
   *
   * @throws IllegalStateException if the reading thread ended without handing over the end, which
   *     it never should: a reader must fail, never hang
   */
  Handoff take() {
    try {
      while (true) {
        Handoff next = full.poll(1, TimeUnit.SECONDS);
        if (next != null) return next;
        if (!thread.isAlive() && full.isEmpty()) {
          throw new IllegalStateException("the trace's reading thread ended without a result");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding the trace", e);
    }
  }

  /** Gives a published generation's buffer back for reuse. */
  void recycle(PendingEvents events) {
    events.clear();
    free.add(events);
  }

  /** Stops the reading thread (if the caller gave up early) and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void produce() {
    try {
      PendingEvents pending = free.take();
      StreamEvent ev = new StreamEvent();
      Handoff end;
      try {
        while (stream.next(ev)) {
          derived.prepare(ev);
          if (ev.type != StreamEvent.SYNC) {
            pending.add(ev);
            // A caller that gave up should not wait for the rest of a long generation.
            if ((pending.size() & 0xfff) == 0 && Thread.currentThread().isInterrupted()) return;
            continue;
          }
          full.put(new Handoff(pending, ev.copy(), model.pulled(), null, null));
          pending = free.take();
        }
        end = new Handoff(null, null, model.pulled(), null, null);
      } catch (TraceFormatException e) {
        end = new Handoff(null, null, -1, e, null);
      } catch (RuntimeException | Error e) {
        end = new Handoff(null, null, -1, null, e);
      }
      full.put(end);
    } catch (InterruptedException e) {
      // The caller stopped reading (its sink failed); nothing is waiting for more.
    }
  }
}
