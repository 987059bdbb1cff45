package dev.gotrace.jdbc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code column <op> constant} on a DOUBLE column, with Java's comparison semantics as Calcite's
 * generated code has them (a NaN value fails every comparison but {@code <>}). NULL never passes.
 */
record DoubleComparisonPredicate(int column, SqlKind op, double constant) implements RowPredicate {
  @Override
  public int retain(FieldVector vector, boolean hasNulls, int[] rows, int count) {
    Float8Vector doubles = (Float8Vector) vector;
    ArrowBuf data = doubles.getDataBuffer();
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[k];
      if ((!hasNulls || !doubles.isNull(row)) && test(Float8Vector.get(data, row))) rows[kept++] = row;
    }
    return kept;
  }

  private boolean test(double v) {
    switch (op) {
      case EQUALS: return v == constant;
      case NOT_EQUALS: return v != constant;
      case LESS_THAN: return v < constant;
      case LESS_THAN_OR_EQUAL: return v <= constant;
      case GREATER_THAN: return v > constant;
      case GREATER_THAN_OR_EQUAL: return v >= constant;
      default: throw new IllegalStateException("not a comparison: " + op);
    }
  }
}
