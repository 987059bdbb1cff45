package dev.gotrace.core.event;

import java.util.Locale;

/** Public goroutine states of Go's reader ({@code internal/trace.GoState}), same order. */
public enum GoState {
  UNDETERMINED("Undetermined"),
  NOT_EXIST("NotExist"),
  RUNNABLE("Runnable"),
  RUNNING("Running"),
  WAITING("Waiting"),
  SYSCALL("Syscall");

  private static final GoState[] VALUES = values();
  private final String goName;

  GoState(String goName) { this.goName = goName; }

  /** The name Go prints, e.g. {@code NotExist}. */
  public String goName() { return goName; }

  /** The name our tables use, e.g. {@code not_exist}. */
  public String sqlName() { return name().toLowerCase(Locale.ROOT); }

  /** Running and Syscall are "executing" in Go's model. */
  public boolean executing() { return this == RUNNING || this == SYSCALL; }

  public static GoState of(int ordinal) { return VALUES[ordinal]; }
}
