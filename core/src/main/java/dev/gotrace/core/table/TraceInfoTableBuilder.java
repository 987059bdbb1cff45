package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.bool;
import static dev.gotrace.core.table.Fields.utf8;

import java.util.Collections;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code trace_info}: the one row describing the trace file. */
final class TraceInfoTableBuilder {
  static final String NAME = "trace_info";
  static final Schema SCHEMA = Fields.schema(
      "One row describing the trace: file, format, time range, counts and how much of it could be read.",
      utf8("path", false, "Path of the trace file as given."),
      utf8("format_version", true, "Trace format version from the header, e.g. '1.26' (Go 1.22 writes '1.22', Go 1.27 writes '1.26')."),
      bigint("first_ts_abs", true, "Absolute time on Go's trace clock (ns) of the first event, the first Sync: every ts counts from it. NULL if no event was read."),
      bigint("last_ts_abs", true, "Absolute time of the last event (the final Sync): the trace end used for intervals still open. NULL if no event was read."),
      bigint("duration_ns", true, "last_ts_abs - first_ts_abs: the ts of the trace end."),
      bigint("event_count", false, "Number of events (rows of events)."),
      bigint("generation_count", false, "Number of generations read."),
      bigint("frequency_hz", false, "Trace clock ticks per second from the file."),
      bigint("wall_clock_start_ns", true, "Wall-clock time (Unix ns) of the trace start, from the clock snapshot of Go 1.25+ traces; NULL without one."),
      bool("truncated", false, "Whether the file ended early or was broken, so the tables hold only what was read before."),
      bigint("lost_bytes", false, "Bytes at the end of the file that could not be used."),
      bigint("file_size", false, "Size of the file in bytes."),
      bigint("valid_bytes", false, "Bytes of the file that were read as valid generations."),
      utf8("error_message", true, "Why reading stopped early; NULL if the whole file was read."));

  private TraceInfoTableBuilder() {}

  static TraceTable build(TraceInfo info, TraceBounds bounds, TableContext context) {
    LongColumn first = new LongColumn();
    LongColumn last = new LongColumn();
    LongColumn duration = new LongColumn();
    if (bounds.any()) {
      first.add(bounds.first());
      last.add(bounds.last());
      duration.add(bounds.last() - bounds.first());
    } else {
      first.addNull();
      last.addNull();
      duration.addNull();
    }
    LongColumn wall = new LongColumn();
    if (info.wallClockStartNs() == null) wall.addNull();
    else wall.add(info.wallClockStartNs());
    IntColumn truncated = new IntColumn();
    truncated.add(info.truncated());
    return context.table(NAME, SCHEMA, 1,
        ColumnWriter.utf8(Collections.singletonList(info.path())),
        ColumnWriter.utf8(Collections.singletonList(info.formatVersion())),
        ColumnWriter.bigint(first), ColumnWriter.bigint(last), ColumnWriter.bigint(duration),
        ColumnWriter.bigint(single(info.eventCount())), ColumnWriter.bigint(single(info.generationCount())),
        ColumnWriter.bigint(single(info.frequencyHz())), ColumnWriter.bigint(wall), ColumnWriter.bit(truncated),
        ColumnWriter.bigint(single(info.lostBytes())), ColumnWriter.bigint(single(info.fileSize())),
        ColumnWriter.bigint(single(info.validBytes())),
        ColumnWriter.utf8(Collections.singletonList(info.error())));
  }

  private static LongColumn single(long v) {
    LongColumn c = new LongColumn();
    c.add(v);
    return c;
  }
}
