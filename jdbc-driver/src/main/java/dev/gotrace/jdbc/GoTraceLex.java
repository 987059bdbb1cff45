package dev.gotrace.jdbc;

import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The lexical policy of gotrace SQL, as in PostgreSQL: unquoted identifiers are folded to lower
 * case, double quotes keep case, and name lookup ignores case. Applied to user statements
 * through connection properties and to view definitions through {@link #PARSER_CONFIG}.
 */
public final class GoTraceLex {
  /** Parser settings for view definitions and their expansion. */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false);

  private GoTraceLex() {}

  /** The same policy as Calcite connection properties. */
  static Properties connectionProperties() {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.QUOTING.camelName(), Quoting.DOUBLE_QUOTE.name());
    p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
    p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    return p;
  }
}
