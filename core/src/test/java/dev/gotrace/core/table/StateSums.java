package dev.gotrace.core.table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's per-goroutine summary statistics recomputed from {@code goroutine_states} rows with the
 * rules the table documents (what the SQL views do): open rows last until the trace end, open
 * syscalls count whole as syscall time and from {@code syscall_block_ts} on also as sched wait,
 * waits with reason 'forever' do not count.
 */
final class StateSums {
  long exec;
  long schedWait;
  long syscall;
  long syscallBlock;
  final Map<String, Long> blockByReason = new TreeMap<>();

  /** Sums {@code rows} (one goroutine incarnation); {@code traceEnd} = trace_info.duration_ns. */
  static StateSums of(List<Map<String, Object>> rows, long traceEnd) {
    StateSums s = new StateSums();
    for (Map<String, Object> r : rows) {
      long ts = (Long) r.get("ts");
      Long dur = (Long) r.get("dur");
      long end = dur == null ? traceEnd : ts + dur;
      Long blockTs = (Long) r.get("syscall_block_ts");
      switch ((String) r.get("state")) {
        case "running" -> s.exec += end - ts;
        case "runnable" -> s.schedWait += end - ts;
        case "waiting" -> {
          String reason = (String) r.get("reason");
          if (!reason.equals("forever")) s.blockByReason.merge(reason, end - ts, Long::sum);
        }
        case "syscall" -> {
          if (dur == null) {
            s.syscall += end - ts;
            if (blockTs != null) s.schedWait += end - blockTs;
          } else if (blockTs != null) {
            s.syscall += blockTs - ts;
            s.syscallBlock += end - blockTs;
          } else {
            s.syscall += end - ts;
          }
        }
        default -> throw new AssertionError("unexpected state " + r.get("state"));
      }
    }
    return s;
  }
}
