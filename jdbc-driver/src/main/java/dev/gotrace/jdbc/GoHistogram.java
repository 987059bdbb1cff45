package dev.gotrace.jdbc;

/**
 * SQL scalar functions {@code go_histogram_bucket(ns)} and {@code go_histogram_bucket_min(bucket)}:
 * the duration histogram of go tool trace's user region and task pages
 * (internal/trace/traceviewer.TimeHistogram), five buckets per power of ten. StrictMath is fdlibm,
 * the algorithm Go's math.Log, Pow and Exp give the same bits for here (checked against Go's
 * bucket bounds and counts by HistogramsGoldenTest).
 */
public final class GoHistogram {
  /** Go's logDiv = math.Log(math.Pow(10, 1.0/5)). */
  private static final double LOG_DIV = StrictMath.log(StrictMath.pow(10, 1.0 / 5));

  private GoHistogram() {}

  /** The bucket of a duration: int(ln(ns) / logDiv) for ns > 0, else 0; NULL for NULL. */
  public static Integer bucket(Long ns) {
    if (ns == null) return null;
    return ns > 0 ? (int) (StrictMath.log((double) ns) / LOG_DIV) : 0;
  }

  /** The smallest duration of a bucket as Go prints it: time.Duration(exp(bucket * logDiv)); NULL for NULL. */
  public static Long bucketMin(Integer bucket) {
    return bucket == null ? null : (long) StrictMath.exp(bucket * LOG_DIV);
  }
}
