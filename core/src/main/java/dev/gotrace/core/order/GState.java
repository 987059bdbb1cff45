package dev.gotrace.core.order;

import java.util.Arrays;

/** What the ordering knows about one goroutine (Go's {@code gState}). */
final class GState extends RangeSet {
  final long id;
  /** Wire status ({@code tracev2.GoStatus}). */
  int status;
  long seqGen;
  long seq;
  /** Open user regions, innermost last: task id and name (StringPool id, i.e. the value). */
  private long[] regionTasks = new long[2];
  private int[] regionNames = new int[2];
  private int regionCount;

  GState(long id, int status, long gen) {
    this.id = id;
    this.status = status;
    this.seqGen = gen;
  }

  void beginRegion(long task, int name) {
    if (regionCount == regionTasks.length) {
      regionTasks = Arrays.copyOf(regionTasks, regionCount * 2);
      regionNames = Arrays.copyOf(regionNames, regionCount * 2);
    }
    regionTasks[regionCount] = task;
    regionNames[regionCount] = name;
    regionCount++;
  }

  /** True if the region matches the innermost one, or none is open (it began before the trace). */
  boolean endRegion(long task, int name) {
    if (regionCount == 0) return true;
    if (regionTasks[regionCount - 1] != task || regionNames[regionCount - 1] != name) return false;
    regionCount--;
    return true;
  }

  long innermostRegionTask() { return regionTasks[regionCount - 1]; }

  int innermostRegionName() { return regionNames[regionCount - 1]; }
}
