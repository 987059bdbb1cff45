package dev.gotrace.core.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The tables every trace database offers, in schema.md's order, with their documented schemas:
 * known before anything is decoded, so a query can be planned before its tables are built.
 */
public final class TableSchemas {
  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  static {
    SCHEMAS.put(TraceInfoTableBuilder.NAME, TraceInfoTableBuilder.SCHEMA);
    SCHEMAS.put(EventsTableBuilder.NAME, EventsTableBuilder.SCHEMA);
    SCHEMAS.put(GoroutinesTableBuilder.NAME, GoroutinesTableBuilder.SCHEMA);
    SCHEMAS.put(ProcsTableBuilder.NAME, ProcsTableBuilder.SCHEMA);
    SCHEMAS.put(ThreadsTableBuilder.NAME, ThreadsTableBuilder.SCHEMA);
    SCHEMAS.put(StacksTableBuilder.NAME, StacksTableBuilder.SCHEMA);
    SCHEMAS.put(StackFramesTableBuilder.NAME, StackFramesTableBuilder.SCHEMA);
    SCHEMAS.put(GoroutineStatesTableBuilder.NAME, GoroutineStatesTableBuilder.SCHEMA);
    SCHEMAS.put(BlockingIntervalsTableBuilder.NAME, BlockingIntervalsTableBuilder.SCHEMA);
    SCHEMAS.put(TasksTableBuilder.NAME, TasksTableBuilder.SCHEMA);
    SCHEMAS.put(RegionsTableBuilder.NAME, RegionsTableBuilder.SCHEMA);
    SCHEMAS.put(LogsTableBuilder.NAME, LogsTableBuilder.SCHEMA);
    SCHEMAS.put(RangesTableBuilder.NAME, RangesTableBuilder.SCHEMA);
    SCHEMAS.put(MetricsTableBuilder.NAME, MetricsTableBuilder.SCHEMA);
    SCHEMAS.put(CpuSamplesTableBuilder.NAME, CpuSamplesTableBuilder.SCHEMA);
    SCHEMAS.put(LabelsTableBuilder.NAME, LabelsTableBuilder.SCHEMA);
    SCHEMAS.put(BlockingProfilesTableBuilder.NAME, BlockingProfilesTableBuilder.SCHEMA);
    SCHEMAS.put(GoroutineTimesTableBuilder.NAME, GoroutineTimesTableBuilder.SCHEMA);
    SCHEMAS.put(GoroutineTimesTableBuilder.BLOCK_NAME, GoroutineTimesTableBuilder.BLOCK_SCHEMA);
    SCHEMAS.put(GoroutineRangeTimeTableBuilder.NAME, GoroutineRangeTimeTableBuilder.SCHEMA);
    SCHEMAS.put(RegionStatsTableBuilder.NAME, RegionStatsTableBuilder.SCHEMA);
    SCHEMAS.put(ProcStatesTableBuilder.NAME, ProcStatesTableBuilder.SCHEMA);
    SCHEMAS.put(RegionProfilesTableBuilder.NAME, RegionProfilesTableBuilder.SCHEMA);
    SCHEMAS.put(RegionStatsTableBuilder.BLOCK_NAME, RegionStatsTableBuilder.BLOCK_SCHEMA);
    SCHEMAS.put(RegionStatsTableBuilder.RANGE_NAME, RegionStatsTableBuilder.RANGE_SCHEMA);
    SCHEMAS.put(GroupBlockingProfilesTableBuilder.NAME, GroupBlockingProfilesTableBuilder.SCHEMA);
    SCHEMAS.put(GroupStackTimesTableBuilder.NAME, GroupStackTimesTableBuilder.SCHEMA);
  }

  private TableSchemas() {}

  /** Every table name, in schema.md's order. */
  public static List<String> names() { return List.copyOf(SCHEMAS.keySet()); }

  /**
   * The schema of table {@code name}; its metadata {@code "doc"} says what one row is.
   *
   * @throws IllegalArgumentException if there is no such table
   */
  public static Schema schema(String name) {
    Schema s = SCHEMAS.get(name);
    if (s == null) throw new IllegalArgumentException("no table named " + name + "; tables: " + SCHEMAS.keySet());
    return s;
  }
}
