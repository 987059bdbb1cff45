package dev.gotrace.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Answers {@code SELECT COUNT(*) FROM t} over an unfiltered {@link ArrowTable} with the table's
 * row count, as a one-row VALUES, instead of Calcite's plan that scans every row with every
 * column boxed. A filtered count is left to the scan, which then reads only the filtered columns.
 */
final class CountRowsRule extends RelRule<CountRowsRule.Config> {
  static final CountRowsRule INSTANCE = new Config(
      b0 -> b0.operand(Aggregate.class).predicate(CountRowsRule::isCountStar)
          .oneInput(b1 -> b1.operand(TableScan.class).predicate(CountRowsRule::isUnfilteredArrowScan).noInputs()),
      "CountRowsRule", org.apache.calcite.rel.core.RelFactories.LOGICAL_BUILDER).toRule();

  private CountRowsRule(Config config) {
    super(config);
  }

  private static boolean isCountStar(Aggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getGroupType() != Aggregate.Group.SIMPLE) return false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() != SqlKind.COUNT || !call.getArgList().isEmpty()
          || call.isDistinct() || call.filterArg >= 0) {
        return false;
      }
    }
    return !aggregate.getAggCallList().isEmpty();
  }

  private static boolean isUnfilteredArrowScan(TableScan scan) {
    if (scan.getTable().unwrap(ArrowTable.class) == null) return false;
    return !(scan instanceof Bindables.BindableTableScan bindable) || bindable.filters.isEmpty();
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    TableScan scan = call.rel(1);
    long rows = scan.getTable().unwrapOrThrow(ArrowTable.class).rowCount();
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    List<RexLiteral> row = new ArrayList<>();
    for (RelDataTypeField field : aggregate.getRowType().getFieldList()) {
      row.add(rex.makeExactLiteral(BigDecimal.valueOf(rows), field.getType()));
    }
    call.transformTo(call.builder().values(List.of(row), aggregate.getRowType()).build());
  }

  /** Rule configuration: operands, description and builder factory. */
  record Config(OperandTransform operandSupplier, String description, RelBuilderFactory relBuilderFactory)
      implements RelRule.Config {
    @Override
    public CountRowsRule toRule() {
      return new CountRowsRule(this);
    }

    @Override
    public Config withRelBuilderFactory(RelBuilderFactory factory) {
      return new Config(operandSupplier, description, factory);
    }

    @Override
    public Config withDescription(String newDescription) {
      return new Config(operandSupplier, newDescription, relBuilderFactory);
    }

    @Override
    public Config withOperandSupplier(OperandTransform transform) {
      return new Config(transform, description, relBuilderFactory);
    }
  }
}
