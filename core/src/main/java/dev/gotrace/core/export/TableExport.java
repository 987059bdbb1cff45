package dev.gotrace.core.export;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.table.TableSchemas;
import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    for (List<String> pass : passes(trace)) {
      try (TraceDatabase db = TraceDatabase.open(trace)) {
        db.request(pass);
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
   * The tables in groups, each built by one decode pass and freed before the next: a group's
   * estimated rows stay within the largest table's, the size the launcher gives the heap for (a
   * pass holds its rows on the heap until it writes them), so a busy trace's events,
   * goroutine_states and blocking_intervals each get a pass and the small tables join them.
   */
  static List<List<String>> passes(Path trace) throws IOException {
    Map<String, Double> estimates = new LinkedHashMap<>();
    try (TraceDatabase db = TraceDatabase.open(trace)) {
      for (String name : TableSchemas.names()) estimates.put(name, db.estimatedRowCount(name));
    }
    double budget = estimates.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<List<String>> passes = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    // Largest first, each into the first pass it fits (first-fit decreasing).
    estimates.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
      for (int i = 0; i < passes.size(); i++) {
        if (sizes.get(i) + e.getValue() <= budget) {
          passes.get(i).add(e.getKey());
          sizes.set(i, sizes.get(i) + e.getValue());
          return;
        }
      }
      passes.add(new ArrayList<>(List.of(e.getKey())));
      sizes.add(e.getValue());
    });
    return passes;
  }
}
