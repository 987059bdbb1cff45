package dev.gotrace.jdbc;

import java.util.List;

/**
 * One open {@link TableCatalog} shared by a connection and the scans reading it. Scans hold a
 * lease while they may touch Arrow memory; {@link #close()} frees the catalogue at once if no
 * scan holds a lease, else when the last lease is released. So closing a connection never frees
 * buffers a running scan still reads.
 */
final class SharedCatalog implements AutoCloseable {
  private final TableCatalog catalog;
  private int leases;
  private boolean closing;

  SharedCatalog(TableCatalog catalog) {
    this.catalog = catalog;
  }

  List<ArrowTableSource> tables() {
    return catalog.tables();
  }

  /**
   * Applies {@code analysis} to the object behind the catalogue while holding a lease.
   *
   * @throws IllegalStateException if the catalogue is closed or is not backed by a {@code type}
   */
  <T, R> R withUnwrapped(Class<T> type, java.util.function.Function<T, R> analysis) {
    acquire();
    try {
      T target = catalog.unwrap(type).orElseThrow(() -> new IllegalStateException(
          "this trace catalogue offers no " + type.getSimpleName()));
      return analysis.apply(target);
    } finally {
      release();
    }
  }

  /** Runs {@code work} while holding a lease (so the catalogue stays open meanwhile). */
  <R> R leased(java.util.function.Supplier<R> work) {
    acquire();
    try {
      return work.get();
    } finally {
      release();
    }
  }

  /**
   * Takes a lease on the data.
   *
   * @throws IllegalStateException if the catalogue is already closed
   */
  synchronized void acquire() {
    if (closing) throw new IllegalStateException("the trace is closed: its connection was closed");
    leases++;
  }

  /** Returns a lease taken by {@link #acquire()}. */
  synchronized void release() {
    if (leases <= 0) throw new IllegalStateException("lease released twice");
    leases--;
    if (leases == 0 && closing) catalog.close();
  }

  /** Closes the catalogue now, or when the last lease is released. Idempotent. */
  @Override
  public synchronized void close() {
    if (closing) return;
    closing = true;
    if (leases == 0) catalog.close();
  }
}
