package dev.gotrace.jdbc;

import dev.gotrace.core.table.TableSchemas;
import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Does, on a second core, the one-time work every process that queries pays before its first
 * answer and that does not depend on the query: Arrow's schema classes (which start Jackson),
 * Calcite's parser and operator table, and the metadata handlers Calcite compiles with Janino for
 * the planner. A one-shot CLI query spends about a quarter of a second of its start there; the
 * connection and the statement then find it done (or wait for the piece in progress) instead of
 * doing it in turn.
 */
public final class StartupWarmer {
  /** The metadata the planner asks for first, in the order planning a view first asks for it. */
  private static final List<Class<? extends MetadataHandler<?>>> HANDLERS = List.of(
      BuiltInMetadata.Collation.Handler.class, BuiltInMetadata.MinRowCount.Handler.class,
      BuiltInMetadata.MaxRowCount.Handler.class, BuiltInMetadata.NonCumulativeCost.Handler.class,
      BuiltInMetadata.NodeTypes.Handler.class, BuiltInMetadata.Predicates.Handler.class,
      BuiltInMetadata.RowCount.Handler.class, BuiltInMetadata.Selectivity.Handler.class);

  private StartupWarmer() {}

  /** Starts the work on a daemon thread and returns at once. */
  public static void start() {
    Thread thread = new Thread(() -> {
      try {
        warm();
      } catch (SqlParseException | RuntimeException | LinkageError e) {
        // Best effort only: whatever failed here fails again, and is reported, where a query needs it.
      }
    }, "gotrace-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** The work itself, on the caller's thread. */
  static void warm() throws SqlParseException {
    TableSchemas.names();
    SqlParser.create("SELECT 1 FROM t WHERE x = 'y' GROUP BY x ORDER BY 1 LIMIT 1", GoTraceLex.PARSER_CONFIG)
        .parseQuery();
    SqlStdOperatorTable.instance();
    for (Class<? extends MetadataHandler<?>> handler : HANDLERS) WideUnionPredicates.compileHandler(handler);
  }
}
