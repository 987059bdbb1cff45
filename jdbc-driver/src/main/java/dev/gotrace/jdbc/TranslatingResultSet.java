package dev.gotrace.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A statement's result set as a gotrace connection hands it out: Calcite's, with every error
 * turned into an {@link SqlErrors} SQLException (including the raw runtime exceptions Calcite's
 * generated code throws while rows are fetched), the statement's query timer disarmed when the
 * rows end, and {@link #getStatement} returning the statement's proxy. A class of its own rather
 * than an {@link ErrorTranslatingProxy}: the reflective call per getter was a third of the time to
 * fetch a few million rows; for the same reason {@link #getObject(int)} reads most values through
 * {@link CurrentRow}.
 */
final class TranslatingResultSet implements ResultSet {
  private final ResultSet target;
  private final Statement statement;
  /** The statement's timer; null if it has none. */
  private final QueryTimer timer;

  /** Reads values of the current row without Avatica's accessors; null if they cannot be. */
  private final CurrentRow row;

  TranslatingResultSet(ResultSet target, Statement statement, QueryTimer timer) throws SQLException {
    this.target = target;
    this.statement = statement;
    this.timer = timer;
    this.row = CurrentRow.of(target);
  }

  /** The SQLException for {@code e}; a JVM fault ({@link SqlErrors#isFault}) passes as it is. */
  private SQLException error(Throwable e) {
    if (timer != null) timer.disarm();
    if (SqlErrors.isFault(e)) throw (VirtualMachineError) e;
    return SqlErrors.of(e, timer == null ? 0 : timer.firedAfterSeconds());
  }

  @Override public boolean next() throws SQLException {
    boolean more;
    try {
      more = target.next();
    } catch (Throwable e) {
      throw error(e);
    }
    if (!more && timer != null) timer.disarm();
    return more;
  }

  @Override public void close() throws SQLException {
    if (timer != null) timer.disarm();
    try { target.close(); } catch (Throwable e) { throw error(e); }
  }

  @Override public Statement getStatement() { return statement; }

  @Override public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) return type.cast(this);
    try { return target.unwrap(type); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isWrapperFor(Class<?> type) throws SQLException {
    if (type.isInstance(this)) return true;
    try { return target.isWrapperFor(type); } catch (Throwable e) { throw error(e); }
  }

  // Everything else goes to Calcite's result set as is.

  @Override public boolean absolute(int rows) throws SQLException {
    try { return target.absolute(rows); } catch (Throwable e) { throw error(e); }
  }

  @Override public void afterLast() throws SQLException {
    try { target.afterLast(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void beforeFirst() throws SQLException {
    try { target.beforeFirst(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void cancelRowUpdates() throws SQLException {
    try { target.cancelRowUpdates(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void clearWarnings() throws SQLException {
    try { target.clearWarnings(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void deleteRow() throws SQLException {
    try { target.deleteRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public int findColumn(String label) throws SQLException {
    try { return target.findColumn(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean first() throws SQLException {
    try { return target.first(); } catch (Throwable e) { throw error(e); }
  }

  @Override public Array getArray(String label) throws SQLException {
    try { return target.getArray(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Array getArray(int column) throws SQLException {
    try { return target.getArray(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public InputStream getAsciiStream(String label) throws SQLException {
    try { return target.getAsciiStream(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public InputStream getAsciiStream(int column) throws SQLException {
    try { return target.getAsciiStream(column); } catch (Throwable e) { throw error(e); }
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    try { return target.getBigDecimal(label, scale); } catch (Throwable e) { throw error(e); }
  }

  @Override public BigDecimal getBigDecimal(String label) throws SQLException {
    try { return target.getBigDecimal(label); } catch (Throwable e) { throw error(e); }
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    try { return target.getBigDecimal(column, scale); } catch (Throwable e) { throw error(e); }
  }

  @Override public BigDecimal getBigDecimal(int column) throws SQLException {
    try { return target.getBigDecimal(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public InputStream getBinaryStream(String label) throws SQLException {
    try { return target.getBinaryStream(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public InputStream getBinaryStream(int column) throws SQLException {
    try { return target.getBinaryStream(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Blob getBlob(String label) throws SQLException {
    try { return target.getBlob(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Blob getBlob(int column) throws SQLException {
    try { return target.getBlob(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean getBoolean(String label) throws SQLException {
    try { return target.getBoolean(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean getBoolean(int column) throws SQLException {
    try { return target.getBoolean(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public byte getByte(String label) throws SQLException {
    try { return target.getByte(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public byte getByte(int column) throws SQLException {
    try { return target.getByte(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public byte[] getBytes(String label) throws SQLException {
    try { return target.getBytes(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public byte[] getBytes(int column) throws SQLException {
    try { return target.getBytes(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Reader getCharacterStream(String label) throws SQLException {
    try { return target.getCharacterStream(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Reader getCharacterStream(int column) throws SQLException {
    try { return target.getCharacterStream(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Clob getClob(String label) throws SQLException {
    try { return target.getClob(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Clob getClob(int column) throws SQLException {
    try { return target.getClob(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getConcurrency() throws SQLException {
    try { return target.getConcurrency(); } catch (Throwable e) { throw error(e); }
  }

  @Override public String getCursorName() throws SQLException {
    try { return target.getCursorName(); } catch (Throwable e) { throw error(e); }
  }

  @Override public Date getDate(String label, Calendar calendar) throws SQLException {
    try { return target.getDate(label, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Date getDate(String label) throws SQLException {
    try { return target.getDate(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Date getDate(int column, Calendar calendar) throws SQLException {
    try { return target.getDate(column, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Date getDate(int column) throws SQLException {
    try { return target.getDate(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public double getDouble(String label) throws SQLException {
    try { return target.getDouble(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public double getDouble(int column) throws SQLException {
    try { return target.getDouble(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getFetchDirection() throws SQLException {
    try { return target.getFetchDirection(); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getFetchSize() throws SQLException {
    try { return target.getFetchSize(); } catch (Throwable e) { throw error(e); }
  }

  @Override public float getFloat(String label) throws SQLException {
    try { return target.getFloat(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public float getFloat(int column) throws SQLException {
    try { return target.getFloat(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getHoldability() throws SQLException {
    try { return target.getHoldability(); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getInt(String label) throws SQLException {
    try { return target.getInt(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getInt(int column) throws SQLException {
    try { return target.getInt(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public long getLong(String label) throws SQLException {
    try { return target.getLong(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public long getLong(int column) throws SQLException {
    try { return target.getLong(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    try { return target.getMetaData(); } catch (Throwable e) { throw error(e); }
  }

  @Override public Reader getNCharacterStream(String label) throws SQLException {
    try { return target.getNCharacterStream(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Reader getNCharacterStream(int column) throws SQLException {
    try { return target.getNCharacterStream(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public NClob getNClob(String label) throws SQLException {
    try { return target.getNClob(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public NClob getNClob(int column) throws SQLException {
    try { return target.getNClob(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public String getNString(String label) throws SQLException {
    try { return target.getNString(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public String getNString(int column) throws SQLException {
    try { return target.getNString(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public <T> T getObject(String label, Class<T> type) throws SQLException {
    try { return TypedValues.get(target, target.findColumn(label), type); } catch (Throwable e) { throw error(e); }
  }

  @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    try { return target.getObject(label, map); } catch (Throwable e) { throw error(e); }
  }

  @Override public Object getObject(String label) throws SQLException {
    try { return target.getObject(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public <T> T getObject(int column, Class<T> type) throws SQLException {
    try { return TypedValues.get(target, column, type); } catch (Throwable e) { throw error(e); }
  }

  @Override public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    try { return target.getObject(column, map); } catch (Throwable e) { throw error(e); }
  }

  @Override public Object getObject(int column) throws SQLException {
    if (row != null) {
      Object value = row.value(column);
      if (value != CurrentRow.UNREAD) return value;
    }
    try { return target.getObject(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Ref getRef(String label) throws SQLException {
    try { return target.getRef(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Ref getRef(int column) throws SQLException {
    try { return target.getRef(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getRow() throws SQLException {
    try { return target.getRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public RowId getRowId(String label) throws SQLException {
    try { return target.getRowId(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public RowId getRowId(int column) throws SQLException {
    try { return target.getRowId(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public SQLXML getSQLXML(String label) throws SQLException {
    try { return target.getSQLXML(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public SQLXML getSQLXML(int column) throws SQLException {
    try { return target.getSQLXML(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public short getShort(String label) throws SQLException {
    try { return target.getShort(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public short getShort(int column) throws SQLException {
    try { return target.getShort(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public String getString(String label) throws SQLException {
    try { return target.getString(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public String getString(int column) throws SQLException {
    try { return target.getString(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Time getTime(String label, Calendar calendar) throws SQLException {
    try { return target.getTime(label, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Time getTime(String label) throws SQLException {
    try { return target.getTime(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Time getTime(int column, Calendar calendar) throws SQLException {
    try { return target.getTime(column, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Time getTime(int column) throws SQLException {
    try { return target.getTime(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
    try { return target.getTimestamp(label, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Timestamp getTimestamp(String label) throws SQLException {
    try { return target.getTimestamp(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    try { return target.getTimestamp(column, calendar); } catch (Throwable e) { throw error(e); }
  }

  @Override public Timestamp getTimestamp(int column) throws SQLException {
    try { return target.getTimestamp(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public int getType() throws SQLException {
    try { return target.getType(); } catch (Throwable e) { throw error(e); }
  }

  @Override public URL getURL(String label) throws SQLException {
    try { return target.getURL(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public URL getURL(int column) throws SQLException {
    try { return target.getURL(column); } catch (Throwable e) { throw error(e); }
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(String label) throws SQLException {
    try { return target.getUnicodeStream(label); } catch (Throwable e) { throw error(e); }
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(int column) throws SQLException {
    try { return target.getUnicodeStream(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    try { return target.getWarnings(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void insertRow() throws SQLException {
    try { target.insertRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isAfterLast() throws SQLException {
    try { return target.isAfterLast(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isBeforeFirst() throws SQLException {
    try { return target.isBeforeFirst(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isClosed() throws SQLException {
    try { return target.isClosed(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isFirst() throws SQLException {
    try { return target.isFirst(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean isLast() throws SQLException {
    try { return target.isLast(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean last() throws SQLException {
    try { return target.last(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void moveToCurrentRow() throws SQLException {
    try { target.moveToCurrentRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void moveToInsertRow() throws SQLException {
    try { target.moveToInsertRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean previous() throws SQLException {
    try { return target.previous(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void refreshRow() throws SQLException {
    try { target.refreshRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean relative(int rows) throws SQLException {
    try { return target.relative(rows); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean rowDeleted() throws SQLException {
    try { return target.rowDeleted(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean rowInserted() throws SQLException {
    try { return target.rowInserted(); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean rowUpdated() throws SQLException {
    try { return target.rowUpdated(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void setFetchDirection(int direction) throws SQLException {
    try { target.setFetchDirection(direction); } catch (Throwable e) { throw error(e); }
  }

  @Override public void setFetchSize(int rows) throws SQLException {
    try { target.setFetchSize(rows); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateArray(String label, Array value) throws SQLException {
    try { target.updateArray(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateArray(int column, Array value) throws SQLException {
    try { target.updateArray(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(String label, InputStream value, int length) throws SQLException {
    try { target.updateAsciiStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(String label, InputStream value, long length) throws SQLException {
    try { target.updateAsciiStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(String label, InputStream value) throws SQLException {
    try { target.updateAsciiStream(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(int column, InputStream value, int length) throws SQLException {
    try { target.updateAsciiStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(int column, InputStream value, long length) throws SQLException {
    try { target.updateAsciiStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateAsciiStream(int column, InputStream value) throws SQLException {
    try { target.updateAsciiStream(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBigDecimal(String label, BigDecimal value) throws SQLException {
    try { target.updateBigDecimal(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBigDecimal(int column, BigDecimal value) throws SQLException {
    try { target.updateBigDecimal(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(String label, InputStream value, int length) throws SQLException {
    try { target.updateBinaryStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(String label, InputStream value, long length) throws SQLException {
    try { target.updateBinaryStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(String label, InputStream value) throws SQLException {
    try { target.updateBinaryStream(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(int column, InputStream value, int length) throws SQLException {
    try { target.updateBinaryStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(int column, InputStream value, long length) throws SQLException {
    try { target.updateBinaryStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBinaryStream(int column, InputStream value) throws SQLException {
    try { target.updateBinaryStream(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(String label, InputStream value, long length) throws SQLException {
    try { target.updateBlob(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(String label, InputStream value) throws SQLException {
    try { target.updateBlob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(String label, Blob value) throws SQLException {
    try { target.updateBlob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(int column, InputStream value, long length) throws SQLException {
    try { target.updateBlob(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(int column, InputStream value) throws SQLException {
    try { target.updateBlob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBlob(int column, Blob value) throws SQLException {
    try { target.updateBlob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBoolean(String label, boolean value) throws SQLException {
    try { target.updateBoolean(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBoolean(int column, boolean value) throws SQLException {
    try { target.updateBoolean(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateByte(String label, byte value) throws SQLException {
    try { target.updateByte(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateByte(int column, byte value) throws SQLException {
    try { target.updateByte(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBytes(String label, byte[] value) throws SQLException {
    try { target.updateBytes(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateBytes(int column, byte[] value) throws SQLException {
    try { target.updateBytes(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(String label, Reader value, int length) throws SQLException {
    try { target.updateCharacterStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(String label, Reader value, long length) throws SQLException {
    try { target.updateCharacterStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(String label, Reader value) throws SQLException {
    try { target.updateCharacterStream(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(int column, Reader value, int length) throws SQLException {
    try { target.updateCharacterStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(int column, Reader value, long length) throws SQLException {
    try { target.updateCharacterStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateCharacterStream(int column, Reader value) throws SQLException {
    try { target.updateCharacterStream(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(String label, Reader value, long length) throws SQLException {
    try { target.updateClob(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(String label, Reader value) throws SQLException {
    try { target.updateClob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(String label, Clob value) throws SQLException {
    try { target.updateClob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(int column, Reader value, long length) throws SQLException {
    try { target.updateClob(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(int column, Reader value) throws SQLException {
    try { target.updateClob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateClob(int column, Clob value) throws SQLException {
    try { target.updateClob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateDate(String label, Date value) throws SQLException {
    try { target.updateDate(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateDate(int column, Date value) throws SQLException {
    try { target.updateDate(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateDouble(String label, double value) throws SQLException {
    try { target.updateDouble(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateDouble(int column, double value) throws SQLException {
    try { target.updateDouble(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateFloat(String label, float value) throws SQLException {
    try { target.updateFloat(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateFloat(int column, float value) throws SQLException {
    try { target.updateFloat(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateInt(String label, int value) throws SQLException {
    try { target.updateInt(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateInt(int column, int value) throws SQLException {
    try { target.updateInt(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateLong(String label, long length) throws SQLException {
    try { target.updateLong(label, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateLong(int column, long length) throws SQLException {
    try { target.updateLong(column, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNCharacterStream(String label, Reader value, long length) throws SQLException {
    try { target.updateNCharacterStream(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNCharacterStream(String label, Reader value) throws SQLException {
    try { target.updateNCharacterStream(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNCharacterStream(int column, Reader value, long length) throws SQLException {
    try { target.updateNCharacterStream(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNCharacterStream(int column, Reader value) throws SQLException {
    try { target.updateNCharacterStream(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(String label, Reader value, long length) throws SQLException {
    try { target.updateNClob(label, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(String label, Reader value) throws SQLException {
    try { target.updateNClob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(String label, NClob value) throws SQLException {
    try { target.updateNClob(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(int column, Reader value, long length) throws SQLException {
    try { target.updateNClob(column, value, length); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(int column, Reader value) throws SQLException {
    try { target.updateNClob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNClob(int column, NClob value) throws SQLException {
    try { target.updateNClob(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNString(String label, String value) throws SQLException {
    try { target.updateNString(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNString(int column, String value) throws SQLException {
    try { target.updateNString(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNull(String label) throws SQLException {
    try { target.updateNull(label); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateNull(int column) throws SQLException {
    try { target.updateNull(column); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(String label, Object value, int scaleOrLength) throws SQLException {
    try { target.updateObject(label, value, scaleOrLength); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(String label, Object value, SQLType sqlType, int scaleOrLength) throws SQLException {
    try { target.updateObject(label, value, sqlType, scaleOrLength); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(String label, Object value, SQLType sqlType) throws SQLException {
    try { target.updateObject(label, value, sqlType); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(String label, Object value) throws SQLException {
    try { target.updateObject(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(int column, Object value, int scaleOrLength) throws SQLException {
    try { target.updateObject(column, value, scaleOrLength); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(int column, Object value, SQLType sqlType, int scaleOrLength) throws SQLException {
    try { target.updateObject(column, value, sqlType, scaleOrLength); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(int column, Object value, SQLType sqlType) throws SQLException {
    try { target.updateObject(column, value, sqlType); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateObject(int column, Object value) throws SQLException {
    try { target.updateObject(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateRef(String label, Ref value) throws SQLException {
    try { target.updateRef(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateRef(int column, Ref value) throws SQLException {
    try { target.updateRef(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateRow() throws SQLException {
    try { target.updateRow(); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateRowId(String label, RowId value) throws SQLException {
    try { target.updateRowId(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateRowId(int column, RowId value) throws SQLException {
    try { target.updateRowId(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateSQLXML(String label, SQLXML value) throws SQLException {
    try { target.updateSQLXML(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateSQLXML(int column, SQLXML value) throws SQLException {
    try { target.updateSQLXML(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateShort(String label, short value) throws SQLException {
    try { target.updateShort(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateShort(int column, short value) throws SQLException {
    try { target.updateShort(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateString(String label, String value) throws SQLException {
    try { target.updateString(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateString(int column, String value) throws SQLException {
    try { target.updateString(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateTime(String label, Time value) throws SQLException {
    try { target.updateTime(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateTime(int column, Time value) throws SQLException {
    try { target.updateTime(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateTimestamp(String label, Timestamp value) throws SQLException {
    try { target.updateTimestamp(label, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public void updateTimestamp(int column, Timestamp value) throws SQLException {
    try { target.updateTimestamp(column, value); } catch (Throwable e) { throw error(e); }
  }

  @Override public boolean wasNull() throws SQLException {
    try { return target.wasNull(); } catch (Throwable e) { throw error(e); }
  }
}
