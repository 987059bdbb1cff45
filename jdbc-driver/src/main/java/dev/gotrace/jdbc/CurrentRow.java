package dev.gotrace.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.util.AbstractCursor;
import org.apache.calcite.avatica.util.ArrayIteratorCursor;
import org.apache.calcite.avatica.util.Cursor;
import org.apache.calcite.avatica.util.IteratorCursor;

/**
 * The values of the row a Calcite result set is on, read straight from the array Calcite hands
 * Avatica's cursor, for {@link TranslatingResultSet#getObject(int)}. Where a column's value in that
 * array is already what Avatica's {@code getObject} returns (a BIGINT's Long, a VARCHAR's String,
 * ...), reading it costs a few nanoseconds; Avatica's accessors cost about 20 per value, a third
 * of the time to read a few million rows. Everything else (other column types, a value of another
 * class, no current row, a closed result set) is left to Avatica, as is every other getter.
 *
 * <p>Reads two fields Avatica keeps to itself: the result set's cursor and the cursor's current
 * row; if a later Avatica renames them, {@link #of} finds none and Avatica answers as before
 * ({@code CurrentRowTest} notices).
 */
final class CurrentRow {
  /** What {@link #value} returns for a value Avatica has to read. */
  static final Object UNREAD = new Object();

  private static final VarHandle CURSOR = field(AvaticaResultSet.class, "cursor", Cursor.class);
  private static final VarHandle CURRENT = field(IteratorCursor.class, "current", Object.class);
  private static final VarHandle WAS_NULL = field(AbstractCursor.class, "wasNull", boolean[].class);

  private final IteratorCursor<?> cursor;
  /** Avatica's "last value read was NULL" flag, which {@code wasNull()} reports. */
  private final boolean[] wasNull;
  /** Per column, the class of a value handed out as it is; null where Avatica converts. */
  private final Class<?>[] direct;

  private CurrentRow(IteratorCursor<?> cursor, boolean[] wasNull, Class<?>[] direct) {
    this.cursor = cursor;
    this.wasNull = wasNull;
    this.direct = direct;
  }

  /** The current-row reader of {@code rs}, or null if its rows are not arrays Avatica reads. */
  static CurrentRow of(ResultSet rs) throws SQLException {
    if (CURSOR == null || CURRENT == null || WAS_NULL == null || !(rs instanceof AvaticaResultSet avatica)) return null;
    if (!(CURSOR.get(avatica) instanceof ArrayIteratorCursor cursor)) return null;
    ResultSetMetaData meta = rs.getMetaData();
    Class<?>[] direct = new Class<?>[meta.getColumnCount()];
    for (int i = 0; i < direct.length; i++) direct[i] = directClass(meta.getColumnType(i + 1), meta.isSigned(i + 1));
    return new CurrentRow(cursor, (boolean[]) WAS_NULL.get((AbstractCursor) cursor), direct);
  }

  /**
   * The class Avatica's {@code getObject} returns for a column of {@code sqlType} when it boxes
   * the value it reads, or null for types it converts (dates, decimals, fixed-width CHAR, which
   * it pads) and unsigned integers.
   */
  private static Class<?> directClass(int sqlType, boolean signed) {
    return switch (sqlType) {
      case Types.BIGINT -> signed ? Long.class : null;
      case Types.INTEGER -> signed ? Integer.class : null;
      case Types.SMALLINT -> signed ? Short.class : null;
      case Types.TINYINT -> signed ? Byte.class : null;
      case Types.BOOLEAN, Types.BIT -> Boolean.class;
      case Types.DOUBLE, Types.FLOAT -> Double.class;
      case Types.REAL -> Float.class;
      case Types.VARCHAR -> String.class;
      default -> null;
    };
  }

  /**
   * The value of {@code column} (1-based) as {@code getObject} returns it, with Avatica's {@code
   * wasNull} set as its own read sets it; {@link #UNREAD} if Avatica has to read it.
   */
  Object value(int column) {
    if (column < 1 || column > direct.length) return UNREAD;
    Class<?> type = direct[column - 1];
    if (type == null || !((Object) CURRENT.get(cursor) instanceof Object[] row)) return UNREAD;
    Object value = row[column - 1];
    if (value != null && value.getClass() != type) return UNREAD;
    wasNull[0] = value == null;
    return value;
  }

  private static VarHandle field(Class<?> owner, String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
