package dev.gotrace.cli;

import java.util.HashSet;
import java.util.Set;

/** Turns an exception chain into the one line a user needs: the deepest useful message. */
final class ErrorMessages {
  private ErrorMessages() {}

  static String oneLine(Throwable e) {
    if (e instanceof CliException) return e.getMessage();
    // Calcite and Avatica wrap the real cause several times; the innermost message says what went wrong.
    Throwable best = e;
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) best = t;
      if (t.getClass().getName().equals("dev.gotrace.core.TraceFormatException")) {
        return "not a readable Go trace: " + t.getMessage();
      }
    }
    String message = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
