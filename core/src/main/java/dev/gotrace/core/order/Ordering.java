package dev.gotrace.core.order;

import dev.gotrace.core.util.LongObjectMap;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.generation.GenerationStrings;
import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.FormatVersion;

/**
 * Go's scheduler model ({@code order.go}): validates each event against goroutine, P, thread, GC
 * and task state, decides whether it can happen now ("advance") or must wait for events of other
 * threads ("stall"), and queues the completed events, including those it synthesises. One
 * handler per event type, dispatched through {@link OrderingDispatch}.
 */
public final class Ordering {
  /** Go's {@code NoThread}, {@code NoProc}, {@code NoGoroutine}. */
  public static final long NONE = -1;
  /** Go's {@code NoTask}. */
  public static final long NO_TASK = -1;

  /** GC states. */
  static final int GC_UNDETERMINED = 0;
  static final int GC_NOT_RUNNING = 1;
  static final int GC_RUNNING = 2;

  final FormatVersion version;
  final LongObjectMap<GState> gStates = new LongObjectMap<>();
  final LongObjectMap<PState> pStates = new LongObjectMap<>();
  final LongObjectMap<MState> mStates = new LongObjectMap<>();
  final LongObjectMap<TaskState> activeTasks = new LongObjectMap<>();
  long gcSeq;
  int gcState = GC_UNDETERMINED;
  long initialGen;
  final EventQueue queue = new EventQueue();

  // The event being advanced: its thread, generation, strings, and context before the event.
  long gen;
  GenerationStrings strings;
  long curM;
  long curP;
  long curG;
  // The context after the event, applied to the thread's state if the event advances.
  long newP;
  long newG;

  public Ordering(FormatVersion version) { this.version = version; }

  /** Completed events, oldest first. */
  public EventQueue queue() { return queue; }

  /**
   * Tries to advance {@code ev}, written by thread {@code m} in generation {@code gen}. Returns
   * false if the event must wait; throws if the trace is broken.
   */
  public boolean advance(BaseEvent ev, GenerationStrings strings, long m, long gen) {
    if (initialGen == 0) initialGen = gen;
    this.gen = gen;
    this.strings = strings;
    curM = m;
    MState ms = null;
    if (m == NONE) {
      curP = NONE;
      curG = NONE;
    } else {
      ms = mStates.get(m);
      if (ms == null) {
        ms = new MState(NONE, NONE);
        mStates.put(m, ms);
      }
      curP = ms.p;
      curG = ms.g;
    }
    newP = curP;
    newG = curG;
    OrderingDispatch.Handler handler = OrderingDispatch.handler(ev.type);
    if (handler == null) throw error(ev, "bad event type found while ordering: " + ev.type);
    boolean ok = handler.advance(this, ev);
    if (ok && ms != null) {
      ms.p = newP;
      ms.g = newG;
    }
    return ok;
  }

  // ---- helpers shared by the handlers ----

  /** Requirement levels of {@link #require}. */
  static final int MUST_NOT = 0;
  static final int MAY = 1;
  static final int MUST = 2;

  /** Go's {@code validateCtx} on the current context. */
  void require(BaseEvent ev, int m, int p, int g) {
    if (m == MUST && curM == NONE) throw error(ev, "expected a thread but didn't have one");
    if (m == MUST_NOT && curM != NONE) throw error(ev, "expected no thread but had one");
    if (p == MUST && curP == NONE) throw error(ev, "expected a proc but didn't have one");
    if (p == MUST_NOT && curP != NONE) throw error(ev, "expected no proc but had one");
    if (g == MUST && curG == NONE) throw error(ev, "expected a goroutine but didn't have one");
    if (g == MUST_NOT && curG != NONE) throw error(ev, "expected no goroutine but had one");
  }

  /** Go's {@code userGoReqs}: thread, proc and goroutine all required. */
  void requireUserGoroutine(BaseEvent ev) { require(ev, MUST, MUST, MUST); }

  /** Queues the event as is, in the current context. */
  void emit(BaseEvent ev) { queue.push(ev, curM, curP, curG); }

  String evName(int type) { return version.eventName(type); }

  TraceFormatException error(BaseEvent ev, String message) {
    return new TraceFormatException(message, ev.offset, gen);
  }

  static boolean succeeds(long gen, long seq, long prevGen, long prevSeq) {
    return gen == prevGen && seq == prevSeq + 1;
  }

  static String seqString(long seq, long gen) {
    return Long.toUnsignedString(seq) + " (gen=" + Long.toUnsignedString(gen) + ")";
  }

  /** Public state of a wire goroutine status ({@code tracev2GoStatus2GoState}). */
  public static int goState(int status) {
    return switch (status) {
      case EventType.GO_RUNNABLE -> dev.gotrace.core.event.GoState.RUNNABLE.ordinal();
      case EventType.GO_RUNNING -> dev.gotrace.core.event.GoState.RUNNING.ordinal();
      case EventType.GO_SYSCALL -> dev.gotrace.core.event.GoState.SYSCALL.ordinal();
      case EventType.GO_WAITING -> dev.gotrace.core.event.GoState.WAITING.ordinal();
      default -> dev.gotrace.core.event.GoState.UNDETERMINED.ordinal();
    };
  }

  /** Public state of a wire proc status ({@code tracev2ProcStatus2ProcState}). */
  public static int procState(int status) {
    return switch (status) {
      case EventType.PROC_RUNNING, EventType.PROC_SYSCALL -> dev.gotrace.core.event.ProcState.RUNNING.ordinal();
      case EventType.PROC_IDLE, EventType.PROC_SYSCALL_ABANDONED -> dev.gotrace.core.event.ProcState.IDLE.ordinal();
      default -> dev.gotrace.core.event.ProcState.UNDETERMINED.ordinal();
    };
  }
}
