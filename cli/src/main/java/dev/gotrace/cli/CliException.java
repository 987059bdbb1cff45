package dev.gotrace.cli;

/** An error the CLI reports as one line on stderr, then exits non-zero. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) { super(message); }

  CliException(String message, Throwable cause) { super(message, cause); }
}
