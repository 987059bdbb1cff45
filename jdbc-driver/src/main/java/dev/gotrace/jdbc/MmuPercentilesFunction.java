package dev.gotrace.jdbc;

import dev.gotrace.core.analysis.Mmu;
import dev.gotrace.core.analysis.UtilFlags;
import dev.gotrace.core.table.TraceDatabase;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(mmu_percentiles(window_ns, flags))}: the /mmu page's "Show percentiles" values, Go's
 * {@code MMUCurve.MUD} at the page's quantiles 0, 0.001, 0.01 and 0.05 (labelled p0, p0.1, p1, p5),
 * one row each. Go 1.27 returns the MMU for every quantile (see MmuCurve.mud).
 */
public final class MmuPercentilesFunction {
  /** traceviewer/mmu.go: 0, 1 - .999, 1 - .99, 1 - .95 (exact constants in Go). */
  private static final double[] QUANTILES = {0, 0.001, 0.01, 0.05};
  private static final List<AnalysisTable.Column> COLUMNS = List.of(
      new AnalysisTable.Column("window_ns", SqlTypeName.BIGINT, true),
      new AnalysisTable.Column("flags", SqlTypeName.VARCHAR, true),
      new AnalysisTable.Column("quantile", SqlTypeName.DOUBLE, true),
      new AnalysisTable.Column("utilization", SqlTypeName.DOUBLE, true));

  private MmuPercentilesFunction() {}

  public static ScannableTable mmuPercentiles(long windowNs, String flags) {
    UtilFlags.parse(flags); // reject bad flags before any work
    return new AnalysisTable("mmu_percentiles", COLUMNS) {
      @Override List<Object[]> rows(TraceDatabase db) {
        double[] mud = Mmu.curve(db, flags).mud(windowNs, QUANTILES);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < QUANTILES.length; i++) rows.add(new Object[] {windowNs, flags, QUANTILES[i], mud[i]});
        return rows;
      }
    };
  }
}
