package dev.gotrace.cli;

import dev.gotrace.cli.report.ConditionResult;
import dev.gotrace.jdbc.SqlCondition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;

/**
 * One {@code --fail-if} SQL boolean expression, parsed by the driver ({@link SqlCondition}). A
 * condition that does not parse, does not validate or is not BOOLEAN is a usage error: a gate
 * that cannot be evaluated must never pass silently.
 */
final class FailCondition {
  private final SqlCondition condition;

  private FailCondition(SqlCondition condition) { this.condition = condition; }

  static FailCondition parse(String expression) {
    try {
      return new FailCondition(SqlCondition.parse(expression));
    } catch (SQLSyntaxErrorException e) {
      throw usage(expression, "not valid SQL: " + e.getMessage());
    }
  }

  /** Evaluates the condition (and what it measures) on {@code connection}. */
  ConditionResult evaluate(Connection connection) throws SQLException {
    String expression = condition.expression();
    try (Statement st = connection.createStatement()) {
      ResultSet rs;
      try {
        rs = st.executeQuery(condition.query());
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
        return new ConditionResult(expression, value, condition.measured() == null ? value : rs.getObject(2));
      }
    }
  }

  private static CliException usage(String expression, String why) {
    return new CliException(ExitCodes.USAGE, "--fail-if \"" + expression + "\": " + why);
  }
}
