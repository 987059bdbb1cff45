package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Which filters the scan takes over completely, and which Calcite must still evaluate. */
class FilterCompilerTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final FilterCompiler compiler = new FilterCompiler(List.of(
      new ArrowColumn(0, "goid", ColumnType.BIGINT, true, "", new String[0]),
      new ArrowColumn(1, "kind", ColumnType.DICTIONARY_STRING, false, "", new String[] {"", "GoBlock", "GoEnd"}),
      new ArrowColumn(2, "flag", ColumnType.BOOLEAN, true, "", new String[0]),
      new ArrowColumn(3, "value", ColumnType.DOUBLE, true, "", new String[0])));

  private RexNode ref(int i, SqlTypeName type) {
    RelDataType t = types.createTypeWithNullability(types.createSqlType(type), true);
    return rex.makeInputRef(t, i);
  }

  private RexNode goidEquals(long v) {
    return rex.makeCall(SqlStdOperatorTable.EQUALS, ref(0, SqlTypeName.BIGINT), rex.makeExactLiteral(BigDecimal.valueOf(v)));
  }

  private RexNode kindEquals(String s) {
    return rex.makeCall(SqlStdOperatorTable.EQUALS, ref(1, SqlTypeName.VARCHAR), rex.makeLiteral(s));
  }

  /** Compiles {@code filter}; returns the number of predicates and whether the filter was removed. */
  private String compile(RexNode filter) {
    List<RexNode> filters = new ArrayList<>(List.of(filter));
    int predicates = compiler.compile(filters).size();
    return predicates + " predicates, " + (filters.isEmpty() ? "removed" : "kept");
  }

  @Test
  void conjunctionOfHandledComparisonsIsRemoved() {
    assertEquals("3 predicates, removed", compile(rex.makeCall(SqlStdOperatorTable.AND, goidEquals(5), kindEquals("GoBlock"),
        rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, ref(3, SqlTypeName.DOUBLE)))));
  }

  @Test
  void partlyHandledConjunctionPreFiltersButIsKept() {
    RexNode like = rex.makeCall(SqlStdOperatorTable.LIKE, ref(1, SqlTypeName.VARCHAR), rex.makeLiteral("G%"));
    assertEquals("1 predicates, kept", compile(rex.makeCall(SqlStdOperatorTable.AND, goidEquals(5), like)));
  }

  @Test
  void disjunctionIsLeftToCalcite() {
    assertEquals("0 predicates, kept", compile(rex.makeCall(SqlStdOperatorTable.OR, goidEquals(5), kindEquals("GoEnd"))));
  }

  @Test
  void columnToColumnComparisonIsLeftToCalcite() {
    assertEquals("0 predicates, kept", compile(rex.makeCall(SqlStdOperatorTable.EQUALS,
        ref(0, SqlTypeName.BIGINT), ref(3, SqlTypeName.DOUBLE))));
  }

  @Test
  void stringRangeIsLeftToCalciteButStringEqualityIsNot() {
    assertEquals("0 predicates, kept", compile(rex.makeCall(SqlStdOperatorTable.LESS_THAN,
        ref(1, SqlTypeName.VARCHAR), rex.makeLiteral("GoC"))));
    assertEquals("1 predicates, removed", compile(rex.makeCall(SqlStdOperatorTable.NOT_EQUALS,
        ref(1, SqlTypeName.VARCHAR), rex.makeLiteral("GoC"))));
  }

  @Test
  void booleanColumnAndItsNegationAreHandled() {
    assertEquals("1 predicates, removed", compile(ref(2, SqlTypeName.BOOLEAN)));
    assertEquals("1 predicates, removed", compile(rex.makeCall(SqlStdOperatorTable.NOT, ref(2, SqlTypeName.BOOLEAN))));
  }
}
