package dev.gotrace.core.read;

import dev.gotrace.core.TraceFormatException;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.wire.BufferedReadModel;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.FormatVersion;
import dev.gotrace.core.wire.TraceHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decodes a Go 1.22+ execution trace into the event stream Go 1.27's reader produces, event for
 * event. A generation's events reach the sink only after the whole generation was ordered
 * without error; on an error the sink has seen exactly what {@code go tool trace} keeps
 * (everything up to the last Sync). One reader per trace: strings and stacks accumulate in
 * {@link #strings()} and {@link #stacks()}.
 */
public final class TraceReader {
  private final ReadOptions options;
  private final StringPool strings = new StringPool();
  private final StackTable stacks = new StackTable();

  public TraceReader(ReadOptions options) { this.options = options; }

  /** Trace-wide strings; events refer to them by id. Filled while reading. */
  public StringPool strings() { return strings; }

  /** Trace-wide stacks; events refer to them by id. Filled while reading. */
  public StackTable stacks() { return stacks; }

  public TraceReadResult read(Path file, TraceSink sink) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return run(new ByteReader(channel), channel.size(), sink);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public TraceReadResult read(byte[] trace, TraceSink sink) {
    return run(new ByteReader(trace, 0, trace.length, 0), trace.length, sink);
  }

  private TraceReadResult run(ByteReader in, long size, TraceSink sink) {
    BufferedReadModel model = new BufferedReadModel(size);
    in.setModel(model);
    FormatVersion version = TraceHeader.read(in);
    EventStream stream = new EventStream(version, in, strings, stacks);
    EventPublisher publisher = new EventPublisher(strings, sink);
    PendingEvents pending = new PendingEvents();
    StreamEvent ev = new StreamEvent();
    long generations = 0;
    boolean generationOpen = false;
    long firstTime = 0;
    long lastTime = 0;
    long frequency = 0;
    Long wallClockStart = null;
    long validBytes = 0;
    TraceFormatException error = null;
    try {
      while (stream.next(ev)) {
        if (ev.type != StreamEvent.SYNC) {
          pending.add(ev);
          continue;
        }
        // Everything before a Sync is kept, whatever happens later.
        publisher.publish(pending);
        pending.clear();
        if (generationOpen) generations++;
        generationOpen = ev.startsGeneration;
        if (publisher.count() == 0) {
          firstTime = ev.time;
          frequency = ev.frequency;
          if (ev.hasClockSnapshot) wallClockStart = wallClock(ev);
        }
        publisher.publishSync(ev);
        lastTime = ev.time;
        validBytes = model.pulled();
      }
      validBytes = model.pulled();
    } catch (TraceFormatException e) {
      pending.clear();
      if (publisher.count() == 0 || options.strictMode()) throw e;
      error = e;
    }
    return new TraceReadResult(version.label(), publisher.count(), generations, firstTime, lastTime, frequency,
        wallClockStart, size, validBytes, error);
  }

  /** Unix ns of the Sync's time, from its clock snapshot (Go's time.Unix(sec, nsec) plus the offset). */
  private static long wallClock(StreamEvent s) {
    return s.snapshotWallSeconds * 1_000_000_000L + s.snapshotWallNanos + (s.time - s.snapshotTraceTime);
  }
}
