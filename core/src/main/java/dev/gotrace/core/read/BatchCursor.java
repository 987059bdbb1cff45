package dev.gotrace.core.read;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.batch.Batch;
import dev.gotrace.core.generation.Frequency;
import dev.gotrace.core.order.BaseEvent;
import dev.gotrace.core.wire.EventSpec;
import dev.gotrace.core.wire.EventSpecs;
import dev.gotrace.core.wire.Uvarint;
import java.util.List;

/**
 * Walks one M's event batches of a generation, one event ahead (Go's {@code batchCursor}). Each
 * batch restarts the running time from its header; every delta is converted to ns on its own.
 */
final class BatchCursor {
  /** For each type: argument count including dt if the type is a timed event, else 0. */
  private static final int[] TIMED_ARGS = new int[256];

  static {
    for (int t = 0; t < 256; t++) {
      TIMED_ARGS[t] = -1;
      if (t < EventSpecs.COUNT) {
        EventSpec spec = EventSpecs.get(t);
        TIMED_ARGS[t] = spec.timed() ? spec.argCount() : 0;
      }
    }
  }

  final long thread;
  private final List<Batch> batches;
  private final byte[] data;
  private final long gen;
  private int index;
  private int dataOff;
  private long lastTs;
  private final Uvarint uvarint = new Uvarint();
  /** The event under the cursor. */
  final BaseEvent ev = new BaseEvent();
  /** Copy of {@code ev.time}, kept here so the frontier heap compares without an extra hop. */
  long time;

  BatchCursor(long thread, List<Batch> batches, byte[] data, long gen) {
    this.thread = thread;
    this.batches = batches;
    this.data = data;
    this.gen = gen;
  }

  /** Reads the next event into {@link #ev}; false when the batches are exhausted. */
  boolean next(double nsPerUnit) {
    while (index < batches.size() && batches.get(index).dataLength() == dataOff) {
      index++;
      dataOff = 0;
      lastTs = 0;
    }
    if (index == batches.size()) return false;
    Batch b = batches.get(index);
    if (lastTs == 0) lastTs = Frequency.mul(nsPerUnit, b.time());

    int start = b.dataOffset() + dataOff;
    int end = b.dataOffset() + b.dataLength();
    long offset = b.payloadOffset() + dataOff;
    int type = data[start] & 0xff;
    int argCount = TIMED_ARGS[type];
    if (argCount < 0) throw fail(offset, "found invalid event type: " + type);
    if (argCount == 0) throw fail(offset, "found event without a timestamp: type=" + type);
    int p = start + 1;
    int n = uvarint.decode(data, p, end);
    if (n <= 0) throw fail(offset, "found invalid uvarint for timestamp");
    p += n;
    long dt = uvarint.value();
    long[] args = ev.args;
    for (int i = 0; i < argCount - 1; i++) {
      n = uvarint.decode(data, p, end);
      if (n <= 0) throw fail(offset, "found invalid uvarint");
      p += n;
      args[i] = uvarint.value();
    }
    ev.type = type;
    ev.offset = offset;
    ev.time = Frequency.mul(nsPerUnit, dt) + lastTs;
    lastTs = ev.time;
    time = ev.time;
    dataOff = p - b.dataOffset();
    return true;
  }

  private TraceFormatException fail(long offset, String message) {
    return new TraceFormatException(message, offset, gen);
  }
}
