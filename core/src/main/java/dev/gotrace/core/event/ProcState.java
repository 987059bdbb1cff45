package dev.gotrace.core.event;

import java.util.Locale;

/** Public proc states of Go's reader ({@code internal/trace.ProcState}), same order. */
public enum ProcState {
  UNDETERMINED("Undetermined"),
  NOT_EXIST("NotExist"),
  RUNNING("Running"),
  IDLE("Idle");

  private static final ProcState[] VALUES = values();
  private final String goName;

  ProcState(String goName) { this.goName = goName; }

  public String goName() { return goName; }

  public String sqlName() { return name().toLowerCase(Locale.ROOT); }

  public static ProcState of(int ordinal) { return VALUES[ordinal]; }
}
