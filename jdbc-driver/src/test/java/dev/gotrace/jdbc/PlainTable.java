package dev.gotrace.jdbc;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of a {@link FixtureTable} as a plain Calcite {@link ScannableTable}: Calcite itself
 * evaluates every filter. The reference the push-down results are compared with.
 */
final class PlainTable extends AbstractTable implements ScannableTable {
  private final FixtureTable fixture;

  PlainTable(FixtureTable fixture) {
    this.fixture = fixture;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (FixtureTable.Column c : fixture.columns()) {
      SqlTypeName type;
      switch (c.kind()) {
        case BIGINT: type = SqlTypeName.BIGINT; break;
        case INT: type = SqlTypeName.INTEGER; break;
        case BOOL: type = SqlTypeName.BOOLEAN; break;
        case DOUBLE: type = SqlTypeName.DOUBLE; break;
        default: type = SqlTypeName.VARCHAR; break;
      }
      row.add(c.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(type), c.nullable()));
    }
    return row.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = fixture.rows();
    return Linq4j.asEnumerable(rows).select(Object[]::clone);
  }
}
