package dev.gotrace.jdbc;

import dev.gotrace.core.analysis.WaitChain;
import dev.gotrace.core.table.TraceDatabase;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(wait_chain(goid, ts))}: what goroutine {@code goid} was waiting for at {@code ts},
 * transitively through the goroutines that ended each wait ({@link WaitChain}); one row per wait,
 * depth 0 first.
 */
public final class WaitChainFunction {
  private static final List<AnalysisTable.Column> COLUMNS = List.of(
      new AnalysisTable.Column("depth", SqlTypeName.INTEGER, true),
      new AnalysisTable.Column("goid", SqlTypeName.BIGINT, true),
      new AnalysisTable.Column("blocked_ts", SqlTypeName.BIGINT, true),
      new AnalysisTable.Column("unblocked_ts", SqlTypeName.BIGINT, false),
      new AnalysisTable.Column("wait_ns", SqlTypeName.BIGINT, false),
      new AnalysisTable.Column("reason", SqlTypeName.VARCHAR, true),
      new AnalysisTable.Column("blocked_stack_id", SqlTypeName.BIGINT, false),
      new AnalysisTable.Column("unblocker_goid", SqlTypeName.BIGINT, false),
      new AnalysisTable.Column("unblock_stack_id", SqlTypeName.BIGINT, false));

  private WaitChainFunction() {}

  public static ScannableTable waitChain(long goid, long ts) {
    return new AnalysisTable("wait_chain", COLUMNS) {
      @Override List<Object[]> rows(TraceDatabase db) {
        List<Object[]> rows = new ArrayList<>();
        for (WaitChain.Link l : WaitChain.walk(db, goid, ts)) {
          Long wait = l.unblockedTs() == null ? null : l.unblockedTs() - l.blockedTs();
          rows.add(new Object[] {l.depth(), l.goid(), l.blockedTs(), l.unblockedTs(), wait, l.reason(),
              l.blockedStackId(), l.unblockerGoid(), l.unblockStackId()});
        }
        return rows;
      }
    };
  }
}
