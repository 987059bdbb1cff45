package dev.gotrace.core.export;

/** A partition directory's name as Spark writes it, so Spark, DuckDB and pyarrow read the value back. */
final class HivePartition {
  /** The characters Spark escapes in a partition value (ExternalCatalogUtils.escapePathName, not on Windows). */
  private static final String ESCAPED = "\"#%'*/:=?\\\u007f{[]^";

  private HivePartition() {}

  /** {@code column=value} with control characters and {@link #ESCAPED} written as {@code %XX}. */
  static String directory(String column, String value) {
    StringBuilder b = new StringBuilder(column).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || ESCAPED.indexOf(c) >= 0) {
        b.append('%').append(String.format("%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
