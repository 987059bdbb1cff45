package dev.gotrace.cli;

import dev.gotrace.cli.report.ConditionResult;
import dev.gotrace.jdbc.GoTraceLex;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * One {@code --fail-if} SQL boolean expression. A condition that does not parse, does not validate
 * or is not BOOLEAN is a usage error: a gate that cannot be evaluated must never pass silently.
 */
final class FailCondition {
  private final String expression;
  /** The left operand of a top-level comparison, as SQL, or null: what the condition measures. */
  private final String measured;

  private FailCondition(String expression, String measured) {
    this.expression = expression;
    this.measured = measured;
  }

  /** Parses {@code expression} with gotrace's lexical rules. */
  static FailCondition parse(String expression) {
    SqlNode node;
    try {
      node = SqlParser.create("SELECT " + expression, GoTraceLex.PARSER_CONFIG).parseQuery();
    } catch (SqlParseException e) {
      throw usage(expression, "not valid SQL: " + firstLine(e.getMessage()));
    }
    if (!(node instanceof SqlSelect select) || select.getSelectList().size() != 1 || select.getFrom() != null) {
      throw usage(expression, "not a single SQL expression");
    }
    SqlNode condition = select.getSelectList().get(0);
    String measured = null;
    if (condition.isA(SqlKind.COMPARISON) && condition instanceof SqlBasicCall call) {
      // Unparsed with quoted identifiers, which keep the lower case the parser gave them.
      measured = call.operand(0).toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    }
    return new FailCondition(expression, measured);
  }

  /** Evaluates the condition (and what it measures) on {@code connection}. */
  ConditionResult evaluate(Connection connection) throws SQLException {
    String sql = "SELECT (" + expression + ") AS condition_value" + (measured == null ? "" : ", (" + measured + ") AS found");
    try (Statement st = connection.createStatement()) {
      ResultSet rs;
      try {
        rs = st.executeQuery(sql);
      } catch (SQLException e) {
        throw usage(expression, Failure.of(e).message());
      }
      try (rs) {
        int type = rs.getMetaData().getColumnType(1);
        if (type != Types.BOOLEAN) {
          throw usage(expression, "not a boolean condition (its type is " + rs.getMetaData().getColumnTypeName(1) + ")");
        }
        rs.next();
        Boolean value = (Boolean) rs.getObject(1);
        return new ConditionResult(expression, value, measured == null ? value : rs.getObject(2));
      }
    }
  }

  private static CliException usage(String expression, String why) {
    return new CliException(ExitCodes.USAGE, "--fail-if \"" + expression + "\": " + why);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
  }
}
