package dev.gotrace.jdbc;

import dev.gotrace.core.analysis.Mmu;
import dev.gotrace.core.analysis.MmuCurve;
import dev.gotrace.core.analysis.UtilFlags;
import dev.gotrace.core.table.TraceDatabase;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Minimum mutator utilization as SQL table functions, computed as {@code go tool trace}'s /mmu
 * page computes it (Go 1.27 internal/trace/gc.go):
 * <ul>
 *   <li>{@code TABLE(mmu(window_ns))} and {@code TABLE(mmu(window_ns, flags))}: one row
 *       (window_ns, flags, mmu);</li>
 *   <li>{@code TABLE(mmu_worst_windows(window_ns, flags, n))}: the n worst disjoint windows,
 *       worst first (Go's details view).</li>
 * </ul>
 * {@code flags} is Go's set, {@code '|'}-separated: stw, background, assist, sweep, perproc
 * (default {@value UtilFlags#DEFAULT}, the /mmu page's default), plus {@code background_once},
 * our correction of Go's double counting of background mark workers.
 */
public final class MmuFunctions {
  private MmuFunctions() {}

  /** {@code mmu(window_ns)} with the default flags. */
  public static ScannableTable mmu(long windowNs) {
    return mmuWithFlags(windowNs, UtilFlags.DEFAULT);
  }

  /** {@code mmu(window_ns, flags)}. */
  public static ScannableTable mmuWithFlags(long windowNs, String flags) {
    UtilFlags.parse(flags); // reject bad flags before any work
    return new ResultTable(flags, List.of(
        column("window_ns", SqlTypeName.BIGINT),
        column("flags", SqlTypeName.VARCHAR),
        column("mmu", SqlTypeName.DOUBLE))) {
      @Override List<Object[]> rows(MmuCurve curve) {
        return List.<Object[]>of(new Object[] {windowNs, flags, curve.mmu(windowNs)});
      }
    };
  }

  /** {@code mmu_worst_windows(window_ns, flags, n)}. */
  public static ScannableTable worstWindows(long windowNs, String flags, int n) {
    UtilFlags.parse(flags);
    if (n < 0) throw new IllegalArgumentException("mmu_worst_windows: n must be >= 0, got " + n);
    return new ResultTable(flags, List.of(
        column("window_rank", SqlTypeName.INTEGER),
        column("ts", SqlTypeName.BIGINT),
        column("window_ns", SqlTypeName.BIGINT),
        column("utilization", SqlTypeName.DOUBLE))) {
      @Override List<Object[]> rows(MmuCurve curve) {
        List<Object[]> rows = new ArrayList<>();
        int rank = 1;
        for (MmuCurve.Window w : curve.worstWindows(windowNs, n)) {
          rows.add(new Object[] {rank++, w.time(), windowNs, w.utilization()});
        }
        return rows;
      }
    };
  }

  private record Column(String name, SqlTypeName type) {}

  private static Column column(String name, SqlTypeName type) { return new Column(name, type); }

  /** A table computed from the MMU curve of the connection's trace when scanned. */
  private abstract static class ResultTable extends AbstractTable implements ScannableTable {
    private final String flags;
    private final List<Column> columns;

    ResultTable(String flags, List<Column> columns) {
      this.flags = flags;
      this.columns = columns;
    }

    abstract List<Object[]> rows(MmuCurve curve);

    @Override public RelDataType getRowType(RelDataTypeFactory types) {
      RelDataTypeFactory.Builder b = types.builder();
      for (Column c : columns) b.add(c.name(), c.type()).nullable(false);
      return b.build();
    }

    @Override public Enumerable<Object[]> scan(DataContext root) {
      GoTraceSchema schema = GoTraceSchema.of(root.getRootSchema().subSchemas().get(defaultSchema(root)), "mmu");
      List<Object[]> rows = schema.analyze(TraceDatabase.class, db -> rows(Mmu.curve(db, flags)));
      return Linq4j.asEnumerable(rows);
    }

    /** The connection's default schema: {@value GoTraceDriver#SCHEMA}, or a server connection's first trace. */
    private static String defaultSchema(DataContext root) {
      try {
        return root.getQueryProvider() instanceof CalciteConnection c && c.getSchema() != null ? c.getSchema()
            : GoTraceDriver.SCHEMA;
      } catch (java.sql.SQLException e) {
        return GoTraceDriver.SCHEMA;
      }
    }
  }
}