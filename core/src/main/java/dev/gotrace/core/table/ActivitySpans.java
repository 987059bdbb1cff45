package dev.gotrace.core.table;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/** First time, last time and event count per id: the rows of {@code procs} and {@code threads}. */
final class ActivitySpans {
  private final Map<Long, long[]> spans = new HashMap<>();

  void saw(long id, long time) {
    long[] s = spans.get(id);
    if (s == null) spans.put(id, new long[] {time, time, 1});
    else {
      s[1] = time;
      s[2]++;
    }
  }

  /** A table of (id, first_ts, last_ts, event_count), sorted by id. */
  TraceTable table(TableContext context, String name, Schema schema) {
    LongColumn id = new LongColumn();
    LongColumn first = new LongColumn();
    LongColumn last = new LongColumn();
    LongColumn count = new LongColumn();
    for (Map.Entry<Long, long[]> e : new TreeMap<>(spans).entrySet()) {
      id.add(e.getKey());
      first.add(e.getValue()[0]);
      last.add(e.getValue()[1]);
      count.add(e.getValue()[2]);
    }
    return context.table(name, schema, id.size(), ColumnWriter.bigint(id), context.time(first),
        context.time(last), ColumnWriter.bigint(count));
  }
}
