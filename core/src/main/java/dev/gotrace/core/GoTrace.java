package dev.gotrace.core;

import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.export.TableExport;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import dev.gotrace.core.table.MemoryBoundExceededException;
import dev.gotrace.core.table.TraceDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** Called after each trace an export wrote. */
  public interface ExportListener {
    /**
     * @param files files written (one per table)
     * @param rows rows written, all tables together
     * @param damage the decoder's error if the trace is cut or broken (what was read before it is
     *     exported), else null
     */
    void exported(String traceId, int files, long rows, String damage);
  }

  /** An export needed more memory than the process's bound (Arrow tables or heap) allows. */
  public static final class MemoryBoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MemoryBoundException(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Writes every table of {@code traces} as Parquet under the existing directory {@code out}:
   * {@code <table>/trace_id=<escaped id>/part-0.parquet}, Spark's layout of a dataset partitioned by
   * trace_id. One trace's tables are in memory at a time.
   *
   * @throws dev.gotrace.core.format.TraceFormatException if a file is not a Go execution trace
   * @throws MemoryBoundException if a trace's tables do not fit the memory bound
   */
  public static void exportParquet(List<TraceFiles.TraceFile> traces, Path out, ExportListener listener)
      throws IOException {
    export(traces, out, TableExport.Format.PARQUET, listener);
  }

  /** As {@link #exportParquet}, with Arrow IPC files ({@code part-0.arrow}, strings dictionary-encoded). */
  public static void exportArrow(List<TraceFiles.TraceFile> traces, Path out, ExportListener listener)
      throws IOException {
    export(traces, out, TableExport.Format.ARROW, listener);
  }

  private static void export(List<TraceFiles.TraceFile> traces, Path out, TableExport.Format format,
      ExportListener listener) throws IOException {
    try {
      TableExport.write(byId(traces), out, format, listener::exported);
    } catch (MemoryBoundExceededException e) {
      throw new MemoryBoundException(e);
    }
  }

  private static Map<String, Path> byId(List<TraceFiles.TraceFile> traces) {
    Map<String, Path> byId = new LinkedHashMap<>();
    for (TraceFiles.TraceFile t : traces) byId.put(t.traceId(), t.path());
    return byId;
  }
}
