package dev.gotrace.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * Calcite's connection and statement callbacks, plus what gotrace connections need:
 *
 * <ul>
 *   <li>Closing a connection closes its open statements and result sets (Calcite leaves them
 *       open), then frees the trace's Arrow memory.
 *   <li>Each execution starts with the statement's cancel flag cleared. Avatica never clears it,
 *       so after one {@code Statement.cancel()} every later execution would fail at once.
 * </ul>
 */
final class GoTraceHandler implements Handler {
  private final Handler calcite;

  GoTraceHandler(Handler calcite) {
    this.calcite = calcite;
  }

  @Override
  public void onConnectionInit(AvaticaConnection connection) throws SQLException {
    calcite.onConnectionInit(connection);
  }

  @Override
  public void onConnectionClose(AvaticaConnection connection) {
    try {
      for (AvaticaStatement statement : new ArrayList<>(connection.statementMap.values())) {
        try {
          statement.close();
        } catch (SQLException e) {
          // Avatica forgets the statement regardless; the trace must still be freed.
        }
      }
      closeAll(((CalciteConnection) connection).getRootSchema().unwrap(CalciteSchema.class));
    } finally {
      calcite.onConnectionClose(connection);
    }
  }

  /** Closes the trace schemas under {@code schema}: a catalogue's traces, then the catalogue. */
  private static void closeAll(CalciteSchema schema) {
    for (CalciteSchema sub : schema.getSubSchemaMap().values()) {
      closeAll(sub);
      if (sub.schema instanceof GoTraceSchema trace) trace.close();
      if (sub.schema instanceof CatalogueSchema catalogue) catalogue.close();
    }
  }

  @Override
  public void onStatementExecute(AvaticaStatement statement, ResultSink resultSink) {
    try {
      ((AvaticaConnection) statement.getConnection()).getCancelFlag(statement.handle).set(false);
    } catch (SQLException | NoSuchStatementException e) {
      throw new IllegalStateException("statement without a connection", e);
    }
    calcite.onStatementExecute(statement, resultSink);
  }

  @Override
  public void onStatementClose(AvaticaStatement statement) {
    calcite.onStatementClose(statement);
  }
}
