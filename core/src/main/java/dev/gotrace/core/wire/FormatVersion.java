package dev.gotrace.core.wire;

/**
 * The v2 trace format versions (the number in the file header, not the Go release that wrote it:
 * Go 1.24 writes 1.23, Go 1.27 writes 1.26).
 */
public enum FormatVersion {
  GO_1_22(22, 45),
  GO_1_23(23, 50),
  GO_1_25(25, 52),
  GO_1_26(26, EventSpecs.COUNT);

  private final int minor;
  private final int namedEvents;

  FormatVersion(int minor, int namedEvents) {
    this.minor = minor;
    this.namedEvents = namedEvents;
  }

  /** The header's minor number, e.g. 26. */
  public int minor() { return minor; }

  /** "1.26". */
  public String label() { return "1." + minor; }

  /** Sync batches with a clock snapshot replace the lone frequency batch. */
  public boolean hasSyncBatch() { return minor >= 25; }

  /** Generations end with an in-band EndOfGeneration byte. */
  public boolean hasEndOfGeneration() { return minor >= 26; }

  /**
   * Go's {@code Version.EventName}: names come from this version's slice of the spec table, so a
   * newer event in an older trace prints as {@code Invalid(N)}.
   */
  public String eventName(int type) {
    if (type < namedEvents) {
      String name = EventSpecs.get(type).name();
      if (!name.isEmpty()) return name;
    }
    return "Invalid(" + type + ")";
  }

  /** The v2 version with this header number, or null. */
  public static FormatVersion ofMinor(long minor) {
    for (FormatVersion v : values()) {
      if (v.minor == minor) return v;
    }
    return null;
  }
}
