package dev.gotrace.core.read;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.generation.CpuSamples;
import dev.gotrace.core.generation.Frequency;
import dev.gotrace.core.generation.Generation;
import dev.gotrace.core.generation.GenerationReader;
import dev.gotrace.core.util.LongIntMap;
import dev.gotrace.core.generation.SyncInfo;
import dev.gotrace.core.order.EventQueue;
import dev.gotrace.core.order.Ordering;
import dev.gotrace.core.wire.ByteReader;
import dev.gotrace.core.wire.EventSpec;
import dev.gotrace.core.wire.EventSpecs;
import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.FormatVersion;
import dev.gotrace.core.wire.WireException;

/**
 * Go's {@code Reader.ReadEvent} for v2 traces, event by event:
 * <ol>
 *   <li>read and validate the next whole generation;
 *   <li>put a cursor per M into the frontier heap and emit the generation's Sync;
 *   <li>return events the ordering has queued, else a CPU sample that is earlier than the
 *       frontier's head, else advance the head cursor (on a stall: sort the frontier and try the
 *       others in time order);
 *   <li>when all is consumed, go to 1; at the end emit a final Sync.
 * </ol>
 * Every returned event then has its string and stack ids checked and resolved, and its time
 * forced to be strictly increasing.
 */
final class EventStream {
  /** Per type: indexes into the argument array (dt excluded) of stack ids and of string ids. */
  private static final int[][] STACK_ARGS = new int[256][];
  private static final int[][] STRING_ARGS = new int[256][];

  static {
    for (int t = 0; t < 256; t++) {
      EventSpec spec = t < EventSpecs.COUNT ? EventSpecs.get(t) : EventSpecs.get(0);
      STACK_ARGS[t] = java.util.Arrays.stream(spec.stackIds()).map(p -> p - 1).toArray();
      STRING_ARGS[t] = java.util.Arrays.stream(spec.stringIds()).map(p -> p - 1).toArray();
    }
  }

  private final FormatVersion version;
  private final GenerationReader generations;
  private final Ordering order;
  private final Frontier frontier = new Frontier();

  private Generation gen;
  private long lastGenNumber = TraceFormatException.NO_GENERATION;
  private CpuSamples cpu;
  private int cpuNext;
  private int cpuSize;
  private long lastTs;
  private int syncs;
  private boolean done;
  private TraceFormatException readGenError;
  private TraceFormatException spillError;
  private boolean spillErrorSynced;

  EventStream(FormatVersion version, ByteReader in, StringPool pool, StackTable stacks) {
    this.version = version;
    this.generations = new GenerationReader(version, in, pool, stacks);
    this.order = new Ordering(version);
  }

  /** Fills {@code out} with the next event; false at the end of the trace. Throws on a broken trace. */
  boolean next(StreamEvent out) {
    if (done) return false;
    if (endsAtPendingError()) {
      done = true;
      return false;
    }
    EventQueue queue = order.queue();
    if (!queue.isEmpty()) {
      takeQueued(out);
    } else if (frontier.isEmpty() && cpuNext == cpuSize) {
      if (!version.hasEndOfGeneration()) {
        nextGenerationWithSpill(out);
      } else {
        nextGeneration(out);
      }
    } else if (cpuNext < cpuSize && (frontier.isEmpty() || cpu.time(cpuNext) < frontier.get(0).time)) {
      takeCpuSample(out);
    } else {
      advanceFrontier();
      takeQueued(out);
    }
    finish(out);
    return true;
  }

  /**
   * A generation that failed with Go's bare {@code io.EOF} (a varint cut at its first byte inside a
   * string, CPU-sample or sync batch) is reported by Go's reader as the end of the trace, after its
   * Sync, not as an error.
   */
  private boolean endsAtPendingError() {
    TraceFormatException pending = version.hasEndOfGeneration() ? readGenError
        : spillErrorSynced ? spillError : null;
    return pending != null && pending.detail().equals(WireException.EOF);
  }

  private void nextGeneration(StreamEvent out) {
    if (readGenError != null) throw readGenError;
    Generation g;
    try {
      g = generations.readTerminated();
    } catch (TraceFormatException e) {
      // Close the last good generation with a Sync; the error comes on the next call.
      readGenError = e;
      gen = null;
      sync(out, null);
      return;
    }
    install(g, out);
  }

  private void nextGenerationWithSpill(StreamEvent out) {
    if (spillError != null) {
      if (spillErrorSynced) throw spillError;
      spillErrorSynced = true;
      sync(out, null);
      return;
    }
    if (gen != null && !generations.hasSpill()) {
      done = true;
      sync(out, null);
      return;
    }
    Generation g = null;
    try {
      g = generations.readWithSpill();
      spillError = generations.deferredError();
    } catch (TraceFormatException e) {
      spillError = e;
    }
    if (g == null) {
      gen = null;
      spillErrorSynced = true;
      sync(out, null);
      return;
    }
    install(g, out);
  }

  /** Go's {@code installGen}: a decoding error in some M's first event surfaces before the Sync. */
  private void install(Generation g, StreamEvent out) {
    if (g == null) {
      gen = null;
      done = true;
      sync(out, null);
      return;
    }
    gen = g;
    lastGenNumber = g.gen();
    cpu = g.cpuSamples();
    cpuNext = 0;
    cpuSize = cpu.size();
    double freq = g.sync().nsPerUnit();
    frontier.clear();
    for (int i = 0; i < g.threadCount(); i++) {
      BatchCursor c = new BatchCursor(g.thread(i), g.batches(i), g.payload(), g.gen());
      if (c.next(freq)) frontier.insert(c);
    }
    sync(out, g);
  }

  private void sync(StreamEvent out, Generation table) {
    syncs++;
    out.type = StreamEvent.SYNC;
    out.time = table == null ? lastTs : Frequency.mul(table.sync().nsPerUnit(), table.minTs());
    out.thread = Ordering.NONE;
    out.proc = Ordering.NONE;
    out.goroutine = Ordering.NONE;
    out.gen = lastGenNumber;
    out.syncNumber = syncs;
    out.startsGeneration = table != null;
    out.frequency = table == null ? 0 : table.sync().unitsPerSecond();
    out.hasClockSnapshot = table != null && table.sync().hasClockSnapshot();
    if (out.hasClockSnapshot) {
      SyncInfo s = table.sync();
      out.snapshotTraceTime = s.snapshotTraceTime();
      out.snapshotMono = s.snapshotMono();
      out.snapshotWallSeconds = s.snapshotWallSeconds();
      out.snapshotWallNanos = s.snapshotWallNanos();
    }
  }

  private void takeCpuSample(StreamEvent out) {
    int i = cpuNext++;
    out.type = EventType.CPU_SAMPLE;
    out.time = cpu.time(i);
    out.thread = cpu.thread(i);
    out.proc = cpu.proc(i);
    out.goroutine = cpu.goroutine(i);
    out.args[0] = cpu.stack(i);
    out.args[1] = 0;
    out.args[2] = 0;
    out.args[3] = 0;
    out.gen = gen.gen();
  }

  private void advanceFrontier() {
    if (tryAdvance(0)) return;
    frontier.sort();
    for (int i = 1; i < frontier.size(); i++) {
      if (tryAdvance(i)) return;
    }
    throw new TraceFormatException(failedToAdvance(), frontier.get(0).ev.offset, gen.gen());
  }

  private boolean tryAdvance(int i) {
    BatchCursor c = frontier.get(i);
    if (!order.advance(c.ev, gen.strings(), c.thread, gen.gen())) return false;
    if (c.next(gen.sync().nsPerUnit())) {
      frontier.update(i);
    } else {
      frontier.remove(i);
    }
    return true;
  }

  private String failedToAdvance() {
    StringBuilder b = new StringBuilder("broken trace: failed to advance: frontier:\n[gen=")
        .append(gen.gen()).append("]\n\n");
    for (int i = 0; i < frontier.size(); i++) {
      BatchCursor c = frontier.get(i);
      EventSpec spec = EventSpecs.get(c.ev.type);
      b.append("M ").append(c.thread).append(" [").append(spec.name()).append(" time=").append(c.ev.time);
      for (int k = 1; k < spec.argCount(); k++) {
        b.append(' ').append(spec.args().get(k)).append('=').append(Long.toUnsignedString(c.ev.args[k - 1]));
      }
      b.append("]\n");
    }
    return b.toString();
  }

  private void takeQueued(StreamEvent out) {
    EventQueue q = order.queue();
    int h = q.head();
    out.type = q.type(h);
    out.time = q.time(h);
    out.thread = q.thread(h);
    out.proc = q.proc(h);
    out.goroutine = q.goroutine(h);
    for (int k = 0; k < 4; k++) out.args[k] = q.arg(h, k);
    out.fromState = q.fromState(h);
    out.gen = gen.gen();
    long offset = q.offset(h);
    q.pop();
    resolve(out, offset);
  }

  /**
   * Go's {@code validateTableIDs}, plus the switch to trace-wide ids: every stack and string
   * argument of the spec must exist in the generation's tables.
   */
  private void resolve(StreamEvent out, long offset) {
    int type = out.type;
    for (int pos : STACK_ARGS[type]) {
      int id = gen.stacks().lookup(out.args[pos]);
      if (id == LongIntMap.MISSING) {
        throw new TraceFormatException("found invalid stack ID " + Long.toUnsignedString(out.args[pos])
            + " for event " + EventSpecs.get(type).name(), offset, gen.gen());
      }
      out.args[pos] = id;
    }
    for (int pos : STRING_ARGS[type]) {
      int id = gen.strings().lookup(out.args[pos]);
      if (id == LongIntMap.MISSING) {
        throw new TraceFormatException("found invalid string ID " + Long.toUnsignedString(out.args[pos])
            + " for event " + EventSpecs.get(type).name(), offset, gen.gen());
      }
      out.args[pos] = id;
    }
    if (type == EventType.STW_END) {
      // The begin's kind string id, looked up in this generation's table as Go does.
      int id = gen.strings().lookup(out.args[0]);
      out.args[0] = id == LongIntMap.MISSING ? 0 : id;
    }
  }

  /** CPU sample stacks are not validated by Go; an unknown one is shown as no stack. */
  private void resolveSampleStack(StreamEvent out) {
    int id = gen.stacks().lookup(out.args[0]);
    out.args[0] = id == LongIntMap.MISSING ? 0 : id;
  }

  /** Go's deferred fix-up in ReadEvent: times strictly increase across the whole stream. */
  private void finish(StreamEvent out) {
    if (out.type == EventType.CPU_SAMPLE) resolveSampleStack(out);
    if (out.time <= lastTs) out.time = lastTs + 1;
    lastTs = out.time;
  }
}
