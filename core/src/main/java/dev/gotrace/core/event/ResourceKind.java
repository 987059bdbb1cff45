package dev.gotrace.core.event;

/** Resource kinds of Go's reader ({@code internal/trace.ResourceKind}): transition resources and range scopes. */
public enum ResourceKind {
  NONE("None", "global"),
  GOROUTINE("Goroutine", "goroutine"),
  PROC("Proc", "proc"),
  THREAD("Thread", "thread");

  private final String goName;
  private final String sqlName;

  ResourceKind(String goName, String sqlName) {
    this.goName = goName;
    this.sqlName = sqlName;
  }

  public String goName() { return goName; }

  /** Name in our tables: {@code global}, {@code goroutine}, {@code proc}, {@code thread}. */
  public String sqlName() { return sqlName; }
}
