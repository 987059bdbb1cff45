package dev.gotrace.core.export;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.table.MemoryBoundExceededException;
import dev.gotrace.core.table.TableSchemas;
import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every table of each trace as {@code <out>/<table>/trace_id=<escaped id>/part-0.<ext>}:
 * the layout Spark writes for a dataset partitioned by {@code trace_id}, so engines that read Hive
 * partitions add the column back (the files themselves hold the table's own columns). One trace
 * at a time, in {@link #passes} whose tables are freed once written.
 */
public final class TableExport {
  /** The partition column. */
  public static final String PARTITION_COLUMN = "trace_id";

  /** How a table of a trace is written to one file. */
  public enum Format {
    PARQUET(".parquet"),
    ARROW(".arrow");

    private final String extension;

    Format(String extension) { this.extension = extension; }

    /** The files' extension, with its dot. */
    public String extension() { return extension; }

    void write(TraceTable table, Path file) throws IOException {
      if (this == PARQUET) {
        ParquetTableFile.write(table, file);
      } else {
        table.writeArrowFile(file);
      }
    }
  }

  /** Called after each trace with what was written of it. */
  public interface Listener {
    /**
     * @param damage the decoder's error if the file is cut or broken (what was read before it is
     *     exported), else null
     */
    void exported(String traceId, int files, long rows, String damage);
  }

  private TableExport() {}

  /**
   * Writes the tables of {@code traces} (trace_id to file, in order) under {@code out}, an existing
   * directory.
   *
   * @throws IOException if a trace cannot be read or a file cannot be written
   */
  public static void write(Map<String, Path> traces, Path out, Format format, Listener listener) throws IOException {
    for (Map.Entry<String, Path> trace : traces.entrySet()) write(trace.getKey(), trace.getValue(), out, format, listener);
  }

  private static void write(String traceId, Path trace, Path out, Format format, Listener listener) throws IOException {
    String partition = HivePartition.directory(PARTITION_COLUMN, traceId);
    int files = 0;
    long rows = 0;
    String damage = null;
    Deque<List<String>> passes = new ArrayDeque<>(passes(trace));
    while (!passes.isEmpty()) {
      List<String> pass = passes.pop();
      try (TraceDatabase db = TraceDatabase.open(trace)) {
        db.request(pass);
        try {
          db.table(pass.get(0));
        } catch (MemoryBoundExceededException e) {
          // Too many tables for one pass of this trace: build each half in a pass of its own.
          if (pass.size() == 1) throw e;
          passes.push(List.copyOf(pass.subList(pass.size() / 2, pass.size())));
          passes.push(List.copyOf(pass.subList(0, pass.size() / 2)));
          continue;
        }
        for (String name : pass) {
          TraceTable table = db.table(name);
          Path dir = Files.createDirectories(out.resolve(name).resolve(partition));
          format.write(table, dir.resolve("part-0" + format.extension()));
          files++;
          rows += table.rowCount();
        }
        TraceReadResult result = db.readResult();
        if (result.error() != null) damage = result.error().getMessage();
      }
    }
    listener.exported(traceId, files, rows, damage);
  }

  /**
   * The tables in groups, each built by one decode pass and freed before the next. A pass holds its
   * rows on the heap until it writes them, so the busiest tables (an estimate of at least a tenth of
   * the largest's: a busy trace's events, goroutine_states, blocking_intervals) get a pass each and
   * the others share one: no pass needs more memory than a query of the largest table, which is
   * what the launcher sizes the heap for. A pass that still does not fit is split in two and run
   * again ({@link #write}).
   */
  static List<List<String>> passes(Path trace) throws IOException {
    Map<String, Double> estimates = new LinkedHashMap<>();
    try (TraceDatabase db = TraceDatabase.open(trace)) {
      for (String name : TableSchemas.names()) estimates.put(name, db.estimatedRowCount(name));
    }
    double largest = estimates.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<List<String>> passes = new ArrayList<>();
    List<String> small = new ArrayList<>();
    estimates.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
      if (e.getValue() >= largest / 10) {
        passes.add(List.of(e.getKey()));
      } else {
        small.add(e.getKey());
      }
    });
    if (!small.isEmpty()) passes.add(small);
    return passes;
  }
}
