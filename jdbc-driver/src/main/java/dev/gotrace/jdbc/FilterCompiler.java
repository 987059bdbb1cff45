package dev.gotrace.jdbc;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Turns the filters Calcite offers a {@link org.apache.calcite.schema.ProjectableFilterableTable}
 * into {@link RowPredicate}s.
 *
 * <p>Each filter is split into its conjuncts. A conjunct is compiled when it compares one column
 * with constants in a way the predicates decide exactly: {@code = <> < <= > >=}, {@code IS [NOT]
 * NULL}, {@code SEARCH} (IN, BETWEEN) on integer columns, equality and IN lists on dictionary
 * strings (compared by dictionary id), comparisons on doubles and truth tests on booleans. A
 * filter is removed from Calcite's list only when all its conjuncts compiled; otherwise its
 * compiled conjuncts still pre-filter the rows and Calcite evaluates the whole filter again.
 */
final class FilterCompiler {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final List<ArrowColumn> columns;

  FilterCompiler(List<ArrowColumn> columns) {
    this.columns = columns;
  }

  /**
   * Compiles {@code filters} and removes from it every filter the returned predicates decide
   * completely.
   */
  List<RowPredicate> compile(List<RexNode> filters) {
    List<RowPredicate> predicates = new ArrayList<>();
    for (Iterator<RexNode> it = filters.iterator(); it.hasNext(); ) {
      boolean complete = true;
      for (RexNode conjunct : RelOptUtil.conjunctions(it.next())) {
        Optional<RowPredicate> predicate = compileConjunct(conjunct);
        if (predicate.isPresent()) {
          predicates.add(predicate.get());
        } else {
          complete = false;
        }
      }
      if (complete) it.remove();
    }
    return predicates;
  }

  private Optional<RowPredicate> compileConjunct(RexNode node) {
    switch (node.getKind()) {
      case INPUT_REF:
        return truthTable(node, true, false, false);
      case NOT:
        return truthTable(operand(node, 0), false, true, false);
      case IS_TRUE:
        return truthTable(operand(node, 0), true, false, false);
      case IS_NOT_TRUE:
        return truthTable(operand(node, 0), false, true, true);
      case IS_FALSE:
        return truthTable(operand(node, 0), false, true, false);
      case IS_NOT_FALSE:
        return truthTable(operand(node, 0), true, false, true);
      case IS_NULL:
      case IS_NOT_NULL:
        return column(operand(node, 0))
            .map(c -> new NullnessPredicate(c.index(), node.getKind() == SqlKind.IS_NULL));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) node);
      case SEARCH:
        return search((RexCall) node);
      default:
        return Optional.empty();
    }
  }

  private static RexNode operand(RexNode call, int i) {
    return ((RexCall) call).getOperands().get(i);
  }

  private Optional<RowPredicate> truthTable(RexNode node, boolean keepTrue, boolean keepFalse, boolean keepNull) {
    return column(node)
        .filter(c -> c.type() == ColumnType.BOOLEAN)
        .map(c -> new BooleanPredicate(c.index(), keepTrue, keepFalse, keepNull));
  }

  private Optional<RowPredicate> comparison(RexCall call) {
    SqlKind op = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (!(right instanceof RexLiteral)) {
      if (!(left instanceof RexLiteral)) return Optional.empty();
      RexNode swap = left;
      left = right;
      right = swap;
      op = op.reverse();
    }
    RexLiteral literal = (RexLiteral) right;
    Optional<ArrowColumn> column = column(left);
    if (column.isEmpty() || literal.isNull()) return Optional.empty();
    ArrowColumn c = column.get();
    switch (c.type()) {
      case BIGINT:
      case INTEGER: {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        return value == null ? Optional.empty() : Optional.of(integerRanges(c, ranges(op, value), false));
      }
      case DOUBLE: {
        Double value = literal.getValueAs(Double.class);
        return value == null ? Optional.empty() : Optional.of(new DoubleComparisonPredicate(c.index(), op, value));
      }
      case DICTIONARY_STRING: {
        String value = literal.getValueAs(String.class);
        if (value == null || (op != SqlKind.EQUALS && op != SqlKind.NOT_EQUALS)) return Optional.empty();
        return Optional.of(dictionary(c, Set.of(value), op == SqlKind.NOT_EQUALS, false));
      }
      case BOOLEAN: {
        Boolean value = literal.getValueAs(Boolean.class);
        if (value == null || (op != SqlKind.EQUALS && op != SqlKind.NOT_EQUALS)) return Optional.empty();
        boolean keepTrue = value == (op == SqlKind.EQUALS);
        return Optional.of(new BooleanPredicate(c.index(), keepTrue, !keepTrue, false));
      }
      default:
        return Optional.empty();
    }
  }

  private Optional<RowPredicate> search(RexCall call) {
    Optional<ArrowColumn> column = column(call.getOperands().get(0));
    if (column.isEmpty() || !(call.getOperands().get(1) instanceof RexLiteral literal)) return Optional.empty();
    Sarg<?> sarg = literal.getValueAs(Sarg.class);
    if (sarg == null) return Optional.empty();
    boolean keepNull = sarg.nullAs == RexUnknownAs.TRUE;
    ArrowColumn c = column.get();
    switch (c.type()) {
      case BIGINT:
      case INTEGER: {
        List<Range<BigDecimal>> ranges = new ArrayList<>();
        for (Range<?> range : sarg.rangeSet.asRanges()) ranges.add(decimalRange(range));
        return Optional.of(integerRanges(c, ranges, keepNull));
      }
      case DICTIONARY_STRING: {
        boolean complemented = sarg.isComplementedPoints();
        if (!sarg.isPoints() && !complemented) return Optional.empty();
        Set<String> points = new HashSet<>();
        for (Range<?> range : complemented ? sarg.rangeSet.complement().asRanges() : sarg.rangeSet.asRanges()) {
          points.add(((NlsString) range.lowerEndpoint()).getValue());
        }
        return Optional.of(dictionary(c, points, complemented, keepNull));
      }
      default:
        return Optional.empty();
    }
  }

  /**
   * The column {@code node} reads: an input reference, or one seen through a cast that cannot
   * change its value (a change of nullability, or INTEGER to BIGINT).
   */
  private Optional<ArrowColumn> column(RexNode node) {
    if (node instanceof RexInputRef ref) return Optional.of(columns.get(ref.getIndex()));
    if (node.getKind() != SqlKind.CAST) return Optional.empty();
    RexNode inner = operand(node, 0);
    if (!(inner instanceof RexInputRef ref)) return Optional.empty();
    SqlTypeName from = inner.getType().getSqlTypeName();
    SqlTypeName to = node.getType().getSqlTypeName();
    boolean lossless = (from == to && from != SqlTypeName.VARCHAR)
        || (from == SqlTypeName.INTEGER && to == SqlTypeName.BIGINT);
    return lossless ? Optional.of(columns.get(ref.getIndex())) : Optional.empty();
  }

  private static List<Range<BigDecimal>> ranges(SqlKind op, BigDecimal value) {
    switch (op) {
      case EQUALS: return List.of(Range.singleton(value));
      case NOT_EQUALS: return List.of(Range.lessThan(value), Range.greaterThan(value));
      case LESS_THAN: return List.of(Range.lessThan(value));
      case LESS_THAN_OR_EQUAL: return List.of(Range.atMost(value));
      case GREATER_THAN: return List.of(Range.greaterThan(value));
      case GREATER_THAN_OR_EQUAL: return List.of(Range.atLeast(value));
      default: throw new IllegalArgumentException("not a comparison: " + op);
    }
  }

  private static Range<BigDecimal> decimalRange(Range<?> range) {
    if (range.hasLowerBound() && range.hasUpperBound()) {
      return Range.range(decimal(range.lowerEndpoint()), range.lowerBoundType(),
          decimal(range.upperEndpoint()), range.upperBoundType());
    }
    if (range.hasLowerBound()) return Range.downTo(decimal(range.lowerEndpoint()), range.lowerBoundType());
    if (range.hasUpperBound()) return Range.upTo(decimal(range.upperEndpoint()), range.upperBoundType());
    return Range.all();
  }

  private static BigDecimal decimal(Comparable<?> value) {
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  /** Sorted disjoint decimal ranges as the closed long intervals holding the same integers. */
  private static IntegerRangesPredicate integerRanges(ArrowColumn c, List<Range<BigDecimal>> ranges, boolean keepNull) {
    long[] lows = new long[ranges.size()];
    long[] highs = new long[ranges.size()];
    int n = 0;
    for (Range<BigDecimal> range : ranges) {
      BigDecimal low = LONG_MIN;
      if (range.hasLowerBound()) {
        low = range.lowerBoundType() == BoundType.CLOSED
            ? range.lowerEndpoint().setScale(0, RoundingMode.CEILING)
            : range.lowerEndpoint().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
      }
      BigDecimal high = LONG_MAX;
      if (range.hasUpperBound()) {
        high = range.upperBoundType() == BoundType.CLOSED
            ? range.upperEndpoint().setScale(0, RoundingMode.FLOOR)
            : range.upperEndpoint().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
      }
      low = low.max(LONG_MIN);
      high = high.min(LONG_MAX);
      if (low.compareTo(high) > 0) continue;
      lows[n] = low.longValueExact();
      highs[n] = high.longValueExact();
      n++;
    }
    return new IntegerRangesPredicate(c.index(), Arrays.copyOf(lows, n),
        Arrays.copyOf(highs, n), keepNull);
  }

  private static DictionaryPredicate dictionary(ArrowColumn c, Set<String> values, boolean negate, boolean keepNull) {
    String[] dictionary = c.dictionary();
    boolean[] matching = new boolean[dictionary.length];
    for (int id = 0; id < dictionary.length; id++) {
      matching[id] = dictionary[id] == null ? keepNull : values.contains(dictionary[id]) != negate;
    }
    return new DictionaryPredicate(c.index(), matching, keepNull);
  }
}
