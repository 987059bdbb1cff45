package dev.gotrace.jdbc;

import dev.gotrace.core.table.MemoryBoundExceededException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns whatever a query threw into one {@link SQLException} with a standard SQLState and a
 * one-line message, so every JDBC client (not only our CLI) can tell a typo from a timeout. Calcite
 * and Avatica wrap the real error several times; the class is decided by the first error in the
 * cause chain that has one, and the cause chain is kept.
 */
public final class SqlErrors {
  /** Syntax error or access rule violation (SQL:2016 class 42). */
  public static final String SYNTAX = "42000";
  /** Base table or view not found (ODBC). */
  public static final String NO_TABLE = "42S02";
  /** Column not found (ODBC). */
  public static final String NO_COLUMN = "42S22";
  /** Feature not supported: writes on the read-only connection. */
  public static final String READ_ONLY = "0A000";
  /** Operation cancelled: Statement.cancel or the query timeout (ODBC). */
  public static final String CANCELLED = "HY008";
  /** Out of memory: the Arrow memory bound or the JVM heap (class 53, insufficient resources). */
  public static final String OUT_OF_MEMORY = "53200";
  /** Division by zero. */
  public static final String DIVISION_BY_ZERO = "22012";
  /** Invalid character value for cast. */
  public static final String INVALID_CAST = "22018";
  /** Numeric value out of range. */
  public static final String OUT_OF_RANGE = "22003";
  /** General error, for anything not classified above. */
  public static final String GENERAL = "HY000";

  private static final Pattern MISSING_TABLE = Pattern.compile("(Object|Table) '.*' not found.*");
  private static final Pattern MISSING_COLUMN = Pattern.compile("Column '.*' not found.*");
  private static final Pattern AVATICA_CONVERSION = Pattern.compile("(cannot convert to [^(]*?) \\(.*Accessor@.*\\)");

  private SqlErrors() {}

  /** Stack overflow and JVM faults are not query errors and pass as they are; the heap running out is one (53200). */
  static boolean isFault(Throwable e) {
    return e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError);
  }

  /**
   * {@code e} as a classified SQLException. {@code timeoutSeconds} is the statement's query
   * timeout if it fired (a cancellation then says so), else 0.
   */
  static SQLException of(Throwable e, int timeoutSeconds) {
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      SQLException classified = classify(t, timeoutSeconds, e);
      if (classified != null) return classified;
    }
    if (e instanceof SQLException sql && sql.getSQLState() != null) return sql;
    return new SQLException(firstLine(innermostWithMessage(chain)), GENERAL, e);
  }

  private static SQLException classify(Throwable t, int timeoutSeconds, Throwable top) {
    if (t instanceof ReadOnlyViolationException) {
      return new SQLFeatureNotSupportedException(firstLine(t), READ_ONLY, top);
    }
    if (t instanceof CancellationException) {
      return timeoutSeconds > 0
          ? new SQLTimeoutException("query timed out after " + timeoutSeconds + " s", CANCELLED, top)
          : new SQLException("query cancelled", CANCELLED, top);
    }
    if (t instanceof MemoryBoundExceededException) {
      return new SQLException("out of memory: " + firstLine(t), OUT_OF_MEMORY, top);
    }
    if (t instanceof OutOfMemoryError) {
      return new SQLException("out of memory: the query needs more Java heap than the JVM's maximum", OUT_OF_MEMORY, top);
    }
    if (t instanceof SqlParseException parse) return new SQLSyntaxErrorException(syntaxError(parse), SYNTAX, top);
    if (t instanceof CalciteContextException context) {
      String reason = context.getCause() == null ? firstLine(context) : firstLine(context.getCause());
      String state = MISSING_TABLE.matcher(reason).matches() ? NO_TABLE
          : MISSING_COLUMN.matcher(reason).matches() ? NO_COLUMN : SYNTAX;
      return new SQLSyntaxErrorException(firstLine(context), state, top);
    }
    Matcher conversion = t instanceof SQLException && t.getMessage() != null ? AVATICA_CONVERSION.matcher(t.getMessage()) : null;
    if (conversion != null && conversion.matches()) {
      // Avatica's getter of a type the column cannot be read as; its message names an accessor object.
      return new SQLDataException("invalid value for cast: " + conversion.group(1), INVALID_CAST, top);
    }
    if (t instanceof NumberFormatException) {
      return new SQLDataException("invalid value for cast: " + firstLine(t), INVALID_CAST, top);
    }
    if (t instanceof ArithmeticException) {
      return "/ by zero".equals(t.getMessage())
          ? new SQLDataException("division by zero", DIVISION_BY_ZERO, top)
          : new SQLDataException("numeric value out of range: " + firstLine(t), OUT_OF_RANGE, top);
    }
    return null;
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

  static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) return t.getClass().getSimpleName();
    return m.strip().lines().findFirst().orElse(m).strip();
  }
}
