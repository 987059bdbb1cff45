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
