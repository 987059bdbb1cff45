package dev.gotrace.core.table;

import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.dictionary.DictionaryProvider.MapDictionaryProvider;

/**
 * Feeds every event to all table builders at once (one pass over the trace), then writes all
 * tables. The regions builder reads the goroutines builder's state while streaming, so it is fed
 * after it.
 */
final class TraceTablesBuilder implements TraceSink {
  private final StringPool strings;
  private final StackTable stacks;
  private final TraceBounds bounds = new TraceBounds();
  private final EventsTableBuilder events;
  private final GoroutinesTableBuilder goroutines;
  private final ProcsTableBuilder procs = new ProcsTableBuilder();
  private final ThreadsTableBuilder threads = new ThreadsTableBuilder();
  private final GoroutineStatesTableBuilder goroutineStates;
  private final BlockingIntervalsTableBuilder blockingIntervals;
  private final TasksTableBuilder tasks = new TasksTableBuilder();
  private final RegionsTableBuilder regions;
  private final LogsTableBuilder logs = new LogsTableBuilder();
  private final RangesTableBuilder ranges;
  private final MetricsTableBuilder metrics = new MetricsTableBuilder();
  private final CpuSamplesTableBuilder cpuSamples = new CpuSamplesTableBuilder();
  private final LabelsTableBuilder labels = new LabelsTableBuilder();
  private final TraceSink[] dispatch;

  TraceTablesBuilder(StringPool strings, StackTable stacks) {
    this.strings = strings;
    this.stacks = stacks;
    Vocabulary vocabulary = new Vocabulary(strings);
    events = new EventsTableBuilder(vocabulary);
    goroutines = new GoroutinesTableBuilder(vocabulary, stacks);
    goroutineStates = new GoroutineStatesTableBuilder(vocabulary);
    blockingIntervals = new BlockingIntervalsTableBuilder(vocabulary, stacks);
    regions = new RegionsTableBuilder(vocabulary, goroutines, tasks);
    ranges = new RangesTableBuilder(vocabulary);
    dispatch = new TraceSink[] {bounds, events, goroutines, procs, threads, goroutineStates,
        blockingIntervals, tasks, regions, logs, ranges, metrics, cpuSamples, labels};
  }

  @Override public void onEvent(TraceEvent ev) {
    for (TraceSink sink : dispatch) sink.onEvent(ev);
  }

  /**
   * Writes the dictionary and every table into {@code allocator} (one child allocator per table);
   * on failure frees what was written and rethrows.
   */
  Tables finish(TraceInfo info, BufferAllocator allocator) {
    MapDictionaryProvider dictionaries = new MapDictionaryProvider(TraceDictionary.build(strings, allocator));
    List<TraceTable> tables = new ArrayList<>();
    try {
      TableContext context = new TableContext(allocator, dictionaries, bounds.first());
      tables.add(TraceInfoTableBuilder.build(info, bounds, context));
      tables.add(events.finish(context));
      tables.add(goroutines.finish(context));
      tables.add(procs.finish(context));
      tables.add(threads.finish(context));
      tables.add(StacksTableBuilder.build(stacks, context));
      tables.add(StackFramesTableBuilder.build(stacks, context));
      tables.add(goroutineStates.finish(context));
      tables.add(blockingIntervals.finish(context));
      tables.add(tasks.finish(context));
      tables.add(regions.finish(context));
      tables.add(logs.finish(context));
      tables.add(ranges.finish(context));
      tables.add(metrics.finish(context));
      tables.add(cpuSamples.finish(context));
      tables.add(labels.finish(context));
    } catch (RuntimeException | Error e) {
      new Tables(tables, dictionaries).close();
      throw e;
    }
    return new Tables(tables, dictionaries);
  }

  /** The written tables, in schema.md's order, and the dictionary they share. */
  record Tables(List<TraceTable> tables, MapDictionaryProvider dictionaries) implements AutoCloseable {
    @Override public void close() {
      for (TraceTable t : tables) t.release();
      dictionaries.close();
    }
  }
}
