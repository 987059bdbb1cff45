package dev.gotrace.jdbc;

import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A GROUP BY over one {@link ArrowTable} that the table answers itself ({@link AggregateScanRule}):
 * the rows its filters keep, grouped by columns, with COUNT, SUM, MIN and MAX of integer columns.
 *
 * @param filters the scan's filters, every one decided by {@link FilterCompiler}
 * @param groupColumns table column of each group key, in output order
 * @param calls the aggregate functions, in output order after the keys
 */
record ScanAggregation(List<RexNode> filters, int[] groupColumns, List<Call> calls) {
  /** The aggregate functions computed in the scan. */
  enum Function { COUNT_ROWS, COUNT, SUM, SUM0, MIN, MAX }

  /**
   * One aggregate function.
   *
   * @param column the table column it reads; -1 for COUNT(*)
   * @param resultType SQL type of its result (BIGINT or INTEGER), which the value is boxed as
   */
  record Call(Function function, int column, SqlTypeName resultType) {}
}
