package dev.gotrace.server;

import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow types for SQL columns, so a client gets BIGINT as int64, not as text. */
final class ArrowTypes {
  private ArrowTypes() {}

  /** The Arrow type of a JDBC type; types our tables never produce fall back to text. */
  static ArrowType of(int jdbcType, int precision, int scale) {
    return switch (jdbcType) {
      case Types.BIGINT -> new ArrowType.Int(64, true);
      case Types.INTEGER -> new ArrowType.Int(32, true);
      case Types.SMALLINT -> new ArrowType.Int(16, true);
      case Types.TINYINT -> new ArrowType.Int(8, true);
      case Types.BOOLEAN, Types.BIT -> ArrowType.Bool.INSTANCE;
      case Types.DOUBLE, Types.FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case Types.REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case Types.DECIMAL, Types.NUMERIC -> new ArrowType.Decimal(Math.max(precision, 1), Math.max(scale, 0), 128);
      default -> ArrowType.Utf8.INSTANCE;
    };
  }

  /** The schema of a result, with Flight SQL's column metadata (table, type name). */
  static Schema schema(ResultSetMetaData md) throws SQLException {
    List<Field> fields = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Map<String, String> metadata = metadata(new FlightSqlColumnMetadata.Builder()
          .schemaName(md.getSchemaName(i)).tableName(md.getTableName(i)).typeName(md.getColumnTypeName(i))
          .precision(md.getPrecision(i)).scale(md.getScale(i)).isReadOnly(true));
      boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
      ArrowType type = of(md.getColumnType(i), md.getPrecision(i), md.getScale(i));
      fields.add(new Field(md.getColumnLabel(i), new FieldType(nullable, type, null, metadata), null));
    }
    return new Schema(fields);
  }

  /** Flight SQL column metadata without the entries JDBC left null (a computed column has no table). */
  static Map<String, String> metadata(FlightSqlColumnMetadata.Builder builder) {
    Map<String, String> metadata = new LinkedHashMap<>(builder.build().getMetadataMap());
    metadata.values().removeIf(v -> v == null || v.isEmpty());
    return metadata;
  }

  /** The schema of a prepared statement's parameters (named by position, as JDBC has no names). */
  static Schema parameters(ParameterMetaData md) throws SQLException {
    List<Field> fields = new ArrayList<>();
    for (int i = 1; i <= md.getParameterCount(); i++) {
      fields.add(new Field("p" + i, FieldType.nullable(of(md.getParameterType(i), md.getPrecision(i), md.getScale(i))), null));
    }
    return new Schema(fields);
  }
}
