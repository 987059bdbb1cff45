package dev.gotrace.cli;

import dev.gotrace.core.table.MemoryBoundExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * What the user is told about an error: one line and an exit code. Calcite and Avatica wrap the
 * real error several times; the useful message is the one that carries the position in the SQL
 * (validation, parsing), else the innermost one.
 */
record Failure(int exitCode, String message) {
  static Failure of(Throwable e) {
    if (e instanceof CliException cli) return new Failure(cli.exitCode(), cli.getMessage());
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      if (t instanceof CalciteContextException) return new Failure(ExitCodes.SQL, firstLine(t));
      if (t instanceof SqlParseException parse) return new Failure(ExitCodes.SQL, syntaxError(parse));
      if (t instanceof MemoryBoundExceededException bound) {
        return new Failure(ExitCodes.MEMORY, "out of memory: " + firstLine(bound)
            + "; raise the bound with GOTRACE_SQL_MEMORY (e.g. GOTRACE_SQL_MEMORY=20g) or query smaller tables");
      }
      if (t instanceof OutOfMemoryError) {
        return new Failure(ExitCodes.INTERNAL,
            "out of memory; give the JVM more heap, e.g. GOTRACE_SQL_JAVA_OPTS=-Xmx8g");
      }
    }
    Throwable innermost = innermostWithMessage(chain);
    if (e instanceof SQLException || e instanceof ExceptionInInitializerError) {
      return new Failure(ExitCodes.SQL, "query failed: " + firstLine(innermost));
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return new Failure(ExitCodes.INPUT, firstLine(innermost));
    }
    return new Failure(ExitCodes.INTERNAL, "internal error: " + firstLine(innermost)
        + " (rerun with --debug for the stack trace)");
  }

  /** Calcite gives the position in the message of most parse errors, in getPos() for all. */
  private static String syntaxError(SqlParseException e) {
    String message = firstLine(e);
    if (message.contains(" at line ") || e.getPos() == null) return "syntax error: " + message;
    return "syntax error at " + e.getPos() + ": " + message;
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
    return chain;
  }

  private static Throwable innermostWithMessage(List<Throwable> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      String m = chain.get(i).getMessage();
      if (m != null && !m.isBlank()) return chain.get(i);
    }
    return chain.get(chain.size() - 1);
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) return t.getClass().getSimpleName();
    return m.strip().lines().findFirst().orElse(m).strip();
  }
}
