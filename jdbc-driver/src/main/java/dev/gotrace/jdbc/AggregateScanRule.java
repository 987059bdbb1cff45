package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Pushes a GROUP BY of integer, dictionary-string or boolean columns with COUNT, and SUM, MIN or
 * MAX of integer columns, over an {@link ArrowTable} scan whose filters the scan decides itself
 * (the scan with the filters and projection Calcite pushed into it, under its interpreter: so the
 * aggregate matched is the enumerable one, the logical one sees no enumerable input),
 * into the table: {@link ArrowAggregateRel}, tight loops over the vectors instead of Calcite's
 * aggregation over boxed rows (as Calcite's own adapters push aggregates into their sources).
 * Anything else (DISTINCT, FILTER, other functions or types, a filter only Calcite can decide)
 * stays with Calcite.
 */
final class AggregateScanRule extends RelRule<RuleConfig> {
  static final RelOptRule INSTANCE = RuleConfig.rule(
      b0 -> b0.operand(Aggregate.class)
          .oneInput(b1 -> b1.operand(EnumerableInterpreter.class)
              .oneInput(b2 -> b2.operand(Bindables.BindableTableScan.class)
                  .predicate(s -> s.getTable().unwrap(ArrowTable.class) != null).noInputs())),
      "AggregateScanRule", AggregateScanRule::new);

  private static final EnumSet<ColumnType> KEY_TYPES = EnumSet.of(ColumnType.BIGINT, ColumnType.INTEGER,
      ColumnType.DICTIONARY_STRING, ColumnType.BOOLEAN);
  private static final EnumSet<ColumnType> INTEGER_TYPES = EnumSet.of(ColumnType.BIGINT, ColumnType.INTEGER);
  /** Group keys are told NULL or not by one bit each of an int. */
  private static final int MAX_KEYS = 31;

  private AggregateScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    Bindables.BindableTableScan scan = call.rel(2);
    ArrowTable table = scan.getTable().unwrapOrThrow(ArrowTable.class);
    aggregation(aggregate, scan, table).ifPresent(a -> call.transformTo(new ArrowAggregateRel(aggregate.getCluster(),
        aggregate.getTraitSet().replace(EnumerableConvention.INSTANCE), aggregate.getRowType(), table,
        String.join(".", scan.getTable().getQualifiedName()), a)));
  }

  /** The aggregation the table can compute, or empty if some part of it is Calcite's to do. */
  private static Optional<ScanAggregation> aggregation(Aggregate aggregate, Bindables.BindableTableScan scan,
      ArrowTable table) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() > MAX_KEYS
        || !table.decidesAll(scan.filters)) {
      return Optional.empty();
    }
    int[] groupColumns = aggregate.getGroupSet().asList().stream().mapToInt(scan.projects::get).toArray();
    for (int column : groupColumns) {
      if (!KEY_TYPES.contains(table.column(column).type())) return Optional.empty();
    }
    List<ScanAggregation.Call> calls = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      Optional<ScanAggregation.Call> pushed = call(c, scan, table);
      if (pushed.isEmpty()) return Optional.empty();
      calls.add(pushed.get());
    }
    return Optional.of(new ScanAggregation(List.copyOf(scan.filters), groupColumns, List.copyOf(calls)));
  }

  private static Optional<ScanAggregation.Call> call(AggregateCall c, Bindables.BindableTableScan scan,
      ArrowTable table) {
    SqlTypeName resultType = c.getType().getSqlTypeName();
    if (c.isDistinct() || c.hasFilter() || c.isApproximate() || !c.getCollation().getFieldCollations().isEmpty()
        || (resultType != SqlTypeName.BIGINT && resultType != SqlTypeName.INTEGER) || c.getArgList().size() > 1) {
      return Optional.empty();
    }
    if (c.getArgList().isEmpty()) {
      return switch (c.getAggregation().getKind()) {
        case COUNT -> Optional.of(new ScanAggregation.Call(ScanAggregation.Function.COUNT_ROWS, -1, resultType));
        default -> Optional.empty();
      };
    }
    int column = scan.projects.get(c.getArgList().get(0));
    boolean integer = INTEGER_TYPES.contains(table.column(column).type());
    ScanAggregation.Function function = switch (c.getAggregation().getKind()) {
      case COUNT -> ScanAggregation.Function.COUNT;
      case SUM -> integer ? ScanAggregation.Function.SUM : null;
      case SUM0 -> integer ? ScanAggregation.Function.SUM0 : null;
      case MIN -> integer ? ScanAggregation.Function.MIN : null;
      case MAX -> integer ? ScanAggregation.Function.MAX : null;
      default -> null;
    };
    return Optional.ofNullable(function).map(f -> new ScanAggregation.Call(f, column, resultType));
  }
}
