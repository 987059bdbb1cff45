package dev.gotrace.jdbc;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.table.TraceDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What decoding a gotrace connection's trace has found so far (format, counts, damage), asked
 * without decoding: tables are built by the queries that read them, and a query that read none
 * (or a metadata call) has decoded nothing.
 */
public final class DecodeStatus {
  private DecodeStatus() {}

  /** The first decode pass's result, or empty if the trace was not decoded yet. */
  public static Optional<TraceReadResult> of(Connection connection) throws SQLException {
    SchemaPlus schema = connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchema(GoTraceDriver.SCHEMA);
    GoTraceSchema trace = schema == null ? null : schema.unwrap(GoTraceSchema.class);
    if (trace == null) return Optional.empty();
    return trace.analyze(TraceDatabase.class, TraceDatabase::decoded);
  }
}
