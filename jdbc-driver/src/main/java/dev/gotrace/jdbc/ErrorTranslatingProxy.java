package dev.gotrace.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;

/**
 * What a gotrace connection hands out: Calcite's connection, statements, metadata and the
 * metadata's result sets behind a proxy that (1) turns every error into an {@link SqlErrors}
 * SQLException, (2) keeps the connection read-only, and (3) applies statements' query timeouts
 * ({@link QueryTimer}). A statement's result sets are {@link TranslatingResultSet}s, which do the
 * same for the rows.
 */
final class ErrorTranslatingProxy implements InvocationHandler {
  /** Return types whose objects are wrapped too. */
  private static final Set<Class<?>> WRAPPED = Set.of(Statement.class, PreparedStatement.class,
      CallableStatement.class, ResultSet.class, DatabaseMetaData.class);

  private final Object target;
  /** The connection's proxy; set once the connection's own proxy exists. */
  private Connection connection;
  /** For a statement: its timer, else null. */
  private final QueryTimer timer;

  private ErrorTranslatingProxy(Object target, Connection connection, QueryTimer timer) {
    this.target = target;
    this.connection = connection;
    this.timer = timer;
  }

  /** {@code connection} behind the proxy. */
  static Connection connection(Connection connection) {
    ErrorTranslatingProxy handler = new ErrorTranslatingProxy(connection, null, null);
    handler.connection = (Connection) proxy(Connection.class, handler);
    return handler.connection;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      return switch (name) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> target.toString();
      };
    }
    if ((name.equals("unwrap") || name.equals("isWrapperFor")) && ((Class<?>) args[0]).isInstance(proxy)) {
      return name.equals("unwrap") ? proxy : Boolean.TRUE;
    }
    if (target instanceof Connection && name.equals("isReadOnly")) return Boolean.TRUE;
    if (target instanceof Connection && name.equals("setReadOnly")) {
      if (!(Boolean) args[0]) {
        throw new SQLFeatureNotSupportedException("gotrace connections are read-only", SqlErrors.READ_ONLY);
      }
      return null;
    }
    if (name.equals("getConnection")) return connection;
    if (timer != null && target instanceof Statement && name.startsWith("execute")) timer.arm();
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (timer != null) timer.disarm();
      throw translated(e.getCause(), method);
    }
    // A statement's result sets disarm the timer when their rows end (TranslatingResultSet).
    if (timer != null && name.equals("close")) timer.disarm();
    return wrap(proxy, method, result);
  }

  private Throwable translated(Throwable error, Method method) {
    boolean declared = Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
    if (!declared || SqlErrors.isFault(error)) return error;
    return SqlErrors.of(error, timer == null ? 0 : timer.firedAfterSeconds());
  }

  private Object wrap(Object proxy, Method method, Object result) throws SQLException {
    Class<?> type = method.getReturnType();
    if (result == null || !WRAPPED.contains(type)) return result;
    ErrorTranslatingProxy handler;
    if (Statement.class.isAssignableFrom(type)) {
      handler = new ErrorTranslatingProxy(result, connection, new QueryTimer((Statement) result));
    } else if (type == ResultSet.class && target instanceof Statement) {
      return new TranslatingResultSet((ResultSet) result, (Statement) proxy, timer);
    } else {
      handler = new ErrorTranslatingProxy(result, connection, null);
    }
    return proxy(type, handler);
  }

  private static Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(ErrorTranslatingProxy.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
