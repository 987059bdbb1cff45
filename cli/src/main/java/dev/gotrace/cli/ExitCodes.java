package dev.gotrace.cli;

/**
 * The exit codes of {@code gotrace-sql}, listed in {@code --help}. SQL errors use 2 as SQLLine
 * does, so {@code query} and {@code shell} agree; usage and internal errors follow sysexits.h.
 */
final class ExitCodes {
  static final int OK = 0;
  /** The trace (or an SQL file) is missing, unreadable or not a Go execution trace. */
  static final int INPUT = 1;
  /** report: a --fail-if condition is true (the output and stderr name it with the value found). */
  static final int CONDITION_FAILED = 1;
  /** The SQL failed: syntax, unknown table or column, or an error while running it. */
  static final int SQL = 2;
  /** The query needed more memory than the bound (GOTRACE_SQL_MEMORY) allows. */
  static final int MEMORY = 3;
  /** Wrong command line (sysexits EX_USAGE). */
  static final int USAGE = 64;
  /** A bug or the JVM running out of memory (sysexits EX_SOFTWARE). */
  static final int INTERNAL = 70;

  private ExitCodes() {}
}
