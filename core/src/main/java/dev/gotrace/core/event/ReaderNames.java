package dev.gotrace.core.event;

/**
 * The fixed names Go's reader gives metrics and runtime ranges ({@code internal/trace/event.go}),
 * and their ids in one trace's {@link StringPool}, interned once by whoever emits events.
 */
public final class ReaderNames {
  public static final String GOMAXPROCS = "/sched/gomaxprocs:threads";
  public static final String HEAP_OBJECTS = "/memory/classes/heap/objects:bytes";
  public static final String HEAP_GOAL = "/gc/heap/goal:bytes";
  public static final String GC_MARK_PHASE = "GC concurrent mark phase";
  public static final String GC_SWEEP = "GC incremental sweep";
  public static final String GC_MARK_ASSIST = "GC mark assist";

  public final int gomaxprocs;
  public final int heapObjects;
  public final int heapGoal;
  public final int markPhase;
  public final int sweep;
  public final int markAssist;

  public ReaderNames(StringPool pool) {
    gomaxprocs = pool.intern(GOMAXPROCS);
    heapObjects = pool.intern(HEAP_OBJECTS);
    heapGoal = pool.intern(HEAP_GOAL);
    markPhase = pool.intern(GC_MARK_PHASE);
    sweep = pool.intern(GC_SWEEP);
    markAssist = pool.intern(GC_MARK_ASSIST);
  }
}
