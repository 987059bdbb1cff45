package dev.gotrace.core.table;

import dev.gotrace.core.util.LongObjectMap;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** First time, last time and event count per id: the rows of {@code procs} and {@code threads}. */
final class ActivitySpans {
  private final LongObjectMap<long[]> spans = new LongObjectMap<>();

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
    List<Long> ids = spans.keys();
    ids.sort(null);
    for (long key : ids) {
      long[] s = spans.get(key);
      id.add(key);
      first.add(s[0]);
      last.add(s[1]);
      count.add(s[2]);
    }
    return context.table(name, schema, id.size(), ColumnWriter.bigint(id), context.time(first),
        context.time(last), ColumnWriter.bigint(count));
  }
}
