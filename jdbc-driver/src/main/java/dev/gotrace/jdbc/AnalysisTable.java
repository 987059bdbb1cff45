package dev.gotrace.jdbc;

import dev.gotrace.core.table.TraceDatabase;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** The result of a table function: rows an analysis computes from the connection's trace when scanned. */
abstract class AnalysisTable extends AbstractTable implements ScannableTable {
  /** A result column; nullable unless {@code notNull}. */
  record Column(String name, SqlTypeName type, boolean notNull) {}

  private final String function;
  private final List<Column> columns;

  AnalysisTable(String function, List<Column> columns) {
    this.function = function;
    this.columns = columns;
  }

  /** The rows, in column order. */
  abstract List<Object[]> rows(TraceDatabase db);

  @Override public RelDataType getRowType(RelDataTypeFactory types) {
    RelDataTypeFactory.Builder b = types.builder();
    for (Column c : columns) b.add(c.name(), c.type()).nullable(!c.notNull());
    return b.build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    GoTraceSchema schema = GoTraceSchema.of(root.getRootSchema().subSchemas().get(GoTraceDriver.SCHEMA), function);
    return Linq4j.asEnumerable(schema.analyze(TraceDatabase.class, this::rows));
  }
}
