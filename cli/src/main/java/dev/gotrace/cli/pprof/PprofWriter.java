package dev.gotrace.cli.pprof;

import com.google.perftools.profiles.ProfileProto.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Runs a {@link ProfileQuery} and writes its rows as a gzipped pprof profile. Every integer column
 * but {@code stack_id} is a sample value (pprof values are int64), typed by its name: {@code x_ns} is x/nanoseconds,
 * {@code x_bytes} x/bytes, any other column/count; NULL is 0.
 */
public final class PprofWriter {
  private PprofWriter() {}

  /** The rows of {@code query} on {@code c} as a profile. */
  public static Profile profile(Connection c, ProfileQuery query) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query.sql())) {
      ResultSetMetaData md = rs.getMetaData();
      int stackColumn = -1;
      List<Integer> valueColumns = new ArrayList<>();
      List<String[]> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
        if (name.equals("stack_id")) {
          stackColumn = i;
        } else if (isNumeric(md.getColumnType(i))) {
          valueColumns.add(i);
          types.add(valueType(name));
        } else {
          throw new IllegalArgumentException("column " + name + " is " + md.getColumnTypeName(i)
              + "; a profile query returns stack_id and integer value columns only");
        }
      }
      if (stackColumn < 0) throw new IllegalArgumentException("the query returns no stack_id column");
      if (valueColumns.isEmpty()) throw new IllegalArgumentException("the query returns no integer value column");
      StackFrames frames = StackFrames.load(c);
      PprofBuilder builder = new PprofBuilder(types, query.periodType(), query.periodUnit(), query.period());
      while (rs.next()) {
        Object stack = rs.getObject(stackColumn);
        long[] values = new long[valueColumns.size()];
        for (int v = 0; v < values.length; v++) values[v] = rs.getLong(valueColumns.get(v));
        builder.add(frames.of(stack == null ? null : ((Number) stack).longValue()), values);
      }
      return builder.build();
    }
  }

  /** Writes {@code profile} gzipped, as pprof files are stored. */
  public static void write(Profile profile, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    profile.writeTo(gzip);
    gzip.finish();
    gzip.flush();
  }

  /** pprof's (type, unit) for value column {@code name}. */
  static String[] valueType(String name) {
    if (name.endsWith("_ns")) return new String[] {name.substring(0, name.length() - 3), "nanoseconds"};
    if (name.endsWith("_bytes")) return new String[] {name.substring(0, name.length() - 6), "bytes"};
    return new String[] {name, "count"};
  }

  private static boolean isNumeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }
}
