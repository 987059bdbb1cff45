package dev.gotrace.jdbc;

import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.table.TraceDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What decoding a gotrace connection's trace has found so far (format, counts, damage), asked
 * without decoding: tables are built by the queries that read them, and a query that read none
 * (or a metadata call) has decoded nothing.
 */
public final class DecodeStatus {
  private DecodeStatus() {}

  /**
   * Of a catalogue connection, the traces found damaged so far ({@link TraceCatalogue#problems()}),
   * without decoding; empty for a single trace.
   */
  public static List<TraceCatalogue.Problem> catalogueProblems(Connection connection) throws SQLException {
    return schema(connection) instanceof CatalogueSchema catalogue ? catalogue.catalogue().problems() : List.of();
  }

  /** The first decode pass's result, or empty if the trace was not decoded yet (or it is a catalogue). */
  public static Optional<TraceReadResult> of(Connection connection) throws SQLException {
    if (!(schema(connection) instanceof GoTraceSchema trace)) return Optional.empty();
    return trace.analyze(TraceDatabase.class, TraceDatabase::decoded);
  }

  /** The connection's schema {@value GoTraceDriver#SCHEMA}: a trace's, a catalogue's, or null. */
  private static Schema schema(Connection connection) throws SQLException {
    SchemaPlus schema = connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchema(GoTraceDriver.SCHEMA);
    return schema == null ? null : CalciteSchema.from(schema).schema;
  }
}
