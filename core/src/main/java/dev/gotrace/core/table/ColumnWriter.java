package dev.gotrace.core.table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies rows {@code [from, from + count)} of a heap column into a fresh Arrow vector: allocates it
 * at its exact size (allocateNew zeroes the validity bits), sets every non-null value, sets the
 * value count.
 */
@FunctionalInterface
interface ColumnWriter {
  void write(FieldVector vector, int from, int count);

  /** BIGINT values as collected. */
  static ColumnWriter bigint(LongColumn column) {
    return shifted(column, 0);
  }

  /** BIGINT values staged as 32-bit ones (stack ids: {@code int} in the event model, half the staged bytes). */
  static ColumnWriter bigint(IntColumn column) {
    return rowByRow(column, (v, i, value) -> ((BigIntVector) v).set(i, value));
  }

  /** BIGINT trace times, made relative to {@code origin} (the first event's absolute time). */
  static ColumnWriter time(LongColumn column, long origin) {
    return shifted(column, origin);
  }

  private static ColumnWriter shifted(LongColumn column, long origin) {
    return (vector, from, count) -> {
      BigIntVector v = (BigIntVector) vector;
      v.allocateNew(count);
      column.copyTo(v.getDataBuffer(), v.getValidityBuffer(), from, count, origin);
      v.setValueCount(count);
    };
  }

  /** INTEGER values, also the indices of dictionary-encoded string columns. */
  static ColumnWriter int32(IntColumn column) {
    return (vector, from, count) -> {
      IntVector v = (IntVector) vector;
      v.allocateNew(count);
      column.copyTo(v.getDataBuffer(), v.getValidityBuffer(), from, count);
      v.setValueCount(count);
    };
  }

  /** BOOLEAN values stored as 0/1. */
  static ColumnWriter bit(IntColumn column) {
    return rowByRow(column, (v, i, value) -> ((BitVector) v).set(i, value));
  }

  /** Writes an int column row by row into a fixed-width vector of another type, which {@code set} fills. */
  private static ColumnWriter rowByRow(IntColumn column, ValueSetter set) {
    return (vector, from, count) -> {
      BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
      v.allocateNew(count);
      for (int i = 0; i < count; i++) {
        int row = from + i;
        if (column.isNull(row)) v.setNull(i);
        else set.set(v, i, column.get(row));
      }
      v.setValueCount(count);
    };
  }

  /** Sets one non-NULL value of a vector {@link #rowByRow} writes. */
  @FunctionalInterface
  interface ValueSetter {
    void set(BaseFixedWidthVector vector, int index, int value);
  }

  /** Plain VARCHAR values (small tables only; big string columns are dictionary-encoded). */
  static ColumnWriter utf8(List<String> values) {
    return (vector, from, count) -> {
      VarCharVector v = (VarCharVector) vector;
      byte[][] bytes = new byte[count][];
      long total = 0;
      for (int i = 0; i < count; i++) {
        String s = values.get(from + i);
        if (s != null) {
          bytes[i] = s.getBytes(StandardCharsets.UTF_8);
          total += bytes[i].length;
        }
      }
      v.allocateNew(Math.max(total, 1), count);
      for (int i = 0; i < count; i++) {
        if (bytes[i] == null) v.setNull(i);
        else v.set(i, bytes[i]);
      }
      v.setValueCount(count);
    };
  }
}
