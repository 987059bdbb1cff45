package dev.gotrace.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;

/**
 * Answers {@code SELECT COUNT(*) FROM t} over an unfiltered {@link ArrowTable} with the table's
 * row count, as a one-row VALUES, instead of Calcite's plan that scans every row with every
 * column boxed. A filtered count is left to the scan, which then reads only the filtered columns.
 */
final class CountRowsRule extends RelRule<RuleConfig> {
  static final RelOptRule INSTANCE = RuleConfig.rule(
      b0 -> b0.operand(Aggregate.class).predicate(CountRowsRule::isCountStar)
          .oneInput(b1 -> b1.operand(TableScan.class).predicate(CountRowsRule::isUnfilteredArrowScan).noInputs()),
      "CountRowsRule", CountRowsRule::new);

  private CountRowsRule(RuleConfig config) {
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
}
