package dev.gotrace.server;

import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;

/** What GetSqlInfo tells clients: a read-only SQL server with gotrace's lexical rules and no transactions. */
final class ServerInfo {
  static final String NAME = "gotrace-sql";
  static final String VERSION = "0.1.0";

  private ServerInfo() {}

  static SqlInfoBuilder sqlInfo() {
    return new SqlInfoBuilder()
        .withFlightSqlServerName(NAME)
        .withFlightSqlServerVersion(VERSION)
        .withFlightSqlServerArrowVersion(arrowVersion())
        .withFlightSqlServerSql(true)
        .withFlightSqlServerSubstrait(false)
        .withFlightSqlServerReadOnly(true)
        .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
        .withFlightSqlServerCancel(true)
        .withSqlTransactionsSupported(false)
        .withSqlIdentifierQuoteChar("\"")
        .withSqlIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE)
        .withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
        .withSqlSchemaTerm("schema")
        .withSqlCatalogTerm("catalog")
        .withSqlDdlCatalog(false)
        .withSqlDdlSchema(false)
        .withSqlDdlTable(false)
        .withSqlCorrelatedSubqueriesSupported(true)
        .withSqlBatchUpdatesSupported(false)
        .withSqlSavepointsSupported(false);
  }

  /** The Arrow release on the class path, from its jar's manifest. */
  private static String arrowVersion() {
    String version = org.apache.arrow.vector.types.pojo.Schema.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }
}
