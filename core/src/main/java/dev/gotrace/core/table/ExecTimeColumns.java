package dev.gotrace.core.table;

import java.util.Arrays;

/**
 * The seven time columns Go's summary gives a goroutine and a region alike (total, exec, sched
 * wait, syscall, syscall block, block, unknown), so both tables fill and write them one way.
 */
final class ExecTimeColumns {
  private final LongColumn total = new LongColumn();
  private final LongColumn exec = new LongColumn();
  private final LongColumn schedWait = new LongColumn();
  private final LongColumn syscall = new LongColumn();
  private final LongColumn syscallBlock = new LongColumn();
  private final LongColumn block = new LongColumn();
  private final LongColumn unknown = new LongColumn();

  /** One row: the times of {@code t} over a span of {@code totalNs}. */
  void add(ExecTimes t, long totalNs) {
    total.add(totalNs);
    exec.add(t.exec);
    schedWait.add(t.schedWait);
    syscall.add(t.syscall);
    syscallBlock.add(t.syscallBlock);
    block.add(t.block);
    unknown.add(t.unknown(totalNs));
  }

  /** The table's writers: {@code leading} columns, then these seven in schema order. */
  ColumnWriter[] after(ColumnWriter... leading) {
    ColumnWriter[] all = Arrays.copyOf(leading, leading.length + 7);
    int i = leading.length;
    for (LongColumn c : new LongColumn[] {total, exec, schedWait, syscall, syscallBlock, block, unknown}) {
      all[i++] = ColumnWriter.bigint(c);
    }
    return all;
  }
}
