package dev.gotrace.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Reads the rows of an {@link ArrowTable} that pass the pushed predicates, as arrays of the
 * projected columns' values.
 *
 * <p>Rows are produced a chunk at a time: the predicates narrow a selection of up to {@link
 * #CHUNK} rows of the current batch, and the selected rows are boxed column by column. Only the
 * vectors of projected and filtered columns are fetched. A consumer that stops early (LIMIT)
 * never reads past the chunk it stopped in. Arrow memory is only touched inside {@link
 * #fillChunk()}, under a lease on the catalogue and under this object's lock, so a concurrent
 * {@link #close()} waits for the chunk in progress and the buffers cannot be freed under it.
 */
final class ArrowEnumerator implements Enumerator<Object[]> {
  /** Rows per selection chunk: small enough for LIMIT, large enough to amortise the loops. */
  static final int CHUNK = 1024;

  private static final Object[] EMPTY_ROW = new Object[0];

  private final SharedCatalog catalog;
  private final List<VectorSchemaRoot> batches;
  private final ArrowColumn[] projected;
  private final List<RowPredicate> predicates;
  private final int[] readColumns;
  private final AtomicBoolean cancelFlag;

  private final FieldVector[] vectors;
  private final boolean[] hasNulls;
  private final int[] selection = new int[CHUNK];
  private int batch = -1;
  private int batchRows;
  private int nextRow;
  private Object[][] chunk;
  private int chunkSize;
  private int chunkPos;
  private Object[] current;
  private boolean leased;
  private boolean closed;

  /**
   * @param columnCount number of columns of the table
   * @param readColumns indices of the projected and filtered columns: the only vectors read
   * @param cancelFlag set when the statement is cancelled; may be null
   */
  ArrowEnumerator(SharedCatalog catalog, List<VectorSchemaRoot> batches, int columnCount,
      ArrowColumn[] projected, List<RowPredicate> predicates, int[] readColumns, AtomicBoolean cancelFlag) {
    this.catalog = catalog;
    this.batches = batches;
    this.projected = projected;
    this.predicates = predicates;
    this.readColumns = readColumns;
    this.cancelFlag = cancelFlag;
    this.vectors = new FieldVector[columnCount];
    this.hasNulls = new boolean[columnCount];
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (chunkPos >= chunkSize) {
      if (!fillChunk()) return false;
    }
    current = chunk == null ? EMPTY_ROW : chunk[chunkPos];
    chunkPos++;
    return true;
  }

  /** Selects and boxes the next chunk with at least one row; false at the end of the data. */
  private synchronized boolean fillChunk() {
    if (closed) return false;
    if (!leased) {
      catalog.acquire();
      leased = true;
    }
    while (true) {
      checkCancelled();
      if (nextRow >= batchRows && !nextBatch()) {
        releaseLease();
        return false;
      }
      int start = nextRow;
      int count = Math.min(CHUNK, batchRows - start);
      nextRow = start + count;
      for (int k = 0; k < count; k++) selection[k] = start + k;
      for (int p = 0; p < predicates.size() && count > 0; p++) {
        RowPredicate predicate = predicates.get(p);
        int column = predicate.column();
        count = predicate.retain(vectors[column], hasNulls[column], selection, count);
      }
      if (count == 0) continue;
      chunkSize = count;
      chunkPos = 0;
      if (projected.length > 0) box(count);
      return true;
    }
  }

  private boolean nextBatch() {
    while (++batch < batches.size()) {
      VectorSchemaRoot root = batches.get(batch);
      batchRows = root.getRowCount();
      nextRow = 0;
      if (batchRows == 0) continue;
      for (int column : readColumns) {
        vectors[column] = root.getVector(column);
        hasNulls[column] = vectors[column].getNullCount() > 0;
      }
      return true;
    }
    return false;
  }

  private void box(int count) {
    Object[][] rows = new Object[count][];
    for (int k = 0; k < count; k++) rows[k] = new Object[projected.length];
    for (int slot = 0; slot < projected.length; slot++) {
      ArrowColumn column = projected[slot];
      int index = column.index();
      column.type().box(vectors[index], hasNulls[index], selection, count, rows, slot, column.dictionary());
    }
    chunk = rows;
  }

  private void checkCancelled() {
    if (cancelFlag != null && cancelFlag.get()) {
      throw new CancellationException("statement cancelled");
    }
  }

  private void releaseLease() {
    if (leased) {
      leased = false;
      Arrays.fill(vectors, null);
      catalog.release();
    }
  }

  @Override
  public synchronized void reset() {
    if (closed) throw new IllegalStateException("enumerator closed");
    batch = -1;
    batchRows = 0;
    nextRow = 0;
    chunk = null;
    chunkSize = 0;
    chunkPos = 0;
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    chunk = null;
    releaseLease();
  }
}
