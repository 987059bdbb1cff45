package dev.gotrace.core.table;

import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The off-heap budget of {@link MemoryBound}, shared by Arrow tables and staged columns, is spent;
 * an {@link OutOfMemoryException} so Arrow's callers unwind as from any failed allocation.
 */
final class OffHeapBoundException extends OutOfMemoryException {
  OffHeapBoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
