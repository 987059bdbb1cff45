package dev.gotrace.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Copies a result set into one {@link VectorSchemaRoot}, a batch at a time, so a large result is
 * streamed and never held whole. The root's schema comes from {@link ArrowTypes#schema}.
 */
final class ResultBatches {
  private final ResultSet rows;
  private final VectorSchemaRoot root;
  private boolean done;

  ResultBatches(ResultSet rows, VectorSchemaRoot root) {
    this.rows = rows;
    this.root = root;
  }

  /** Replaces the root's contents with the next up to {@code maxRows} rows; 0 at the end. */
  int fill(int maxRows) throws SQLException {
    List<FieldVector> vectors = root.getFieldVectors();
    root.allocateNew();
    int n = 0;
    while (!done && n < maxRows) {
      if (!rows.next()) {
        done = true;
        break;
      }
      for (int c = 0; c < vectors.size(); c++) set(vectors.get(c), n, c + 1);
      n++;
    }
    root.setRowCount(n);
    return n;
  }

  private void set(FieldVector vector, int row, int column) throws SQLException {
    if (vector instanceof BigIntVector v) {
      long x = rows.getLong(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof IntVector v) {
      int x = rows.getInt(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof SmallIntVector v) {
      short x = rows.getShort(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof TinyIntVector v) {
      byte x = rows.getByte(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof BitVector v) {
      boolean x = rows.getBoolean(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x ? 1 : 0);
    } else if (vector instanceof Float8Vector v) {
      double x = rows.getDouble(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof Float4Vector v) {
      float x = rows.getFloat(column);
      if (rows.wasNull()) v.setNull(row); else v.setSafe(row, x);
    } else if (vector instanceof DecimalVector v) {
      BigDecimal x = rows.getBigDecimal(column);
      if (x == null) v.setNull(row); else v.setSafe(row, x.setScale(v.getScale(), RoundingMode.HALF_EVEN));
    } else {
      String x = rows.getString(column);
      VarCharVector v = (VarCharVector) vector;
      if (x == null) v.setNull(row); else v.setSafe(row, x.getBytes(StandardCharsets.UTF_8));
    }
  }
}
