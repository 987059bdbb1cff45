package dev.gotrace.jdbc;

import dev.gotrace.core.table.TableSchemas;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Does, on a second core, the one-time work every process that queries pays before its first
 * answer and that does not depend on the query: Arrow's schema classes (which start Jackson),
 * and Calcite's parser and operator table. The connection and the statement then find it done
 * (or wait for the piece in progress) instead of doing it in turn. Not the planner's metadata
 * handlers: compiling them here made no difference (docs/benchmarks.md, session 27).
 */
public final class StartupWarmer {
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
  }
}
