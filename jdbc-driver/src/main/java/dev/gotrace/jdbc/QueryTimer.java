package dev.gotrace.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces one statement's query timeout, which Calcite stores but never applies: an execution
 * arms the timer, which cancels the statement when it fires; the statement's scans then stop at
 * their next chunk. Calcite computes rows while they are fetched, so the timer stays armed until
 * the result set is exhausted or closed, the statement runs again, or it closes.
 */
final class QueryTimer {
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gotrace-query-timeout");
    t.setDaemon(true);
    return t;
  });

  private final Statement statement;
  private ScheduledFuture<?> pending;
  private volatile int firedAfterSeconds;

  QueryTimer(Statement statement) {
    this.statement = statement;
  }

  /** Starts timing an execution with the statement's current query timeout (none if 0). */
  synchronized void arm() throws SQLException {
    disarm();
    firedAfterSeconds = 0;
    int seconds = statement.getQueryTimeout();
    if (seconds <= 0) return;
    pending = TIMERS.schedule(() -> fire(seconds), seconds, TimeUnit.SECONDS);
  }

  /** The execution ended; a timeout no longer applies to it. */
  synchronized void disarm() {
    if (pending != null) pending.cancel(false);
    pending = null;
  }

  /** The timeout in seconds if it cancelled the current execution, else 0. */
  int firedAfterSeconds() {
    return firedAfterSeconds;
  }

  private void fire(int seconds) {
    firedAfterSeconds = seconds;
    try {
      statement.cancel();
    } catch (SQLException e) {
      // The statement closed meanwhile: nothing is left to cancel.
    }
  }
}
