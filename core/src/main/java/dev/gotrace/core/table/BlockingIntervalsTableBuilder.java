package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.util.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code blocking_intervals}: the intervals {@code go tool trace}'s four pprof-style profiles
 * ({@code cmd/trace/pprof.go}) measure. An interval starts at the first goroutine transition into
 * waiting, syscall or runnable and ends at the next transition into another state; transitions to
 * the same state (status events) neither end nor start one, as in Go.
 */
final class BlockingIntervalsTableBuilder implements TableBuilder {
  static final String NAME = "blocking_intervals";
  private static final int MAX_PROFILE_PCS = 128;
  static final Schema SCHEMA = Fields.schema(
      "One row per interval a goroutine was alive but not running (waiting, syscall, runnable), delimited as "
          + "go tool trace's profiles (cmd/trace/pprof.go) delimit them: from the transition into the state (for a "
          + "goroutine reported by a status event: that event, not the Sync) to the next transition into another "
          + "state. A profile (-pprof=net|sync|syscall|sched) is, per profile_stack_id, COUNT and SUM of each row's overlap "
          + "with [goroutines.start_ts (no lower bound if NULL), COALESCE(goroutines.end_ts, trace end)] over rows "
          + "with that profile, dur NOT NULL and overlap > 0, where overlap(a, b) = 0 if a ends before b starts or b "
          + "ends before a starts, else min(ends) - max(starts).",
      bigint("goid", false, "Goroutine id (joins goroutines.goid)."),
      bigint("ts", false, "Time of the transition into the state (ns since trace start)."),
      bigint("dur", true, "Length in ns; NULL if still open at trace end (the profiles drop such intervals)."),
      string("state", false, "waiting, syscall or runnable."),
      string("reason", false, "Reason of the transition into the state, exactly as Go reports it ('' if none)."),
      bigint("stack_id", true, "Stack Go's profiles attribute the interval to: Event.Stack() of the transition into the state (GoBlock, GoStop, GoSyscallBegin: own stack; GoUnblock: the unblocker's; GoCreate: the creator's; GoStatusStack: its stack); NULL if none."),
      bigint("profile_stack_id", true, "The stack Go's profiles group the interval under: they key stacks by their first 128 PCs, zero-padded, so stacks equal in those PCs up to trailing zero PCs are one profile record; this is the smallest stack_id of this table with the same key, NULL for no stack or a stack of zero PCs (merged with 'no stack'). Profiles are GROUP BY profile_stack_id."),
      bigint("unblocked_by_goid", true, "Goroutine in whose context the transition that ended the interval ran (for waiting: the unblocker); NULL if none or still open."),
      bigint("unblock_stack_id", true, "Event.Stack() of the transition that ended the interval (for waiting: the unblocker's stack); NULL if none or still open."),
      string("profile", true, "Which of go tool trace's profiles counts the interval: 'net' (waiting, reason 'network'), 'sync' (waiting, reason containing 'chan', 'sync' or 'select'), 'syscall' (every syscall), 'sched' (every runnable); NULL for other waits."),
      bigint("event_id", false, "Event that entered the state (joins events.event_id)."),
      bigint("end_event_id", true, "Event that ended the interval; NULL if still open."),
      string("end_reason", false, "'transition' or 'trace_end' (still open: dur NULL)."));

  private final Vocabulary vocabulary;
  private final StackTable stacks;
  private final int[] stateNames = new int[GoState.values().length];
  private final Profiles profiles;
  private final int transitionEnd;
  private final int traceEnd;
  /**
   * Whether rows get every column. When only other tables read this builder (a profile query),
   * the columns nobody reads (reason, unblocker, event ids, end reason) stay empty: they were half
   * the cost of the pass that answers a profile.
   */
  private final boolean fullRows;
  /**
   * Non-null when only the tables aggregated from this builder read it (blocking_profiles and the
   * goroutine group sums): then each interval is summed as it closes and only the open ones keep a
   * row (a closed interval's row is taken by the next one), so a profile of a large trace stages no
   * column of tens of millions of rows.
   */
  private final BlockingSums streamed;
  private final GoroutinesTableBuilder goroutines;
  private final TraceBounds bounds;
  /** {@link #sums()}, once computed. */
  private BlockingSums summed;
  /** Rows of closed intervals, free for the next one to open (streamed only). */
  private int[] freeRows = new int[64];
  private int freeCount;
  /** Stack ids of the intervals seen (streamed only; staged rows hold them). */
  private final BitSet streamedStacks = new BitSet();
  /** Goroutine ids created into a syscall (cgo callbacks, which Go creates again and again): their intervals wait for the final window. */
  private final LongIntMap createdInSyscall = new LongIntMap();
  /** Open interval per goroutine: its row; absent when running or not alive. */
  private final LongIntMap open = new LongIntMap();
  /** Per reason string id: 1 + the profile name id of a wait with that reason, 0 = not yet classified. */
  private int[] waitProfiles = new int[64];

  private final LongColumn goid = new LongColumn();
  private final LongColumn ts = new LongColumn();
  private final LongColumn dur = new LongColumn();
  private final IntColumn state = new IntColumn();
  private final IntColumn reason = new IntColumn();
  private final IntColumn stackId = new IntColumn();
  private final LongColumn unblockedBy = new LongColumn();
  private final IntColumn unblockStackId = new IntColumn();
  private final IntColumn profile = new IntColumn();
  private final LongColumn eventId = new LongColumn();
  private final LongColumn endEventId = new LongColumn();
  private final IntColumn endReason = new IntColumn();
  /** Computed once the stream ended, by {@link #profileStacks()}. */
  private int[] profileStacks;

  /**
   * Intervals of {@code goroutines}' goroutines; {@code fullRows} for the table itself, {@code streamed}
   * to sum them into {@link #sums()} as they close instead of keeping rows.
   */
  BlockingIntervalsTableBuilder(Vocabulary vocabulary, StackTable stacks, GoroutinesTableBuilder goroutines,
      TraceBounds bounds, boolean fullRows, boolean streamed) {
    this.vocabulary = vocabulary;
    this.fullRows = fullRows;
    this.streamed = streamed ? new BlockingSums(goroutines, bounds) : null;
    this.goroutines = goroutines;
    this.bounds = bounds;
    this.stacks = stacks;
    for (GoState s : GoState.values()) stateNames[s.ordinal()] = vocabulary.goState(s.ordinal());
    profiles = new Profiles(vocabulary);
    transitionEnd = vocabulary.intern("transition");
    traceEnd = vocabulary.intern("trace_end");
  }

  @Override public Set<EventKind> kinds() { return EnumSet.of(EventKind.STATE_TRANSITION); }

  @Override public void onEvent(TraceEvent ev) {
    if (ev.kind() != EventKind.STATE_TRANSITION || ev.resourceKind() != ResourceKind.GOROUTINE) return;
    long id = ev.resourceId();
    int to = ev.toState();
    boolean opens = to == GoState.WAITING.ordinal() || to == GoState.SYSCALL.ordinal()
        || to == GoState.RUNNABLE.ordinal();
    if (streamed != null) created(ev, id, to);
    int row = open.get(id);
    if (row != LongIntMap.MISSING) {
      if (state.get(row) == stateNames[to]) return;
      if (streamed != null) {
        streamed.closed(id, ts.get(row), ev.time(), profiles.slot(profile.get(row)), kind(row), stackId.get(row),
            createdInSyscall.size() > 0 && createdInSyscall.containsKey(id));
        freeRow(row);
      } else {
        dur.set(row, ev.time() - ts.get(row));
      }
      if (fullRows) {
        if (ev.goroutine() >= 0) unblockedBy.set(row, ev.goroutine());
        if (ev.stackId() != 0) unblockStackId.set(row, ev.stackId());
        endEventId.set(row, ev.index());
        endReason.set(row, transitionEnd);
      }
      if (!opens) open.remove(id);
    }
    // put replaces the closed interval's entry in place.
    if (opens) open.put(id, add(ev, id, to));
  }

  /** Notes the ids a re-creation of which would change intervals already summed (streamed only). */
  private void created(TraceEvent ev, long id, int to) {
    int from = ev.fromState();
    if (from == to || (from != GoState.NOT_EXIST.ordinal() && from != GoState.UNDETERMINED.ordinal())) return;
    // Checked before marking: an id whose earlier life was summed at once and that comes back as
    // a cgo callback has changed sums too.
    if (goroutines.incarnationOf(id) > 1 && !createdInSyscall.containsKey(id)) streamed.recreated();
    if (to == GoState.SYSCALL.ordinal()) createdInSyscall.put(id, 1);
  }

  private int add(TraceEvent ev, long id, int to) {
    int p = profileOf(to, ev.reasonId());
    if (streamed != null) return addStreamed(ev, to, p);
    int row = goid.add(id);
    ts.add(ev.time());
    dur.addNull();
    state.add(stateNames[to]);
    stackId.addStack(ev.stackId());
    if (p < 0) profile.addNull();
    else profile.add(p);
    if (fullRows) {
      reason.add(ev.reasonId());
      unblockedBy.addNull();
      unblockStackId.addNull();
      eventId.add(ev.index());
      endEventId.addNull();
      endReason.add(traceEnd);
    }
    return row;
  }

  /** An open interval of a streamed pass, in a free row if there is one; stack 0 and profile -1 stay as they are. */
  private int addStreamed(TraceEvent ev, int to, int p) {
    int stack = ev.stackId();
    streamedStacks.set(stack);
    if (freeCount == 0) {
      int row = ts.add(ev.time());
      state.add(stateNames[to]);
      stackId.add(stack);
      profile.add(p);
      return row;
    }
    int row = freeRows[--freeCount];
    ts.set(row, ev.time());
    state.set(row, stateNames[to]);
    stackId.set(row, stack);
    profile.set(row, p);
    return row;
  }

  private void freeRow(int row) {
    if (freeCount == freeRows.length) freeRows = Arrays.copyOf(freeRows, freeCount * 2);
    freeRows[freeCount++] = row;
  }

  /** The profiles' pool ids and slots, for the tables aggregated from this builder. */
  Profiles profiles() { return profiles; }

  /**
   * The sums of every interval, once the stream ended: those of a streamed pass, completed with the
   * intervals still open and those that waited for their goroutine's final window, or those of the
   * kept rows.
   */
  BlockingSums sums() {
    if (summed == null) summed = streamed != null ? finishStreamed() : sumRows();
    return summed;
  }

  /** False if a streamed pass's sums may be wrong (see {@link BlockingSums#exact()}); true if rows are kept. */
  boolean sumsExact() { return streamed == null || sums().exact(); }

  private BlockingSums finishStreamed() {
    for (int slot = 0; slot < open.capacity(); slot++) {
      if (!open.occupied(slot)) continue;
      int row = open.valueAt(slot);
      streamed.open(open.keyAt(slot), ts.get(row), kind(row), stackId.get(row));
    }
    streamed.finish();
    return streamed;
  }

  /** The sums of the kept rows; the decode is over and both cores are free, so the later half is summed beside. */
  private BlockingSums sumRows() {
    int rows = rows();
    CompletableFuture<BlockingSums> later = CompletableFuture.supplyAsync(() -> sumRows(rows / 2, rows));
    BlockingSums sums = sumRows(0, rows / 2);
    try {
      sums.merge(later.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
    return sums;
  }

  /** The sums of rows {@code [from, to)}: no boxing or hashing of records per interval. */
  private BlockingSums sumRows(int from, int to) {
    BlockingSums sums = new BlockingSums(goroutines, bounds);
    for (int row = from; row < to; row++) {
      GoroutinesTableBuilder.Goroutine g = goroutines.find(goid.get(row));
      if (g == null) continue;
      long start = ts.get(row);
      boolean closed = !dur.isNull(row);
      sums.count(g, start, closed ? start + dur.get(row) : 0, closed, profiles.slot(profile(row)), kind(row), stack(row));
    }
    return sums;
  }

  /** Which whole-length sum of {@link BlockingSums} interval {@code row} adds to. */
  private int kind(int row) {
    int s = state.get(row);
    if (s == stateNames[GoState.WAITING.ordinal()]) return BlockingSums.WAITING;
    if (s == stateNames[GoState.SYSCALL.ordinal()]) return BlockingSums.SYSCALL;
    return BlockingSums.OTHER;
  }

  /** cmd/trace/pprof.go's predicates, as a profile name id; -1 if no profile counts the interval. */
  private int profileOf(int to, int reasonId) {
    if (to == GoState.SYSCALL.ordinal()) return profiles.syscall();
    if (to == GoState.RUNNABLE.ordinal()) return profiles.sched();
    if (reasonId >= waitProfiles.length) waitProfiles = Arrays.copyOf(waitProfiles, reasonId * 2);
    if (waitProfiles[reasonId] == 0) {
      String s = vocabulary.strings().get(reasonId);
      int profile = -1;
      if (s.equals("network")) profile = profiles.net();
      else if (s.contains("chan") || s.contains("sync") || s.contains("select")) profile = profiles.sync();
      waitProfiles[reasonId] = profile + 1;
    }
    return waitProfiles[reasonId] - 1;
  }

  /** cmd/trace's profile record key: the first 128 PCs without trailing zeros (its keys are zero-padded). */
  private List<Long> profileKey(int stackId) {
    int n = Math.min(stacks.depth(stackId), MAX_PROFILE_PCS);
    while (n > 0 && stacks.pc(stackId, n - 1) == 0) n--;
    List<Long> key = new ArrayList<>(n);
    for (int f = 0; f < n; f++) key.add(stacks.pc(stackId, f));
    return key;
  }

  /** Stack id of interval {@code row}, 0 for none. */
  int stack(int row) { return stackId.isNull(row) ? 0 : stackId.get(row); }

  /** Interval rows so far. */
  int rows() { return goid.size(); }

  /** Goroutine of interval {@code row}. */
  long goid(int row) { return goid.get(row); }

  /** Absolute start time of interval {@code row}. */
  long startTime(int row) { return ts.get(row); }

  /** Whether interval {@code row} is closed (its dur is known). */
  boolean closed(int row) { return !dur.isNull(row); }

  /** Length of closed interval {@code row}. */
  long duration(int row) { return dur.get(row); }

  /** String-pool id of the profile counting interval {@code row}, or -1 if none. */
  int profile(int row) { return profile.isNull(row) ? -1 : profile.get(row); }

  /**
   * Per stack id, the profile_stack_id of the intervals with that stack: the smallest stack id with
   * the same profile key; 0 for none. A table indexed by stack, not a column of every row: a large
   * trace has tens of millions of intervals and a few thousand stacks.
   */
  int[] profileStacks() {
    if (profileStacks == null) profileStacks = computeProfileStacks();
    return profileStacks;
  }

  /** The profile_stack_id of interval {@code row}, looked up in {@link #profileStacks()}; -1 for NULL. */
  long profileStackId(int row, int[] profileStacks) {
    if (stackId.isNull(row)) return -1;
    int canonical = profileStacks[stackId.get(row)];
    return canonical == 0 ? -1 : canonical;
  }

  private int[] computeProfileStacks() {
    BitSet used = streamed != null ? streamedStacks : stacksOfRows();
    // Per distinct stack (not per row): its profile key, then the smallest stack id sharing it.
    List<List<Long>> keyOf = new ArrayList<>(Collections.nCopies(stacks.size(), null));
    Map<List<Long>, Integer> smallest = new HashMap<>();
    for (int s = used.nextSetBit(1); s >= 0; s = used.nextSetBit(s + 1)) {
      List<Long> key = profileKey(s);
      keyOf.set(s, key);
      if (!key.isEmpty()) smallest.merge(key, s, Math::min);
    }
    int[] canonical = new int[stacks.size()];
    for (int s = 0; s < canonical.length; s++) {
      List<Long> key = keyOf.get(s);
      if (key != null && !key.isEmpty()) canonical[s] = smallest.get(key);
    }
    return canonical;
  }

  private BitSet stacksOfRows() {
    BitSet used = new BitSet();
    for (int row = 0; row < goid.size(); row++) {
      if (!stackId.isNull(row)) used.set(stackId.get(row));
    }
    return used;
  }

  private LongColumn profileStackIdColumn() {
    int[] canonical = profileStacks();
    LongColumn column = new LongColumn();
    for (int row = 0; row < goid.size(); row++) column.addId(profileStackId(row, canonical));
    return column;
  }

  @Override public TraceTable finish(TableContext context) {
    if (!fullRows) throw new IllegalStateException(NAME + " was built only for the tables that read it");
    return context.table(NAME, SCHEMA, goid.size(),
        ColumnWriter.bigint(goid), context.time(ts), ColumnWriter.bigint(dur), ColumnWriter.int32(state),
        ColumnWriter.int32(reason), ColumnWriter.bigint(stackId), ColumnWriter.bigint(profileStackIdColumn()),
        ColumnWriter.bigint(unblockedBy),
        ColumnWriter.bigint(unblockStackId), ColumnWriter.int32(profile), ColumnWriter.bigint(eventId),
        ColumnWriter.bigint(endEventId), ColumnWriter.int32(endReason));
  }
}
