package dev.gotrace.jdbc;

import java.lang.reflect.Type;
import java.util.Locale;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Calcite's statement preparation with three changes for gotrace connections: view SQL is parsed
 * with {@link GoTraceLex} when a view is expanded (Calcite would use its default, upper-casing
 * policy), statements that would write are rejected up front, and the planner knows {@link
 * CountRowsRule}.
 */
final class GoTracePrepare extends CalcitePrepareImpl {
  @Override
  protected SqlParser createParser(String sql) {
    return createParser(sql, GoTraceLex.PARSER_CONFIG);
  }

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    return planner;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    if (query.sql != null) rejectWrites(query.sql);
    return super.prepareSql(context, query, elementType, maxRowCount);
  }

  /** Fails on DML and DDL; SQL that does not parse is left to Calcite's own error. */
  private static void rejectWrites(String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, GoTraceLex.PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      return;
    }
    if (node.getKind().belongsTo(SqlKind.DML) || node.getKind().belongsTo(SqlKind.DDL)) {
      throw new UnsupportedOperationException(String.format(Locale.ROOT,
          "gotrace connections are read-only: %s statements are not supported",
          node.getKind().sql.replace('_', ' ')));
    }
  }
}
