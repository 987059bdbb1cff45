package dev.gotrace.jdbc;

import dev.gotrace.core.analysis.RelatedGoroutines;
import dev.gotrace.core.table.TraceDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(related_goroutines(goid))}: the goroutines go tool trace's goroutine-oriented
 * timeline shows for {@code goid} (Go's RelatedGoroutinesV2, {@link RelatedGoroutines}).
 */
public final class RelatedGoroutinesFunction {
  private static final List<AnalysisTable.Column> COLUMNS = List.of(
      new AnalysisTable.Column("goid", SqlTypeName.BIGINT, true),
      new AnalysisTable.Column("depth", SqlTypeName.INTEGER, true));

  private RelatedGoroutinesFunction() {}

  public static ScannableTable relatedGoroutines(long goid) {
    return new AnalysisTable("related_goroutines", COLUMNS) {
      @Override List<Object[]> rows(TraceDatabase db) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : RelatedGoroutines.index(db).of(goid).entrySet()) {
          rows.add(new Object[] {e.getKey(), e.getValue()});
        }
        return rows;
      }
    };
  }
}
