package dev.gotrace.core.table;

/**
 * Building the tables a query reads needs more memory than the bound allows: the Arrow bound of
 * {@link MemoryBound}, or the JVM's maximum heap, which holds a pass's rows until they are written.
 * Nothing of the failed pass is kept; the database stays usable for smaller tables.
 */
public final class MemoryBoundExceededException extends RuntimeException {
  public MemoryBoundExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
