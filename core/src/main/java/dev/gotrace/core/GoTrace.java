package dev.gotrace.core;

import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import dev.gotrace.core.table.TraceDatabase;
import java.io.IOException;
import java.nio.file.Path;

/** Entry points for programs that use the tables or the event stream without SQL. */
public final class GoTrace {
  private GoTrace() {}

  /**
   * Checks cheaply, from its first bytes, that the file is a Go execution trace of a format this
   * reader knows, without decoding it.
   *
   * @throws dev.gotrace.core.format.TraceFormatException if it is not
   */
  public static void probe(Path trace) throws IOException {
    TraceReader.checkHeader(trace);
  }

  /** Reads a trace leniently into Arrow tables; close the result to free its memory. */
  public static TraceDatabase open(Path trace) throws IOException {
    return TraceDatabase.open(trace);
  }

  /**
   * Streams Go's events of a trace (read leniently) to {@code sink} without building tables. String
   * and stack ids in the events refer to the reader's pools; use {@link TraceReader} directly to
   * resolve them.
   */
  public static TraceReadResult forEachEvent(Path trace, TraceSink sink) throws IOException {
    return new TraceReader(ReadOptions.lenient()).read(trace, sink);
  }
}
