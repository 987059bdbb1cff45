package dev.gotrace.core.analysis;

import java.util.Locale;

/**
 * What counts as "not mutator" time in a utilization function, as Go's {@code internal/trace.UtilFlags}:
 * {@code stw|background|assist|sweep|perproc}, plus our {@code background_once}.
 */
public final class UtilFlags {
  public static final int STW = 1;
  public static final int BACKGROUND = 2;
  public static final int ASSIST = 4;
  public static final int SWEEP = 8;
  public static final int PER_PROC = 16;
  /**
   * Not Go's: like {@link #BACKGROUND}, but a worker's label counts only the first time. Go counts
   * the label after every start of a labelled worker on top of the start itself, so the P's GC
   * counter drifts up by one per run and utilization sticks at 0 on long traces; this corrects it.
   */
  public static final int BACKGROUND_ONCE = 32;

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
        case "background_once" -> bits |= BACKGROUND_ONCE;
        default -> throw new IllegalArgumentException("unknown utilization flag '" + part
            + "' (expected stw, background, background_once, assist, sweep, perproc)");
      }
    }
    return bits;
  }
}
