package dev.gotrace.core.read;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.ReaderNames;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.wire.BufferedReadModel;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.FormatVersion;
import dev.gotrace.core.wire.TraceHeader;
import dev.gotrace.core.v1.V1Decoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decodes a Go execution trace into the event stream Go 1.27's reader produces, event for
 * event. Go 1.22+ traces are streamed by generation; Go 1.11–1.21 ("v1") traces are read whole and
 * handed to {@link V1Decoder}, which fails as a whole on any error, in either mode. A generation's events reach the sink only after the whole generation was ordered
 * without error; on an error the sink has seen exactly what {@code go tool trace} keeps
 * (everything up to the last Sync). One reader per trace: strings and stacks accumulate in
 * {@link #strings()} and {@link #stacks()}.
 */
public final class TraceReader {
  /** Largest Java byte array. */
  private static final int MAX_V1_BYTES = Integer.MAX_VALUE - 8;

  private final ReadOptions options;
  private final StringPool strings = new StringPool();
  private final StackTable stacks = new StackTable();

  public TraceReader(ReadOptions options) { this.options = options; }

  /** Trace-wide strings; events refer to them by id. Filled while reading. */
  public StringPool strings() { return strings; }

  /** Trace-wide stacks; events refer to them by id. Filled while reading. */
  public StackTable stacks() { return stacks; }

  /**
   * Checks that {@code file} starts with the header of a trace format this reader knows, without
   * decoding anything else.
   *
   * @throws TraceFormatException with Go's message if it does not
   */
  public static void checkHeader(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(V1Decoder.HEADER_LENGTH);
      while (header.hasRemaining() && channel.read(header, header.position()) > 0) { }
      if (V1Decoder.v1Minor(header.array(), header.position()) > 0) return;
      TraceHeader.read(new ByteReader(header.array(), 0, header.position(), 0));
    }
  }

  public TraceReadResult read(Path file, TraceSink sink) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(V1Decoder.HEADER_LENGTH);
      while (header.hasRemaining() && channel.read(header, header.position()) > 0) { }
      int minor = V1Decoder.v1Minor(header.array(), header.position());
      if (minor > 0) return runV1(readAll(channel), minor, sink);
      return run(new ByteReader(channel), channel.size(), sink);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public TraceReadResult read(byte[] trace, TraceSink sink) {
    int minor = V1Decoder.v1Minor(trace, trace.length);
    if (minor > 0) return runV1(trace, minor, sink);
    return run(new ByteReader(trace, 0, trace.length, 0), trace.length, sink);
  }

  private TraceReadResult run(ByteReader in, long size, TraceSink sink) {
    BufferedReadModel model = new BufferedReadModel(size);
    in.setModel(model);
    FormatVersion version = TraceHeader.read(in);
    ReaderNames names = new ReaderNames(strings);
    DerivedNames derived = new DerivedNames(strings);
    EventPublisher publisher = new EventPublisher(names, derived, sink);
    long generations = 0;
    boolean generationOpen = false;
    long firstTime = 0;
    long lastTime = 0;
    long frequency = 0;
    Long wallClockStart = null;
    long validBytes = 0;
    TraceFormatException error = null;
    try (GenerationPipeline pipeline = new GenerationPipeline(new EventStream(version, in, strings, stacks), model,
        derived)) {
      while (true) {
        GenerationPipeline.Handoff h = pipeline.take();
        if (h.isEnd()) {
          if (h.failure() instanceof RuntimeException e) throw e;
          if (h.failure() instanceof Error e) throw e;
          if (h.error() == null) {
            validBytes = h.validBytes();
          } else {
            // Everything before the last Sync is kept, whatever happened later.
            if (publisher.count() == 0 || options.strictMode()) throw h.error();
            error = h.error();
          }
          break;
        }
        publisher.publish(h.events());
        StreamEvent sync = h.sync();
        if (generationOpen) generations++;
        generationOpen = sync.startsGeneration;
        if (publisher.count() == 0) {
          firstTime = sync.time;
          frequency = sync.frequency;
          if (sync.hasClockSnapshot) wallClockStart = wallClock(sync);
        }
        publisher.publishSync(sync);
        lastTime = sync.time;
        validBytes = h.validBytes();
        pipeline.recycle(h.events());
      }
    }
    return new TraceReadResult(version.label(), publisher.count(), generations, firstTime, lastTime, frequency,
        wallClockStart, size, validBytes, error);
  }

  /** Go reads a v1 trace whole; so do we, as long as it fits in one array. */
  private static byte[] readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > MAX_V1_BYTES) {
      throw new TraceFormatException("v1 trace too large to read into memory: " + size + " bytes", MAX_V1_BYTES,
          TraceFormatException.NO_GENERATION);
    }
    ByteBuffer all = ByteBuffer.allocate((int) size);
    while (all.hasRemaining() && channel.read(all, all.position()) > 0) { }
    return all.position() == all.capacity() ? all.array() : java.util.Arrays.copyOf(all.array(), all.position());
  }

  /** A v1 trace is decoded as one generation, all or nothing, like Go's reader does. */
  private TraceReadResult runV1(byte[] trace, int minor, TraceSink sink) {
    DerivedNames derived = new DerivedNames(strings);
    EventPublisher publisher = new EventPublisher(new ReaderNames(strings), derived, sink);
    V1Decoder.Result r = V1Decoder.decode(trace, minor, strings, stacks, new V1EventFeed(derived, publisher));
    return new TraceReadResult("1." + minor, publisher.count(), 1, r.firstTime(), r.lastTime(), r.frequencyHz(),
        null, trace.length, trace.length, null);
  }

  /** Unix ns of the Sync's time, from its clock snapshot (Go's time.Unix(sec, nsec) plus the offset). */
  private static long wallClock(StreamEvent s) {
    return s.snapshotWallSeconds * 1_000_000_000L + s.snapshotWallNanos + (s.time - s.snapshotTraceTime);
  }
}
