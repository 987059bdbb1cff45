package dev.gotrace.server;

import java.util.concurrent.Semaphore;
import org.apache.arrow.flight.CallStatus;

/** Bounds the queries running at once; past the bound a query is refused at once, not queued. */
final class QuerySlots {
  private final int max;
  private final Semaphore slots;

  QuerySlots(int max) {
    if (max < 1) throw new IllegalArgumentException("the query bound must be at least 1, not " + max);
    this.max = max;
    this.slots = new Semaphore(max);
  }

  /**
   * Takes a slot, to be given back with {@link #release()}.
   *
   * @throws org.apache.arrow.flight.FlightRuntimeException RESOURCE_EXHAUSTED if all are taken
   */
  void acquire() {
    if (!slots.tryAcquire()) {
      throw CallStatus.RESOURCE_EXHAUSTED.withDescription("the server is running its maximum of " + max
          + " concurrent queries; retry later, or start it with a larger --max-queries").toRuntimeException();
    }
  }

  void release() {
    slots.release();
  }

  /** Queries running now. */
  int running() {
    return max - slots.availablePermits();
  }
}
