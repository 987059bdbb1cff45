package dev.gotrace.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The Arrow column layouts the adapter reads, the SQL type each one has, and how its values are
 * boxed into rows.
 */
enum ColumnType {
  /** Int(64, signed) vector: nanosecond times, ids. */
  BIGINT(SqlTypeName.BIGINT) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      BigIntVector v = (BigIntVector) vector;
      ArrowBuf data = v.getDataBuffer();
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = hasNulls && v.isNull(row) ? null : BigIntVector.get(data, row);
      }
    }
  },
  /** Int(32, signed) vector. */
  INTEGER(SqlTypeName.INTEGER) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      IntVector v = (IntVector) vector;
      ArrowBuf data = v.getDataBuffer();
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = hasNulls && v.isNull(row) ? null : IntVector.get(data, row);
      }
    }
  },
  /** Bit vector. */
  BOOLEAN(SqlTypeName.BOOLEAN) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      BitVector v = (BitVector) vector;
      ArrowBuf data = v.getDataBuffer();
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = hasNulls && v.isNull(row) ? null : BitVectorHelper.get(data, row) != 0;
      }
    }
  },
  /** FloatingPoint(DOUBLE) vector. */
  DOUBLE(SqlTypeName.DOUBLE) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      Float8Vector v = (Float8Vector) vector;
      ArrowBuf data = v.getDataBuffer();
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = hasNulls && v.isNull(row) ? null : Float8Vector.get(data, row);
      }
    }
  },
  /** Plain Utf8 vector, for the few one-row string columns (trace_info). */
  STRING(SqlTypeName.VARCHAR) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      VarCharVector v = (VarCharVector) vector;
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
      }
    }
  },
  /** Int32 index vector into a string dictionary; a null index is SQL NULL. */
  DICTIONARY_STRING(SqlTypeName.VARCHAR) {
    @Override
    void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot, String[] dictionary) {
      IntVector v = (IntVector) vector;
      ArrowBuf data = v.getDataBuffer();
      for (int k = 0; k < count; k++) {
        int row = rows[k];
        out[k][slot] = hasNulls && v.isNull(row) ? null : dictionary[IntVector.get(data, row)];
      }
    }
  };

  private final SqlTypeName sqlType;

  ColumnType(SqlTypeName sqlType) {
    this.sqlType = sqlType;
  }

  /** The SQL type of the column. */
  SqlTypeName sqlType() {
    return sqlType;
  }

  /**
   * Writes the values of {@code vector} at {@code rows[0..count)} into {@code out[k][slot]},
   * boxed, NULL as null. {@code hasNulls} tells whether the vector has nulls at all; {@code
   * dictionary} decodes dictionary ids (unused by other types).
   */
  abstract void box(FieldVector vector, boolean hasNulls, int[] rows, int count, Object[][] out, int slot,
      String[] dictionary);

  /**
   * The column type of an Arrow field.
   *
   * @throws IllegalArgumentException if the adapter cannot read the field's layout
   */
  static ColumnType of(Field field) {
    ArrowType type = field.getType();
    if (field.getDictionary() != null) {
      // The field may carry the value type (as in IPC schemas) or the index type: the vector
      // holds the indices either way.
      if (isInt(field.getDictionary().getIndexType(), 32)) return DICTIONARY_STRING;
    } else if (isInt(type, 64)) {
      return BIGINT;
    } else if (isInt(type, 32)) {
      return INTEGER;
    } else if (type instanceof ArrowType.Utf8) {
      return STRING;
    } else if (type instanceof ArrowType.Bool) {
      return BOOLEAN;
    } else if (type instanceof ArrowType.FloatingPoint fp && fp.getPrecision() == FloatingPointPrecision.DOUBLE) {
      return DOUBLE;
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "column %s: unsupported Arrow type %s%s", field.getName(), type,
        field.getDictionary() == null ? "" : " with dictionary encoding"));
  }

  private static boolean isInt(ArrowType type, int bits) {
    return type instanceof ArrowType.Int i && i.getBitWidth() == bits && i.getIsSigned();
  }
}
