package dev.gotrace.core.read;

import dev.gotrace.core.generation.GoSort;
import java.util.Arrays;

/**
 * The min-heap of per-M cursors keyed by the time of their next event, ported operation by
 * operation from Go's {@code batchcursor.go} so that cursors with equal times come out in Go's
 * order (and therefore the +1 ns time fix-ups land on the same events). The heap holds cursor
 * numbers, not references, so reordering it is plain int stores.
 */
final class Frontier implements GoSort.Sortable {
  private BatchCursor[] cursors = new BatchCursor[16];
  private int cursorCount;
  private int[] heap = new int[16];
  private int size;

  int size() { return size; }

  boolean isEmpty() { return size == 0; }

  BatchCursor get(int i) { return cursors[heap[i]]; }

  /** Forgets all cursors (the previous generation's are exhausted). */
  void clear() {
    Arrays.fill(cursors, 0, cursorCount, null);
    cursorCount = 0;
    size = 0;
  }

  void insert(BatchCursor c) {
    if (cursorCount == cursors.length) {
      cursors = Arrays.copyOf(cursors, cursorCount * 2);
      heap = Arrays.copyOf(heap, cursorCount * 2);
    }
    cursors[cursorCount] = c;
    heap[size++] = cursorCount++;
    siftUp(size - 1);
  }

  /** The cursor at {@code i} has a new event: restore the heap. */
  void update(int i) {
    if (siftUp(i) != i) return;
    siftDown(i);
  }

  void remove(int i) {
    // Move slot i to the root regardless of times, then drop the root.
    while (i > 0) {
      swap((i - 1) / 2, i);
      i = (i - 1) / 2;
    }
    swap(0, size - 1);
    size--;
    siftDown(0);
  }

  /** Sorts by time with Go's unstable sort (a sorted array is still a valid heap). */
  void sort() { GoSort.sort(this, size); }

  private long time(int i) { return cursors[heap[i]].time; }

  private int siftUp(int i) {
    while (i > 0 && time((i - 1) / 2) > time(i)) {
      swap((i - 1) / 2, i);
      i = (i - 1) / 2;
    }
    return i;
  }

  private void siftDown(int i) {
    while (true) {
      int m = min3(i, 2 * i + 1, 2 * i + 2);
      if (m == i) break;
      swap(i, m);
      i = m;
    }
  }

  private int min3(int i0, int i1, int i2) {
    int minIdx = i0;
    long minT = Long.MAX_VALUE;
    if (i0 < size) minT = time(i0);
    if (i1 < size && time(i1) < minT) {
      minT = time(i1);
      minIdx = i1;
    }
    if (i2 < size && time(i2) < minT) minIdx = i2;
    return minIdx;
  }

  @Override public int compare(int i, int j) { return Long.compare(time(i), time(j)); }

  @Override public void swap(int i, int j) {
    int t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }
}
