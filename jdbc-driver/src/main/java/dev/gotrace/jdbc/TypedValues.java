package dev.gotrace.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Function;

/**
 * {@link ResultSet#getObject(int, Class)} (JDBC 4.1) over a result set's typed getters. Avatica's
 * accessors implement it for few types: {@code getObject(i, Long.class)} on a BIGINT column
 * failed, and frameworks that map rows by class (Spring's JdbcTemplate, jOOQ) call exactly that.
 */
final class TypedValues {
  private TypedValues() {}

  /**
   * The value of {@code column} as {@code type}: a string, a number, a boolean, bytes, a date or
   * time (java.sql or java.time's local types), or whatever the column holds if it is of {@code
   * type}; null for SQL NULL.
   *
   * @throws SQLDataException (SQLState 22018) if the value is of none of these and not of {@code type}
   */
  @SuppressWarnings("unchecked")
  static <T> T get(ResultSet rs, int column, Class<T> type) throws SQLException {
    if (type == null) throw new SQLException("getObject: the type must not be null", SqlErrors.GENERAL);
    return (T) read(rs, column, type);
  }

  private static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == Object.class) return rs.getObject(column);
    if (type == String.class) return rs.getString(column);
    if (type == BigDecimal.class) return rs.getBigDecimal(column);
    if (type == BigInteger.class) return orNull(rs.getBigDecimal(column), BigDecimal::toBigInteger);
    if (type == byte[].class) return rs.getBytes(column);
    if (type == Date.class) return rs.getDate(column);
    if (type == Time.class) return rs.getTime(column);
    if (type == Timestamp.class) return rs.getTimestamp(column);
    if (type == LocalDate.class) return orNull(rs.getDate(column), Date::toLocalDate);
    if (type == LocalTime.class) return orNull(rs.getTime(column), Time::toLocalTime);
    if (type == LocalDateTime.class) return orNull(rs.getTimestamp(column), Timestamp::toLocalDateTime);
    Object primitive = primitive(rs, column, type);
    if (primitive != null) return rs.wasNull() ? null : primitive;
    Object value = rs.getObject(column);
    if (value == null || type.isInstance(value)) return value;
    throw new SQLDataException("column " + column + " (" + rs.getMetaData().getColumnTypeName(column)
        + ") cannot be read as " + type.getName(), SqlErrors.INVALID_CAST);
  }

  /** {@code value} converted, or null for SQL NULL. */
  private static <V> Object orNull(V value, Function<V, ?> convert) {
    return value == null ? null : convert.apply(value);
  }

  /** The column read by the getter of a primitive type or its wrapper; null for any other type. */
  private static Object primitive(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == Long.class || type == long.class) return rs.getLong(column);
    if (type == Integer.class || type == int.class) return rs.getInt(column);
    if (type == Short.class || type == short.class) return rs.getShort(column);
    if (type == Byte.class || type == byte.class) return rs.getByte(column);
    if (type == Double.class || type == double.class) return rs.getDouble(column);
    if (type == Float.class || type == float.class) return rs.getFloat(column);
    if (type == Boolean.class || type == boolean.class) return rs.getBoolean(column);
    return null;
  }
}
