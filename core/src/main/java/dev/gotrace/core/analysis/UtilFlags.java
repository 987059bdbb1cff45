package dev.gotrace.core.analysis;

import java.util.Locale;

/**
 * What counts as "not mutator" time in a utilization function, as Go's {@code internal/trace.UtilFlags}:
 * {@code stw|background|assist|sweep|perproc}.
 */
public final class UtilFlags {
  public static final int STW = 1;
  public static final int BACKGROUND = 2;
  public static final int ASSIST = 4;
  public static final int SWEEP = 8;
  public static final int PER_PROC = 16;

  /** {@code go tool trace}'s /mmu page default: STW, background workers and assists. */
  public static final String DEFAULT = "stw|background|assist";

  private UtilFlags() {}

  /** Parses {@code "stw|assist"} (also {@code ,} or space separated; case-insensitive). */
  public static int parse(String flags) {
    int bits = 0;
    for (String part : flags.toLowerCase(Locale.ROOT).split("[|, ]+")) {
      switch (part) {
        case "" -> { }
        case "stw" -> bits |= STW;
        case "background" -> bits |= BACKGROUND;
        case "assist" -> bits |= ASSIST;
        case "sweep" -> bits |= SWEEP;
        case "perproc" -> bits |= PER_PROC;
        default -> throw new IllegalArgumentException("unknown utilization flag '" + part
            + "' (expected stw, background, assist, sweep, perproc)");
      }
    }
    return bits;
  }
}
