package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code goroutine_range_time}: Go's summary RangeTime per goroutine, the "special ranges" table of
 * go tool trace's goroutine page, summed from the stretches {@link RangeAttribution} replays.
 */
final class GoroutineRangeTimeTableBuilder implements TableBuilder {
  static final String NAME = "goroutine_range_time";
  static final Schema SCHEMA = Fields.schema(
      "One row per goroutine (last incarnation) and runtime range Go's goroutine summary attributes to it "
          + "(internal/trace/summary.go RangeTime; go tool trace's goroutine page, table of special ranges). "
          + "Goroutine-scoped ranges ('GC mark assist', 'stop-the-world (<kind>)': the goroutine that stopped the "
          + "world) count for their goroutine; a 'GC incremental sweep' (proc-scoped) counts for the goroutine that "
          + "was running on the P when it began, only if that goroutine also ended it; a range in progress at a "
          + "generation's start counts from that generation's Sync. 'GC concurrent mark phase' is global and Go "
          + "attributes it to no goroutine, so it never appears. Ranges still open when the goroutine ends count "
          + "until its end, or until trace end. Ranges overlap the goroutine's other times.",
      bigint("goid", false, "Goroutine id (joins goroutines.goid)."),
      string("range_name", false, "Go's range name, e.g. 'GC mark assist', 'GC incremental sweep', 'stop-the-world (GC mark termination)'."),
      bigint("dur_ns", false, "Time in ns the goroutine spent in ranges of that name (Go's RangeTime[range_name])."));

  private final RangeAttribution attribution;

  GoroutineRangeTimeTableBuilder(Vocabulary vocabulary) {
    attribution = new RangeAttribution(vocabulary);
  }

  @Override public void onEvent(TraceEvent ev) {
    attribution.onEvent(ev);
  }

  /** The replayed stretches, for the builders that clip them to regions; settled. */
  RangeAttribution attribution() {
    attribution.settle();
    return attribution;
  }

  @Override public TraceTable finish(TableContext context) {
    attribution.settle();
    LongColumn goid = new LongColumn();
    IntColumn rangeName = new IntColumn();
    LongColumn dur = new LongColumn();
    List<Long> ids = attribution.goids();
    ids.sort(null);
    for (long id : ids) {
      Map<Integer, Long> byName = new TreeMap<>();
      for (RangeAttribution.Stretch s : attribution.lifeOf(id).stretches) {
        byName.merge(s.name(), s.end() - s.start(), Long::sum);
      }
      for (Map.Entry<Integer, Long> e : byName.entrySet()) {
        goid.add(id);
        rangeName.add(e.getKey());
        dur.add(e.getValue());
      }
    }
    return context.table(NAME, SCHEMA, goid.size(), ColumnWriter.bigint(goid), ColumnWriter.int32(rangeName),
        ColumnWriter.bigint(dur));
  }
}
