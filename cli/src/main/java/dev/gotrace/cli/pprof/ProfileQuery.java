package dev.gotrace.cli.pprof;

/**
 * A query whose rows are pprof samples: a {@code stack_id} column and numeric value columns, and
 * the profile's period.
 *
 * @param sql the query
 * @param periodType pprof's period type, e.g. "trace" or "cpu"
 * @param periodUnit its unit, e.g. "count" or "nanoseconds"
 * @param period events between samples
 */
public record ProfileQuery(String sql, String periodType, String periodUnit, long period) {
  /** runtime/pprof's default CPU sampling period: 100 Hz. */
  static final long CPU_PERIOD_NS = 10_000_000;

  /** A query of the user's, with cmd/trace's period (trace/count, 1). */
  public static ProfileQuery custom(String sql) {
    return new ProfileQuery(sql, "trace", "count", 1);
  }
}
