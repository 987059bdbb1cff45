package dev.gotrace.jdbc;

import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * A boolean SQL expression over a trace, as a gate states it (the CLI's {@code --fail-if}): the
 * driver parses it with gotrace's lexical rules and names what it measures, so no client parses
 * SQL itself.
 *
 * @param expression the condition as given
 * @param measured the left operand of a top-level comparison, as SQL, or null: what the condition
 *     measures
 */
public record SqlCondition(String expression, String measured) {
  /** Parses {@code expression}; a syntax error is an {@link SQLSyntaxErrorException} ({@code 42000}). */
  public static SqlCondition parse(String expression) throws SQLSyntaxErrorException {
    SqlNode condition;
    try {
      // Parsed alone, so error positions count from the condition's own first character.
      condition = SqlParser.create(expression, GoTraceLex.PARSER_CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw new SQLSyntaxErrorException(SqlErrors.firstLine(e), SqlErrors.SYNTAX, e);
    }
    String measured = null;
    if (condition.isA(SqlKind.COMPARISON) && condition instanceof SqlBasicCall call) {
      // Unparsed with quoted identifiers, which keep the lower case the parser gave them.
      measured = call.operand(0).toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    }
    return new SqlCondition(expression, measured);
  }

  /** The query whose column 1 is the condition's value and column 2, if it measures something, that value. */
  public String query() {
    return "SELECT (" + expression + ") AS condition_value" + (measured == null ? "" : ", (" + measured + ") AS found");
  }
}
