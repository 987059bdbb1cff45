package dev.gotrace.jdbc;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's default type system, except that {@code AVG} of an integer column is DOUBLE (as in
 * PostgreSQL and DuckDB) instead of a truncated integer: {@code AVG(dur)} over nanoseconds must
 * not lose the fraction.
 */
public final class GoTraceTypeSystem extends RelDataTypeSystemImpl {
  /** The instance named by the driver's {@code typeSystem} connection property. */
  public static final GoTraceTypeSystem INSTANCE = new GoTraceTypeSystem();

  private GoTraceTypeSystem() {}

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
          argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }
}
