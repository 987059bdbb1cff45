package dev.gotrace.jdbc;

/** A statement that would change data or schema on a read-only gotrace connection (SQLState 0A000). */
final class ReadOnlyViolationException extends RuntimeException {
  ReadOnlyViolationException(String message) {
    super(message);
  }
}
