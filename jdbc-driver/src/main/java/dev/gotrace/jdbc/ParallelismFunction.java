package dev.gotrace.jdbc;

import dev.gotrace.core.analysis.Parallelism;
import dev.gotrace.core.table.TraceDatabase;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(parallelism(bucket_ns))}: per time bucket, how many goroutines ran, waited for a P,
 * were blocked or in syscalls, and how many Ps were idle, on average over the bucket
 * ({@link Parallelism}); the nanosecond sums the averages come from are columns too.
 */
public final class ParallelismFunction {
  private static final List<AnalysisTable.Column> COLUMNS = List.of(
      column("bucket_ts", SqlTypeName.BIGINT),
      column("bucket_ns", SqlTypeName.BIGINT),
      column("running_goroutines", SqlTypeName.DOUBLE),
      column("runnable_goroutines", SqlTypeName.DOUBLE),
      column("blocked_goroutines", SqlTypeName.DOUBLE),
      column("syscall_goroutines", SqlTypeName.DOUBLE),
      column("running_procs", SqlTypeName.DOUBLE),
      column("idle_procs", SqlTypeName.DOUBLE),
      column("gomaxprocs", SqlTypeName.DOUBLE),
      column("running_ns", SqlTypeName.BIGINT),
      column("runnable_ns", SqlTypeName.BIGINT),
      column("blocked_ns", SqlTypeName.BIGINT),
      column("syscall_ns", SqlTypeName.BIGINT),
      column("running_proc_ns", SqlTypeName.BIGINT),
      column("idle_proc_ns", SqlTypeName.BIGINT));

  private ParallelismFunction() {}

  public static ScannableTable parallelism(long bucketNs) {
    if (bucketNs <= 0) throw new IllegalArgumentException("parallelism: bucket_ns must be > 0, got " + bucketNs);
    return new AnalysisTable("parallelism", COLUMNS) {
      @Override List<Object[]> rows(TraceDatabase db) {
        List<Object[]> rows = new ArrayList<>();
        for (Parallelism.Bucket b : Parallelism.compute(db, bucketNs)) {
          double w = b.width();
          long idle = b.gomaxprocsNs() - b.runningPNs();
          rows.add(new Object[] {b.ts(), b.width(), b.runningNs() / w, b.runnableNs() / w, b.blockedNs() / w,
              b.syscallNs() / w, b.runningPNs() / w, idle / w, b.gomaxprocsNs() / w, b.runningNs(), b.runnableNs(),
              b.blockedNs(), b.syscallNs(), b.runningPNs(), idle});
        }
        return rows;
      }
    };
  }

  private static AnalysisTable.Column column(String name, SqlTypeName type) {
    return new AnalysisTable.Column(name, type, true);
  }
}
