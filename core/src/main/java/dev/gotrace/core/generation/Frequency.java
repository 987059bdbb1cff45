package dev.gotrace.core.generation;

/**
 * Trace-clock conversion exactly as Go computes it on amd64: {@code frequency} is float64
 * nanoseconds per unit, {@code mul} converts an unsigned raw value with float64 arithmetic and
 * truncates to int64 (out-of-range and NaN give {@code MinInt64}, as the CVTTSD2SQ instruction does).
 */
public final class Frequency {
  private Frequency() {}

  /** Go's {@code frequency(1.0 / (float64(f) / 1e9))} for a Frequency event value. */
  public static double nsPerUnit(long unitsPerSecond) {
    return 1.0 / (unsignedToDouble(unitsPerSecond) / 1e9);
  }

  /** Go's {@code frequency.mul}: raw (unsigned) trace-clock value to ns. */
  public static long mul(double nsPerUnit, long raw) {
    return toInt64(unsignedToDouble(raw) * nsPerUnit);
  }

  /** Go's uint64 → float64 conversion (round to nearest even). */
  public static double unsignedToDouble(long x) {
    if (x >= 0) return (double) x;
    return (double) ((x >>> 1) | (x & 1)) * 2.0;
  }

  /** Go's float64 → int64 conversion on amd64. */
  public static long toInt64(double d) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return Long.MIN_VALUE;
    return (long) d;
  }
}
