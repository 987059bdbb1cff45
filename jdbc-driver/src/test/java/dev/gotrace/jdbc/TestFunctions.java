package dev.gotrace.jdbc;

/** A SQL function that exists only in tests, to exercise {@link FunctionRegistry}. */
public final class TestFunctions {
  private TestFunctions() {}

  /** {@code hex_id(x)}: x in lower-case hex with a 0x prefix; NULL for NULL. */
  public static String hexId(Long id) {
    return id == null ? null : "0x" + Long.toHexString(id);
  }
}
