package dev.gotrace.jdbc;

import java.util.Arrays;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A GROUP BY answered by an {@link ArrowTable}'s own loops ({@link ArrowAggregator}) instead of
 * Calcite's row-at-a-time aggregation over a scan that boxes every row. Placed by {@link
 * AggregateScanRule}.
 */
final class ArrowAggregateRel extends AbstractRelNode implements EnumerableRel {
  private final ArrowTable table;
  private final ScanAggregation aggregation;
  private final String tableName;

  ArrowAggregateRel(RelOptCluster cluster, RelTraitSet traits, RelDataType rowType, ArrowTable table,
      String tableName, ScanAggregation aggregation) {
    super(cluster, traits);
    this.rowType = rowType;
    this.table = table;
    this.tableName = tableName;
    this.aggregation = aggregation;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", tableName)
        .item("filters", aggregation.filters())
        .item("group", Arrays.toString(aggregation.groupColumns()))
        .item("calls", aggregation.calls());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    // The table's estimate, not rowCount(): that builds the rows, at plan time and in a pass of their own.
    Double rows = table.getStatistic().getRowCount();
    return aggregation.groupColumns().length == 0 || rows == null ? 1 : Math.max(1, rows / 1000.0);
  }

  /** Reads the table once with no per-row boxing: cheaper than any Calcite aggregate over its scan. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // A one-column row is its value, as Calcite's enumerable operators expect it.
    boolean scalar = getRowType().getFieldCount() == 1;
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY);
    Expression scan = Expressions.call(implementor.stash(new Scan(table, aggregation), Scan.class),
        scalar ? "values" : "rows", implementor.getRootExpression());
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null, scan));
    return implementor.result(physType, block.toBlock());
  }

  /** What the generated code calls at execution. */
  public record Scan(ArrowTable table, ScanAggregation aggregation) {
    public Enumerable<Object[]> rows(DataContext root) {
      return table.aggregate(root, aggregation);
    }

    /** The rows of a one-column aggregation, each as its value. */
    public Enumerable<Object> values(DataContext root) {
      return rows(root).select(row -> row[0]);
    }
  }
}
