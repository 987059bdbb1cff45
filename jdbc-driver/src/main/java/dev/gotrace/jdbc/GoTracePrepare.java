package dev.gotrace.jdbc;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Calcite's statement preparation with three changes for gotrace connections: view SQL is parsed
 * with {@link GoTraceLex} when a view is expanded (Calcite would use its default, upper-casing
 * policy), statements that would write are rejected up front, and the planner has these more
 * rules: {@link CountRowsRule}, {@link AggregateScanRule}, Calcite's top-N rule for ORDER BY with LIMIT, and the push of
 * filters into the inputs of a UNION (for a catalogue's conditions on trace_id), and {@link InterpreterBridgeRule} in
 * place of Calcite's; and the planner
 * infers no predicates of wide unions ({@link WideUnionPredicates}).
 */
final class GoTracePrepare extends CalcitePrepareImpl {
  /** First keywords of statements that would change data or schema. */
  private static final Set<String> WRITE_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
      "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE");

  @Override
  protected SqlParser createParser(String sql) {
    return createParser(sql, GoTraceLex.PARSER_CONFIG);
  }

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    planner.addRule(CountRowsRule.INSTANCE);
    planner.addRule(AggregateScanRule.INSTANCE);
    // ORDER BY ... LIMIT n keeps the n best rows in a bounded structure instead of sorting all.
    planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    // A catalogue's tables are unions over its traces: a condition on trace_id goes into each
    // branch, where it is constant, and the branches of the other traces are pruned (not decoded).
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    // Calcite's bridge from scans to generated code breaks on rows of no columns; ours does not.
    planner.removeRule(EnumerableRules.TO_INTERPRETER);
    planner.addRule(InterpreterBridgeRule.INSTANCE);
    return planner;
  }

  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    WideUnionPredicates.install(cluster);
    return cluster;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    if (query.sql != null) rejectWrites(query.sql);
    return super.prepareSql(context, query, elementType, maxRowCount);
  }

  /**
   * Fails on DML and DDL, recognised by the statement's first keyword. Calcite's parser does not
   * know most DDL, so without this check {@code CREATE TABLE} would fail with a parse error.
   */
  static void rejectWrites(String sql) {
    String keyword = firstKeyword(sql);
    if (WRITE_KEYWORDS.contains(keyword)) {
      throw new ReadOnlyViolationException(
          "gotrace connections are read-only: " + keyword + " statements are not supported");
    }
  }

  /** The first word of {@code sql} after blanks, comments and opening parentheses, upper-cased. */
  private static String firstKeyword(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) i++;
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
