package dev.gotrace.core.table;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.dictionary.DictionaryProvider.MapDictionaryProvider;

/**
 * Feeds every event of one pass over the trace to the builders of the chosen tables (and of the
 * builders they read: regions reads the goroutines and tasks builders while streaming, so those are
 * fed too, before it; blocking_profiles, group_blocking_profiles, group_stack_times, goroutine_times, goroutine_block_times, the region_stats tables and region_profiles aggregate
 * other builders at the end), then writes the chosen tables. Every builder is constructed whatever the
 * choice, so the fixed strings they intern take the same pool ids in every pass.
 */
final class TraceTablesBuilder implements TraceSink {
  private final StringPool strings;
  private final StackTable stacks;
  private final Set<String> chosen;
  private final Vocabulary vocabulary;
  private final TraceBounds bounds = new TraceBounds();
  /** Streaming builders by table name, in dispatch order. */
  private final Map<String, TableBuilder> builders = new LinkedHashMap<>();
  /** Per {@link EventKind} ordinal, the fed builders that take that kind ({@link TableBuilder#kinds}), in dispatch order. */
  private final TableBuilder[][] dispatch;
  /** The summary sums, computed once for both tables that print them. */
  private GoroutineTimesTableBuilder goroutineTimes;
  /** The region spans' sums, computed once for the three tables that print them. */
  private RegionStatsTableBuilder regionStats;

  private static final Set<String> REGION_STATS_READS = Set.of(RegionsTableBuilder.NAME, GoroutinesTableBuilder.NAME,
      TasksTableBuilder.NAME, GoroutineStatesTableBuilder.NAME);
  private static final Set<String> BLOCKING_SUMS_READS = Set.of(BlockingIntervalsTableBuilder.NAME,
      GoroutinesTableBuilder.NAME);
  /** The tables written from {@link BlockingSums}: when no other chosen table needs the interval rows, they stream. */
  private static final Set<String> BLOCKING_SUMS_TABLES = Set.of(BlockingProfilesTableBuilder.NAME,
      GroupBlockingProfilesTableBuilder.NAME, GroupStackTimesTableBuilder.NAME);
  /** Tables written from other tables' builders, and the builders they read. */
  private static final Map<String, Set<String>> READS = Map.ofEntries(
      Map.entry(RegionsTableBuilder.NAME, Set.of(GoroutinesTableBuilder.NAME, TasksTableBuilder.NAME)),
      Map.entry(BlockingProfilesTableBuilder.NAME, BLOCKING_SUMS_READS),
      Map.entry(GroupBlockingProfilesTableBuilder.NAME, BLOCKING_SUMS_READS),
      Map.entry(GroupStackTimesTableBuilder.NAME, Set.of(BlockingIntervalsTableBuilder.NAME, GoroutinesTableBuilder.NAME,
          CpuSamplesTableBuilder.NAME)),
      Map.entry(GoroutineTimesTableBuilder.NAME, Set.of(GoroutineStatesTableBuilder.NAME, GoroutinesTableBuilder.NAME)),
      Map.entry(GoroutineTimesTableBuilder.BLOCK_NAME, Set.of(GoroutineStatesTableBuilder.NAME, GoroutinesTableBuilder.NAME)),
      Map.entry(RegionStatsTableBuilder.NAME, REGION_STATS_READS),
      Map.entry(RegionStatsTableBuilder.BLOCK_NAME, REGION_STATS_READS),
      Map.entry(RegionStatsTableBuilder.RANGE_NAME, Set.of(RegionsTableBuilder.NAME, GoroutinesTableBuilder.NAME,
          TasksTableBuilder.NAME, GoroutineStatesTableBuilder.NAME, GoroutineRangeTimeTableBuilder.NAME)),
      Map.entry(RegionProfilesTableBuilder.NAME, Set.of(RegionsTableBuilder.NAME, GoroutinesTableBuilder.NAME,
          TasksTableBuilder.NAME, BlockingIntervalsTableBuilder.NAME)));

  /** Builds every table, writing them all at {@link #finish} (scripted tests). */
  TraceTablesBuilder(StringPool strings, StackTable stacks) {
    this(strings, stacks, Set.copyOf(TableSchemas.names()), null, TableContext.MAX_BATCH_ROWS, true);
  }

  /**
   * Builds the tables named in {@code chosen} (names of {@link TableSchemas}); append-only tables
   * are written to {@code allocator} a batch of {@code batchRows} at a time while events stream in.
   * {@code streamProfiles}: when only the tables written from {@link BlockingSums} read
   * blocking_intervals, sum the intervals as they close instead of keeping them (see {@link #profilesExact}).
   */
  TraceTablesBuilder(StringPool strings, StackTable stacks, Set<String> chosen, BufferAllocator allocator, int batchRows,
      boolean streamProfiles) {
    this.strings = strings;
    this.stacks = stacks;
    this.chosen = Set.copyOf(chosen);
    Vocabulary vocabulary = new Vocabulary(strings);
    GoroutinesTableBuilder goroutines = new GoroutinesTableBuilder(vocabulary, stacks);
    TasksTableBuilder tasks = new TasksTableBuilder();
    builders.put(EventsTableBuilder.NAME, new EventsTableBuilder(vocabulary, bounds, allocator, batchRows));
    builders.put(GoroutinesTableBuilder.NAME, goroutines);
    builders.put(ProcsTableBuilder.NAME, new ProcsTableBuilder());
    builders.put(ThreadsTableBuilder.NAME, new ThreadsTableBuilder());
    builders.put(GoroutineStatesTableBuilder.NAME, new GoroutineStatesTableBuilder(vocabulary));
    boolean streamed = streamProfiles && this.chosen.stream().anyMatch(BLOCKING_SUMS_TABLES::contains)
        && !this.chosen.contains(BlockingIntervalsTableBuilder.NAME) && !this.chosen.contains(RegionProfilesTableBuilder.NAME);
    builders.put(BlockingIntervalsTableBuilder.NAME, new BlockingIntervalsTableBuilder(vocabulary, stacks, goroutines,
        bounds, this.chosen.contains(BlockingIntervalsTableBuilder.NAME), streamed));
    builders.put(TasksTableBuilder.NAME, tasks);
    builders.put(RegionsTableBuilder.NAME, new RegionsTableBuilder(vocabulary, goroutines, tasks, stacks, bounds));
    builders.put(LogsTableBuilder.NAME, new LogsTableBuilder());
    builders.put(RangesTableBuilder.NAME, new RangesTableBuilder(vocabulary));
    builders.put(MetricsTableBuilder.NAME, new MetricsTableBuilder());
    builders.put(CpuSamplesTableBuilder.NAME, new CpuSamplesTableBuilder());
    builders.put(LabelsTableBuilder.NAME, new LabelsTableBuilder());
    builders.put(GoroutineRangeTimeTableBuilder.NAME, new GoroutineRangeTimeTableBuilder(vocabulary));
    builders.put(ProcStatesTableBuilder.NAME, new ProcStatesTableBuilder(vocabulary));
    this.vocabulary = vocabulary;
    Set<String> feed = new HashSet<>(this.chosen);
    for (String name : this.chosen) feed.addAll(READS.getOrDefault(name, Set.of()));
    dispatch = new TableBuilder[EventKind.values().length][];
    for (EventKind kind : EventKind.values()) {
      dispatch[kind.ordinal()] = builders.entrySet().stream()
          .filter(b -> feed.contains(b.getKey()) && b.getValue().kinds().contains(kind))
          .map(Map.Entry::getValue).toArray(TableBuilder[]::new);
    }
  }

  /**
   * The tables that cost next to nothing more in a pass that builds {@code chosen}: the others
   * written from {@link BlockingSums}, if one of them is chosen (a user of one profile view tends
   * to ask for the next, which then needs no pass of its own).
   */
  static Set<String> builtAlong(Set<String> chosen) {
    return chosen.stream().anyMatch(BLOCKING_SUMS_TABLES::contains) ? BLOCKING_SUMS_TABLES : Set.of();
  }

  /**
   * False if the profiles summed while streaming may be wrong: a goroutine id was created again
   * after intervals of it were summed (not one of Go's cgo-callback ids). Decode again without
   * {@code streamProfiles} then.
   */
  boolean profilesExact() {
    return intervals().sumsExact();
  }

  @Override public void onEvent(TraceEvent ev) {
    bounds.onEvent(ev);
    for (TableBuilder builder : dispatch[ev.kind().ordinal()]) builder.onEvent(ev);
  }

  /**
   * Writes the dictionary and the chosen tables into {@code allocator} (one child allocator per
   * table), in {@link TableSchemas}' order; on failure frees what was written and rethrows.
   */
  Tables finish(TraceInfo info, BufferAllocator allocator) {
    MapDictionaryProvider dictionaries = new MapDictionaryProvider(TraceDictionary.build(strings, allocator));
    List<TraceTable> tables = new ArrayList<>();
    try {
      TableContext context = new TableContext(allocator, dictionaries, bounds.first());
      for (String name : TableSchemas.names()) {
        if (chosen.contains(name)) tables.add(finish(name, info, context));
      }
    } catch (RuntimeException | Error e) {
      new Tables(tables, dictionaries).close();
      throw e;
    }
    return new Tables(tables, dictionaries);
  }

  private TraceTable finish(String name, TraceInfo info, TableContext context) {
    return switch (name) {
      case TraceInfoTableBuilder.NAME -> TraceInfoTableBuilder.build(info, bounds, context);
      case StacksTableBuilder.NAME -> StacksTableBuilder.build(stacks, context);
      case StackFramesTableBuilder.NAME -> StackFramesTableBuilder.build(stacks, context);
      case BlockingProfilesTableBuilder.NAME -> BlockingProfilesTableBuilder.build(intervals(), vocabulary, context);
      case GroupBlockingProfilesTableBuilder.NAME -> GroupBlockingProfilesTableBuilder.build(intervals(), vocabulary, context);
      case GroupStackTimesTableBuilder.NAME -> GroupStackTimesTableBuilder.build(intervals(),
          (CpuSamplesTableBuilder) builders.get(CpuSamplesTableBuilder.NAME),
          (GoroutinesTableBuilder) builders.get(GoroutinesTableBuilder.NAME), vocabulary, context);
      case GoroutineTimesTableBuilder.NAME -> goroutineTimes().times(context);
      case GoroutineTimesTableBuilder.BLOCK_NAME -> goroutineTimes().blockTimes(context);
      case RegionStatsTableBuilder.NAME -> regionStats().stats(context);
      case RegionStatsTableBuilder.BLOCK_NAME -> regionStats().blockTimes(context);
      case RegionStatsTableBuilder.RANGE_NAME -> regionStats().rangeTimes(
          ((GoroutineRangeTimeTableBuilder) builders.get(GoroutineRangeTimeTableBuilder.NAME)).attribution(), context);
      case RegionProfilesTableBuilder.NAME -> RegionProfilesTableBuilder.build(
          (RegionsTableBuilder) builders.get(RegionsTableBuilder.NAME),
          (BlockingIntervalsTableBuilder) builders.get(BlockingIntervalsTableBuilder.NAME), bounds, vocabulary, context);
      default -> builders.get(name).finish(context);
    };
  }

  private BlockingIntervalsTableBuilder intervals() {
    return (BlockingIntervalsTableBuilder) builders.get(BlockingIntervalsTableBuilder.NAME);
  }

  private GoroutineTimesTableBuilder goroutineTimes() {
    if (goroutineTimes == null) {
      goroutineTimes = new GoroutineTimesTableBuilder(
          (GoroutineStatesTableBuilder) builders.get(GoroutineStatesTableBuilder.NAME),
          (GoroutinesTableBuilder) builders.get(GoroutinesTableBuilder.NAME), bounds);
    }
    return goroutineTimes;
  }

  private RegionStatsTableBuilder regionStats() {
    if (regionStats == null) {
      regionStats = new RegionStatsTableBuilder((RegionsTableBuilder) builders.get(RegionsTableBuilder.NAME),
          (GoroutineStatesTableBuilder) builders.get(GoroutineStatesTableBuilder.NAME), bounds);
    }
    return regionStats;
  }

  /** Frees what builders streamed to Arrow, after a pass that failed before {@link #finish}. */
  void abandon() {
    builders.values().forEach(TableBuilder::abandon);
  }

  /** The written tables, in schema.md's order, and the dictionary they share. */
  record Tables(List<TraceTable> tables, MapDictionaryProvider dictionaries) implements AutoCloseable {
    @Override public void close() {
      for (TraceTable t : tables) t.release();
      dictionaries.close();
    }
  }
}
